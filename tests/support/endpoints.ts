// Every way into the server from a browser: each exported server action and each route
// handler, with the permission (from the policy, src/domain/policy.ts) and the scope rule it
// must enforce. It lives with the tests: only the authorization matrix and the audit test read it.
// tests/integration/authorization-matrix.test.ts discovers the endpoints in src, fails for
// any that is missing here, and calls each one as every role, for the caller's own unit and
// for another unit, expecting exactly what `mayCall` says. A new action needs an entry here.
import type { OrgLevel } from "@/generated/prisma/enums";
import { can, type Permission, type Principal } from "@/domain/policy";

/**
 * - public: no sign-in (next-auth's own sign-in endpoints; the citizens' survey form and the
 *   commune's published results, issue 20).
 * - system: the whole system (administration).
 * - self: the caller's own account; the input cannot name another.
 * - own-unit: the caller's own org unit; the input cannot name another.
 * - own-commune: only a commune user, only their own commune. With target "input", ids in
 *   the input must belong to that commune; with "implicit", the input cannot name a commune.
 *   Who may submit (the chairman, or staff the chairman allowed) is the policy's rule.
 * - commune-in-scope: the commune itself, the reviewers above it, the admin. With "input",
 *   the commune the ids belong to must be in scope; with "implicit", only communes in scope
 *   are read. `ownForCommuneUsers`: a commune user is always served their own commune and the
 *   input naming another is ignored (only reviewers and the admin choose the commune).
 */
export type Scope = "public" | "system" | "self" | "own-unit" | "own-commune" | "commune-in-scope";

export interface Endpoint {
  /** "src/server/reports/actions.ts#saveReport" or "src/app/api/x/route.ts#GET". */
  id: string;
  kind: "action" | "route";
  permission: Permission | null;
  scope: Scope;
  target?: "input" | "implicit";
  ownForCommuneUsers?: boolean;
  /** Reads only: a call never writes. */
  readOnly?: boolean;
  /** Only callers whose unit is at this level (e.g. a province's default deadline rule). */
  orgLevel?: OrgLevel;
}

type Spec = Omit<Endpoint, "id" | "kind">;

const actions = (file: string, specs: Record<string, Spec>): Endpoint[] =>
  Object.entries(specs).map(([name, spec]) => ({ id: `${file}#${name}`, kind: "action" as const, ...spec }));
const route = (file: string, methods: string[], spec: Spec): Endpoint[] =>
  methods.map((m) => ({ id: `${file}#${m}`, kind: "route" as const, ...spec }));

const planWrite: Spec = { permission: "plan.write", scope: "own-commune", target: "input" };
/** The report's Word and Excel downloads: `xa` names the commune for reviewers only. */
const reportExport: Spec = { permission: "report.export", scope: "commune-in-scope", target: "input", ownForCommuneUsers: true, readOnly: true };

/** Criteria sets: a reviewer manages their own unit's sets only (the input cannot name another); the admin any. */
const criteriaWrite: Spec = { permission: "assessment.criteria.write", scope: "own-unit" };
const selfWrite: Spec = { permission: "assessment.self.write", scope: "own-commune", target: "input" };
const appraise: Spec = { permission: "assessment.appraise", scope: "commune-in-scope", target: "input" };

