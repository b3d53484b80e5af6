// Reads the comparison's choices from the URL (shared by the page and its export).
import "server-only";
import { todayInVietnam } from "@/domain/format";
import { readPeriod } from "@/domain/routes";

/** A reviewer's pages open on the latest year with plans, or this year. */
export function defaultReviewYear(years: number[]): number {
  return years[0] || Number(todayInVietnam().slice(0, 4));
}

export interface ComparisonParams {
  nam?: string;
  quy?: string;
  nhom?: string;
  ct?: string | string[];
}

export function comparisonChoice(params: ComparisonParams, years: number[]) {
  const asked = readPeriod(params);
  const year = asked.year ?? defaultReviewYear(years);
  const quarter = asked.quarter ?? 4;
  const keys = ([] as string[]).concat(params.ct ?? []).filter((k) => /^[a-z0-9]{1,12}$/.test(k)).slice(0, 30);
  const group = params.nhom && /^[A-Z_]{2,20}$/.test(params.nhom) ? params.nhom : undefined;
  return { year, quarter, keys, group };
}
