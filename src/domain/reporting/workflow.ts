// The submission workflow shared by plans and quarterly reports:
// draft -> submitted -> approved | returned -> submitted ...; approved -> returned only by
// an explicit reopen with a reason.

export type SubmissionStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";
export type Transition = "submit" | "approve" | "return" | "reopen" | "amend";

const TRANSITIONS: Record<Transition, { from: SubmissionStatus[]; to: SubmissionStatus; by: "commune" | "reviewer" }> = {
  submit: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", by: "commune" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", by: "reviewer" },
  return: { from: ["SUBMITTED"], to: "RETURNED", by: "reviewer" },
  reopen: { from: ["APPROVED"], to: "RETURNED", by: "reviewer" },
  // Issue 14: a commune amends (điều chỉnh) a plan in force, with a reason; it is reviewed again.
  amend: { from: ["APPROVED"], to: "RETURNED", by: "commune" },
};

export const TRANSITION_LABEL: Record<Transition, string> = {
  submit: "nộp",
  approve: "duyệt",
  return: "trả lại",
  reopen: "mở lại",
  amend: "điều chỉnh",
};

export function transitionTarget(transition: Transition): SubmissionStatus {
  return TRANSITIONS[transition].to;
}

export function transitionActor(transition: Transition): "commune" | "reviewer" {
  return TRANSITIONS[transition].by;
}

/** Null when allowed; otherwise why not, in Vietnamese. */
export function transitionError(transition: Transition, from: SubmissionStatus): string | null {
  if (TRANSITIONS[transition].from.includes(from)) return null;
  const messages: Record<SubmissionStatus, string> = {
    DRAFT: "đang soạn",
    SUBMITTED: "đã nộp, đang chờ xét duyệt",
    APPROVED: "đã được duyệt",
    RETURNED: "đã bị trả lại",
  };
  return `Không thể ${TRANSITION_LABEL[transition]}: hồ sơ ${messages[from]}.`;
}

/** Whether the commune may still change the figures. */
export function isEditable(status: SubmissionStatus): boolean {
  return status === "DRAFT" || status === "RETURNED";
}

/**
 * A plan is in force (reports may be judged and submitted against it) once approved, or, where
 * the province does not review commune plans, once the commune has issued (submitted) it.
 */
export function isPlanInForce(status: SubmissionStatus, provinceReviewsPlans: boolean): boolean {
  return status === "APPROVED" || (!provinceReviewsPlans && status === "SUBMITTED");
}

/** A decision as the history lists it: "Nộp", "Trả lại" (the transition's own label). */
export function transitionTitle(action: string): string {
  const label = TRANSITION_LABEL[action as Transition];
  return label ? label.charAt(0).toUpperCase() + label.slice(1) : action;
}

interface DecisionWithComments {
  toStatus: SubmissionStatus;
  comment: string | null;
  rowComments: { indicatorId: string | null; taskId: string | null; comment: string }[];
}

/**
 * The comments of the latest decision when it returned the plan or report (decisions newest
 * first), by row id for showing beside the rows; null when the latest decision is not a return.
 */
export function latestReturnComments(decisions: DecisionWithComments[]): { comment: string | null; rows: Record<string, string> } | null {
  const latest = decisions[0];
  if (!latest || latest.toStatus !== "RETURNED") return null;
  const rows: Record<string, string> = {};
  for (const r of latest.rowComments) {
    const key = r.indicatorId ?? r.taskId;
    if (key) rows[key] = r.comment;
  }
  return { comment: latest.comment, rows };
}

/**
 * Whether reports may be judged against the plan: in force now, or, while an amendment is open
 * (the plan reopened for điều chỉnh and not yet approved again), its last version in force
 * (versionNo ≥ 1) stays in force until the amendment is.
 */
export function planHasVersionInForce(status: SubmissionStatus, versionNo: number, provinceReviewsPlans: boolean): boolean {
  return isPlanInForce(status, provinceReviewsPlans) || versionNo >= 1;
}

/**
 * Whether the plan's current rows are not (yet) the version in force: an amendment is open. A
 * plan issued where the province does not review plans is in force as submitted, and its last
 * version then holds the same rows, so reading that version is the same as reading the rows.
 */
export function amendmentOpen(status: SubmissionStatus, versionNo: number): boolean {
  return versionNo >= 1 && status !== "APPROVED";
}