export const ENDPOINTS: Endpoint[] = [
  ...actions("src/server/reports/actions.ts", {
    saveReport: { permission: "report.write", scope: "own-commune", target: "input" },
    submitReport: { permission: "report.submit", scope: "own-commune", target: "implicit" },
  }),
  // issue 21: a row's history and evidence loaded when opened; "khôi phục" (issue 17) writes through saveReport.
  ...actions("src/server/reports/history-actions.ts", {
    rowHistory: { permission: "report.write", scope: "own-commune", target: "input", readOnly: true },
    rowEvidence: { permission: "report.write", scope: "own-commune", target: "input", readOnly: true },
    restoreRowValue: { permission: "report.write", scope: "own-commune", target: "input" },
  }),
  // issue 21: the rows of a report's part (top-level section), loaded when the clerk opens it.
  ...actions("src/server/reports/section-actions.ts", {
    reportParts: { permission: "report.write", scope: "own-commune", target: "implicit", readOnly: true },
  }),
  ...actions("src/server/reports/baseline-actions.ts", {
    setIndicatorBaseline: { permission: "plan.baseline", scope: "own-commune", target: "input" },
  }),
  ...actions("src/server/review/actions.ts", {
    decideSubmission: { permission: "review.decide", scope: "commune-in-scope", target: "input" },
    decideSubmissionForm: { permission: "review.decide", scope: "commune-in-scope", target: "input" },
    submitPlan: { permission: "plan.submit", scope: "own-commune", target: "input" },
    amendPlan: { permission: "plan.submit", scope: "own-commune", target: "input" },
  }),
  // issue 16: the reporting calendar, notices, email preferences, reminders.
  ...actions("src/server/calendar/actions.ts", {
    setReportingDeadline: { permission: "review.deadline", scope: "own-unit" },
    setDeadlineRule: { permission: "review.deadline", scope: "own-unit", orgLevel: "PROVINCE" },
  }),
  ...actions("src/server/notifications/actions.ts", {
    openNotification: { permission: "notification.read", scope: "self" },
    markAllNotificationsRead: { permission: "notification.read", scope: "self" },
    saveEmailPreferences: { permission: "account.email", scope: "self" },
    remindCommunes: { permission: "review.remind", scope: "commune-in-scope", target: "input" },
  }),
  ...actions("src/server/account/actions.ts", {
    changePassword: { permission: "account.changePassword", scope: "self" },
    signOutEverywhere: { permission: "account.changePassword", scope: "self" },
    setSubmitPermission: { permission: "commune.delegateSubmit", scope: "own-commune", target: "input" },
  }),
  ...actions("src/server/admin/plan-review.ts", {
    setProvinceReviewsPlans: { permission: "admin.planReview.write", scope: "system" },
  }),
  ...actions("src/server/admin/actions.ts", {
    createOrgUnit: { permission: "admin.orgUnit.write", scope: "system" },
    updateOrgUnit: { permission: "admin.orgUnit.write", scope: "system" },
    createResponsibleUnit: { permission: "admin.responsibleUnit.write", scope: "system" },
    createUser: { permission: "admin.user.write", scope: "system" },
    updateUser: { permission: "admin.user.write", scope: "system" },
    resetPassword: { permission: "admin.user.write", scope: "system" },
  }),
  ...actions("src/server/evidence/actions.ts", {
    attachEvidenceFile: { permission: "evidence.write", scope: "own-commune", target: "input" },
    attachEvidenceReference: { permission: "evidence.write", scope: "own-commune", target: "input" },
    deleteEvidence: { permission: "evidence.write", scope: "own-commune", target: "input" },
  }),
  ...actions("src/server/plans/import-actions.ts", {
    previewPlanImport: { permission: "plan.import", scope: "own-commune", target: "implicit", readOnly: true },
    confirmPlanImport: { permission: "plan.import", scope: "own-commune", target: "implicit" },
  }),
  ...actions("src/server/plans/edit-actions.ts", {
    createPlan: { permission: "plan.write", scope: "own-commune", target: "implicit" },
    createPlanAndEdit: { permission: "plan.write", scope: "own-commune", target: "implicit" },
    updatePlan: planWrite,
    deletePlan: planWrite,
    deletePlanAndList: planWrite,
    addSection: planWrite,
    updateSection: planWrite,
    addTask: planWrite,
    updateTask: planWrite,
    addIndicator: planWrite,
    updateIndicator: planWrite,
    moveRow: planWrite,
    renumberSection: planWrite,
    deleteRow: planWrite,
  }),
  ...actions("src/server/units/actions.ts", {
    createUnit: { permission: "unit.write", scope: "commune-in-scope", target: "input" },
    updateUnit: { permission: "unit.write", scope: "commune-in-scope", target: "input" },
    mergeUnits: { permission: "unit.write", scope: "commune-in-scope", target: "input" },
  }),
  // Issue 20: citizens' survey and the public results page.
  ...actions("src/server/survey/actions.ts", {
    createSurvey: { permission: "survey.manage", scope: "own-commune", target: "implicit" },
    updateSurvey: { permission: "survey.manage", scope: "own-commune", target: "input" },
    generateReceiptCodes: { permission: "survey.manage", scope: "own-commune", target: "input" },
    moderateComment: { permission: "survey.publish", scope: "own-commune", target: "input" },
    setSurveyPublished: { permission: "survey.publish", scope: "own-commune", target: "input" },
    savePublication: { permission: "survey.publish", scope: "own-commune", target: "implicit" },
    confirmSipasFigure: { permission: "report.write", scope: "own-commune", target: "input" },
  }),
  // Public by design (no sign-in): the citizen's form and thank-you page, and the open data of
  // what a chairman published. Tested in tests/integration/survey.test.ts.
  ...route("src/app/ks/[code]/route.ts", ["GET", "POST"], { permission: null, scope: "public" }),
  ...route("src/app/ks/[code]/cam-on/route.ts", ["GET"], { permission: null, scope: "public", readOnly: true }),
  ...route("src/app/cong-khai/[commune]/du-lieu.csv/route.ts", ["GET"], { permission: null, scope: "public", readOnly: true }),
  ...route("src/app/cong-khai/[commune]/du-lieu.json/route.ts", ["GET"], { permission: null, scope: "public", readOnly: true }),
  // PAR Index self-assessment (issue 19).
  ...actions("src/server/assessment/set-actions.ts", {
    createAssessmentSet: criteriaWrite,
    createAssessmentSetAndOpen: criteriaWrite,
    previewCriteriaImport: { ...criteriaWrite, readOnly: true },
    confirmCriteriaImport: criteriaWrite,
    updateSubCriterion: criteriaWrite,
    publishAssessmentSet: criteriaWrite,
    amendAssessmentSet: criteriaWrite,
  }),
  ...actions("src/server/assessment/band-actions.ts", { updateBands: criteriaWrite }),
  ...actions("src/server/assessment/structure-actions.ts", { addCriteriaNode: criteriaWrite }),
  ...actions("src/server/assessment/self-actions.ts", {
    saveSelfAssessment: selfWrite,
    attachAssessmentEvidenceFile: selfWrite,
    attachAssessmentEvidence: selfWrite,
    detachAssessmentEvidence: selfWrite,
    submitSelfAssessment: { permission: "assessment.self.submit", scope: "own-commune", target: "input" },
    saveExplanations: selfWrite,
    sendExplanations: { permission: "assessment.self.submit", scope: "own-commune", target: "input" },
  }),
  ...actions("src/server/assessment/appraisal-actions.ts", {
    saveAppraisal: appraise,
    sendAppraisal: appraise,
    decideExplanations: appraise,
    finalizeAssessment: appraise,
  }),
  ...route("src/app/api/cham-diem/docx/route.ts", ["GET"], { permission: "assessment.read", scope: "commune-in-scope", target: "input", readOnly: true }),
  ...route("src/app/api/cham-diem/xlsx/route.ts", ["GET"], { permission: "review.read", scope: "commune-in-scope", target: "implicit", readOnly: true }),
  ...route("src/app/api/auth/[...nextauth]/route.ts", ["GET", "POST"], { permission: null, scope: "public" }),
  ...route("src/app/api/minh-chung/[id]/route.ts", ["GET"], { permission: "evidence.read", scope: "commune-in-scope", target: "input", readOnly: true }),
  ...route("src/app/api/tong-quan/xlsx/route.ts", ["GET"], { permission: "dashboard.read", scope: "own-commune", target: "implicit", readOnly: true }),
  ...route("src/app/api/so-sanh/xlsx/route.ts", ["GET"], { permission: "review.read", scope: "commune-in-scope", target: "implicit", readOnly: true }),
  ...route("src/app/api/bao-cao/docx/route.ts", ["GET"], reportExport),
  ...route("src/app/api/bao-cao/xlsx/route.ts", ["GET"], reportExport),
  ...route("src/app/api/xet-duyet/xlsx/route.ts", ["GET"], { permission: "review.read", scope: "commune-in-scope", target: "implicit", readOnly: true }),
];

export type Caller = Principal;

/**
 * Whether `caller` may call `endpoint` for the commune `targetCommuneId`, given the communes
 * the caller oversees (their own for a commune user, the subtree for a reviewer, all for the
 * admin). The one rule the authorization matrix expects every endpoint to follow.
 */
export function mayCall(endpoint: Endpoint, caller: Caller, targetCommuneId: string, communesInScope: readonly string[]): boolean {
  if (endpoint.scope === "public") return true;
  if (!endpoint.permission) return false;
  const onTarget = { communeId: targetCommuneId, overseen: communesInScope };
  if (endpoint.orgLevel && caller.orgLevel !== endpoint.orgLevel) return false;
  switch (endpoint.scope) {
    case "system":
    case "self":
    case "own-unit":
      return can(caller, endpoint.permission);
    case "own-commune":
      return can(caller, endpoint.permission, endpoint.target === "implicit" ? undefined : onTarget);
    case "commune-in-scope":
      if (endpoint.target === "implicit" || (endpoint.ownForCommuneUsers && caller.orgLevel === "COMMUNE")) return can(caller, endpoint.permission);
      return can(caller, endpoint.permission, onTarget);
  }
}
