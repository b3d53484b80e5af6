// The commune's register of responsible units: matching a phrase from a document to a unit
// by its official name or any alias, and guessing what kind of office a name is.
// Pure: the server loads the register, this decides.
import { normalizeUnitKey } from "@/domain/plan-import/units";
import { foldText } from "@/domain/text";

export const UNIT_KINDS = ["OFFICE", "DEPARTMENT", "ONE_STOP", "CIVIL_SERVANT", "MASS_ORGANIZATION", "VILLAGE", "COLLECTIVE", "OTHER"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  OFFICE: "Văn phòng",
  DEPARTMENT: "Phòng, ban chuyên môn",
  ONE_STOP: "Bộ phận một cửa / Trung tâm phục vụ hành chính công",
  CIVIL_SERVANT: "Công chức chức danh",
  MASS_ORGANIZATION: "Mặt trận, đoàn thể",
  VILLAGE: "Thôn, tổ dân phố",
  COLLECTIVE: "Nhóm đơn vị (các ban, ngành…)",
  OTHER: "Khác",
};

export interface RegisterUnit {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** Every key under which a unit is found: its name and each alias, normalized. */
export function unitKeys(unit: Pick<RegisterUnit, "name" | "aliases">): string[] {
  return [...new Set([unit.name, ...unit.aliases].map(normalizeUnitKey).filter(Boolean))];
}

/** Key -> unit id over the whole register; the first unit to claim a key keeps it. */
export function registerIndex(units: readonly RegisterUnit[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const unit of units) for (const key of unitKeys(unit)) if (!index.has(key)) index.set(key, unit.id);
  return index;
}

/** The register unit a phrase names, or null when none does. */
export function matchPhrase(phrase: string, index: Map<string, string>): string | null {
  const key = normalizeUnitKey(phrase);
  return key ? (index.get(key) ?? null) : null;
}

/**
 * The aliases a unit has after `name` is taken by it: the old official name when renamed, the
 * merged unit's name and aliases when merging. Keeps spelling as written; drops duplicates of
 * the official name and of each other by key.
 */
export function mergeAliases(officialName: string, aliases: readonly string[]): string[] {
  const seen = new Set([normalizeUnitKey(officialName)]);
  const out: string[] = [];
  for (const alias of aliases) {
    const key = normalizeUnitKey(alias);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(alias.trim());
  }
  return out;
}

/** A first guess at the kind of office from its name; the chairman corrects it in the register. */
export function guessUnitKind(name: string): UnitKind {
  const f = foldText(name);
  if (/^(cac|nhung|moi)\b|\b(co lien quan|lien quan)$/.test(f)) return "COLLECTIVE";
  if (/^(can bo,? cong chuc|cbcc)\b/.test(f)) return "COLLECTIVE";
  if (/bo phan (mot cua|tiep nhan)|trung tam phuc vu|\btn ?& ?tkq\b|\bmot cua\b/.test(f)) return "ONE_STOP";
  if (/^(van phong|vp)\b/.test(f)) return "OFFICE";
  if (/^(phong|ban)\b/.test(f)) return "DEPARTMENT";
  if (/^(mttq|mat tran|doan|hoi)\b/.test(f)) return "MASS_ORGANIZATION";
  if (/^(thon|to dan pho|xom|khu pho|ap)\b/.test(f)) return "VILLAGE";
  if (/^(cong chuc|tu phap|tai chinh|dia chinh|van hoa|chi huy truong|cong an)\b/.test(f)) return "CIVIL_SERVANT";
  return "OTHER";
}
