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

/** Validates bands: labels present, minimums distinct and within 0..100. */
export function bandsProblem(bands: Band[]): string | null {
  if (!bands.length) return "Cần ít nhất một mức xếp loại.";
  const mins = new Set<number>();
  for (const b of bands) {
    if (!b.label.trim()) return "Mức xếp loại phải có tên.";
    if (b.min < 0 || b.min > 100) return "Điểm sàn của mức xếp loại phải từ 0 đến 100.";
    if (mins.has(b.min)) return "Hai mức xếp loại trùng điểm sàn.";
    mins.add(b.min);
  }
  return null;
}
