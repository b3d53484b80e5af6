// The self-assessment workflow. Statuses reuse the submission statuses of plans and reports,
// so the review history reads the same:
//   DRAFT     the commune self-scores                      -> submit (commune)      -> SUBMITTED
//   SUBMITTED awaiting the appraisal                        -> appraise (province)   -> RETURNED
//   RETURNED  appraised; the commune may explain by a date  -> explain (commune)     -> SUBMITTED
//   SUBMITTED (explained) the province decides each answer  -> finalize (province)   -> APPROVED
//   RETURNED  past the deadline without an explanation      -> finalize (province)   -> APPROVED
// APPROVED is final: locked and published.

export type AssessmentStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";
export type AssessmentStep = "submit" | "appraise" | "explain" | "finalize";

export interface AssessmentState {
  status: AssessmentStatus;
  appraised: boolean;
  explainDueDate: string | null;
}

export const STEP_LABEL: Record<AssessmentStep, string> = {
  submit: "nộp bản tự chấm",
  appraise: "gửi kết quả thẩm định",
  explain: "gửi giải trình",
  finalize: "chốt điểm chính thức",
};

export const STEP_BY: Record<AssessmentStep, "commune" | "reviewer"> = {
  submit: "commune",
  appraise: "reviewer",
  explain: "commune",
  finalize: "reviewer",
};

export function stageLabel(s: AssessmentState): string {
  switch (s.status) {
    case "DRAFT":
      return "Đang tự chấm";
    case "SUBMITTED":
      return s.appraised ? "Đã giải trình, chờ tỉnh quyết định" : "Đã nộp, chờ thẩm định";
    case "RETURNED":
      return "Đã thẩm định, chờ xã giải trình";
    case "APPROVED":
      return "Điểm chính thức";
  }
}

export function stepTarget(step: AssessmentStep): AssessmentStatus {
  return { submit: "SUBMITTED", appraise: "RETURNED", explain: "SUBMITTED", finalize: "APPROVED" }[step] as AssessmentStatus;
}

/** Null when the step is allowed now (today as yyyy-mm-dd in Vietnam); otherwise why not. */
export function stepError(step: AssessmentStep, s: AssessmentState, today: string): string | null {
  const refuse = `Không thể ${STEP_LABEL[step]}: bản chấm điểm ${stageLabel(s).toLowerCase()}.`;
  switch (step) {
    case "submit":
      return s.status === "DRAFT" ? null : refuse;
    case "appraise":
      return s.status === "SUBMITTED" && !s.appraised ? null : refuse;
    case "explain":
      if (s.status !== "RETURNED") return refuse;
      if (s.explainDueDate && today > s.explainDueDate) return "Đã quá hạn giải trình: không thể gửi giải trình.";
      return null;
    case "finalize":
      if (s.status === "SUBMITTED" && s.appraised) return null;
      if (s.status === "RETURNED") {
        if (s.explainDueDate && today > s.explainDueDate) return null;
        return "Chưa hết hạn giải trình: chờ xã giải trình hoặc hết hạn rồi mới chốt điểm.";
      }
      return refuse;
  }
}

/** The commune may change self-scores and evidence only while drafting. */
export function selfEditable(status: AssessmentStatus): boolean {
  return status === "DRAFT";
}
