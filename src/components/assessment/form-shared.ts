// What the assessment form's parts share: the mode, one row's typed state, and how figures are
// read and shown (vi-VN, "1,5").
import type { AssessmentDetail } from "@/server/assessment/queries";
import type { ActionResult } from "@/server/errors";

export type Mode = "self" | "explain" | "appraise" | "decide" | "view";

export const vi = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toLocaleString("vi-VN", { maximumFractionDigits: 2 }));
export const parse = (s: string): number | null => {
  const t = s.trim().replace(",", ".");
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
};
export const show = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n).replace(".", ","));

export type Sub = AssessmentDetail["areas"][number]["criteria"][number]["subs"][number];
export interface RowState {
  score: string;
  note: string;
  unit: string;
  indicator: string;
  appraised: string;
  comment: string;
  explanation: string;
  decision: string;
  decisionComment: string;
}

export function initial(s: Sub): RowState {
  const sc = s.score!;
  return {
    score: show(sc.selfScore),
    note: sc.selfNote ?? "",
    unit: sc.responsibleUnitId ?? "",
    indicator: sc.indicatorId ?? "",
    appraised: show(sc.appraisedScore ?? (s.scoredBy === "PROVINCE" ? null : sc.selfScore)),
    comment: sc.appraisalComment ?? "",
    explanation: sc.explanation ?? "",
    decision: sc.decision ?? "",
    decisionComment: sc.decisionComment ?? "",
  };
}

export function numberOr(n: number | null): number | null {
  return n === null || Number.isNaN(n) ? null : n;
}

/** Runs a server action and shows its message. */
export type Run = (fn: () => Promise<ActionResult<unknown>>) => void;
