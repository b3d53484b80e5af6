// Reads the comparison's choices from the URL (shared by the page and its export).
import { todayInVietnam } from "@/domain/format";

export interface ComparisonParams {
  nam?: string;
  quy?: string;
  nhom?: string;
  ct?: string | string[];
}

export function comparisonChoice(params: ComparisonParams, years: number[]) {
  const today = todayInVietnam();
  const asked = Number(params.nam);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : years[0] || Number(today.slice(0, 4));
  const q = Number(params.quy);
  const quarter = [1, 2, 3, 4].includes(q) ? q : 4;
  const keys = ([] as string[]).concat(params.ct ?? []).filter((k) => /^[a-z0-9]{1,12}$/.test(k)).slice(0, 30);
  const group = params.nhom && /^[A-Z_]{2,20}$/.test(params.nhom) ? params.nhom : undefined;
  return { year, quarter, keys, group };
}
