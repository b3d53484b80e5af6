// Decision 766/QĐ-TTg scores online public services in five groups (100 points in all).
// The portal computes the score; this module never invents one. It only says which of the
// commune's own indicators fall in each group, and which groups nothing in the plan tracks.

import { foldText } from "../text";

export type Group766 = "PUBLICITY" | "PROGRESS" | "DIGITISATION" | "ONLINE_SERVICE" | "SATISFACTION";

export interface Group766Info {
  key: Group766;
  name: string;
  maxPoints: number;
}

export const GROUPS_766: readonly Group766Info[] = [
  { key: "PUBLICITY", name: "Công khai, minh bạch", maxPoints: 18 },
  { key: "PROGRESS", name: "Tiến độ, kết quả giải quyết", maxPoints: 20 },
  { key: "DIGITISATION", name: "Số hóa hồ sơ", maxPoints: 22 },
  { key: "ONLINE_SERVICE", name: "Cung cấp dịch vụ trực tuyến", maxPoints: 22 },
  { key: "SATISFACTION", name: "Mức độ hài lòng", maxPoints: 18 },
];

export const MAX_POINTS_766 = GROUPS_766.reduce((sum, g) => sum + g.maxPoints, 0);

/**
 * Keyword rules on folded (diacritic-free, lower-case) names, tried in this order; the first
 * match wins. The order settles names that carry two groups' words:
 * "Tỷ lệ công bố, công khai TTHC đúng hạn" is publicity, not progress;
 * "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC" is digitisation, not progress.
 */
const RULES_766: readonly [Group766, RegExp][] = [
  ["SATISFACTION", /\bhai long\b/],
  // Synchronising processing results to the national portal is how progress is made public.
  ["PUBLICITY", /\b(cong bo|cong khai|dong bo)\b/],
  [
    "DIGITISATION",
    /\b(so hoa|tai su dung|su dung lai|ket qua (giai quyet )?(tthc |thu tuc hanh chinh )?dien tu)\b/,
  ],
  ["ONLINE_SERVICE", /\b(truc tuyen|toan trinh)\b/],
  ["PROGRESS", /\b(dung han|tre han|qua han|tien do|xu ly phan anh)\b/],
];

/**
 * SIPAS (the Ministry of Home Affairs' yearly satisfaction survey) is a different measure from
 * 766's satisfaction group, which is rated on the portal per dossier: do not count it here.
 */
const NOT_766 = /\b(sipas|chi so hai long)\b/;

/** The 766 group an indicator name belongs to, or null when none fits. */
export function classify766(indicatorName: string): Group766 | null {
  const name = foldText(indicatorName);
  if (NOT_766.test(name)) return null;
  for (const [group, pattern] of RULES_766) {
    if (pattern.test(name)) return group;
  }
  return null;
}

export interface Coverage766Row<T> extends Group766Info {
  indicators: T[];
  /** True when no indicator of the plan falls in this group. */
  missing: boolean;
}

/** Per 766 group, in the decision's order: the indicators that fall in it; `missing` when none. */
export function coverage766<T extends { name: string }>(indicators: readonly T[]): Coverage766Row<T>[] {
  const rows = GROUPS_766.map((g) => ({ ...g, indicators: [] as T[], missing: true }));
  for (const ind of indicators) {
    const group = classify766(ind.name);
    const row = rows.find((r) => r.key === group);
    if (row) {
      row.indicators.push(ind);
      row.missing = false;
    }
  }
  return rows;
}
