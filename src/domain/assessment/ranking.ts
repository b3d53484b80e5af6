// Ranking of communes by final score, ties sharing a place (1, 2, 2, 4), and the bands the
// province groups scores into.

export interface Band {
  /** Lowest score of the band (inclusive). */
  min: number;
  label: string;
}

/** A plain default when a set names none; provinces set their own. */
export const DEFAULT_BANDS: Band[] = [
  { min: 90, label: "Xuất sắc" },
  { min: 80, label: "Tốt" },
  { min: 65, label: "Khá" },
  { min: 50, label: "Trung bình" },
  { min: 0, label: "Yếu" },
];

export function bandOf(score: number, bands: Band[]): string | null {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => score >= b.min - 1e-9)?.label ?? null;
}

export interface Ranked<T> {
  item: T;
  rank: number;
  tied: boolean;
}

/** Highest score first; equal scores share the rank and the next rank skips (standard competition ranking). */
export function rankByScore<T>(items: T[], scoreOf: (t: T) => number, nameOf: (t: T) => string): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => scoreOf(b) - scoreOf(a) || nameOf(a).localeCompare(nameOf(b), "vi"));
  const out: Ranked<T>[] = [];
  sorted.forEach((item, i) => {
    const prev = out[i - 1];
    const same = prev && Math.abs(scoreOf(prev.item) - scoreOf(item)) < 1e-9;
    out.push({ item, rank: same ? prev.rank : i + 1, tied: false });
  });
  const counts = new Map<number, number>();
  for (const r of out) counts.set(r.rank, (counts.get(r.rank) ?? 0) + 1);
  for (const r of out) r.tied = (counts.get(r.rank) ?? 0) > 1;
  return out;
}

export const MAX_BANDS = 8;

/**
 * What is wrong with the bands a province sets, or null: at least one, each named once, each
 * starting at a different score within the set's maximum, and the lowest starting at 0 so that
 * every commune gets a band.
 */
export function bandsProblem(bands: Band[], maxTotal: number): string | null {
  if (!bands.length) return "Cần ít nhất một mức xếp loại.";
  if (bands.length > MAX_BANDS) return `Tối đa ${MAX_BANDS} mức xếp loại.`;
  const labels = bands.map((b) => b.label.trim().toLocaleLowerCase("vi-VN"));
  if (labels.some((l) => !l)) return "Mỗi mức xếp loại cần có tên.";
  if (new Set(labels).size !== labels.length) return "Tên các mức xếp loại không được trùng nhau.";
  if (bands.some((b) => !Number.isFinite(b.min) || b.min < 0 || b.min > maxTotal)) return `Điểm từ của mỗi mức phải trong khoảng 0 – ${maxTotal}.`;
  if (new Set(bands.map((b) => b.min)).size !== bands.length) return "Hai mức xếp loại không được bắt đầu cùng một điểm.";
  if (Math.min(...bands.map((b) => b.min)) !== 0) return "Mức thấp nhất phải bắt đầu từ 0 điểm để xã nào cũng được xếp loại.";
  return null;
}

/** Highest first, as the ranking reads them. */
export function sortBands(bands: Band[]): Band[] {
  return [...bands].map((b) => ({ min: b.min, label: b.label.trim() })).sort((a, b) => b.min - a.min);
}
