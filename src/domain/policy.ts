// Who may do what, once: pages, the menu, server actions, route handlers and the authorization
// matrix test all ask `can` (or `refusal` for the reason). Pure: the communes a reviewer
// oversees are looked up by the server layer and passed in as `overseen`.
import type { OrgLevel, Role } from "@/generated/prisma/enums";

const EVERYONE = ["COMMUNE_STAFF", "CHAIRMAN", "REVIEWER", "ADMIN"] as const;
const COMMUNE_USERS = ["COMMUNE_STAFF", "CHAIRMAN"] as const;

/** The roles each permission is granted to. */
export const PERMISSIONS = {
  "plan.read": EVERYONE,
  "plan.write": COMMUNE_USERS,
  "plan.import": COMMUNE_USERS,
  // The chairman's dashboard is the commune's own; reviewers read communes under "Các xã".
  "dashboard.read": COMMUNE_USERS,
  "report.read": EVERYONE,
  "report.write": COMMUNE_USERS,
  "report.submit": COMMUNE_USERS,
  // Downloading shows no more than reading does; which commune is checked per request.
  "report.export": EVERYONE,
  "evidence.read": EVERYONE,
  "evidence.write": COMMUNE_USERS,
  "plan.submit": COMMUNE_USERS,
  // Issue 17: last year's figure a plan lacks, given once from the report page by the chairman.
  "plan.baseline": ["CHAIRMAN"],
  "review.read": ["REVIEWER", "ADMIN"],
  "review.decide": ["REVIEWER"],
  "review.deadline": ["REVIEWER"],
  "admin.read": ["ADMIN"],
  "admin.orgUnit.write": ["ADMIN"],
  "admin.responsibleUnit.write": ["ADMIN"],
  "admin.user.write": ["ADMIN"],
  // Issue 14: whether a province reviews its communes' plans (when not, a plan is in force once issued).
  "admin.planReview.write": ["ADMIN"],
  "commune.delegateSubmit": ["CHAIRMAN"],
  // The commune's register of responsible units: staff see it, the chairman and the admin keep it.
  "unit.read": ["COMMUNE_STAFF", "CHAIRMAN", "ADMIN"],
  "unit.write": ["CHAIRMAN", "ADMIN"],
  // Citizens' survey and the public page. Reviewers read their communes' results.
  "survey.read": EVERYONE,
  "survey.manage": COMMUNE_USERS,
  // What citizens and the public see (comments, results, the public page): the chairman decides.
  "survey.publish": ["CHAIRMAN"],
  "account.changePassword": EVERYONE,
  // One's own notices and email preferences; reviewers remind communes.
  "notification.read": EVERYONE,
  "account.email": EVERYONE,
  "review.remind": ["REVIEWER"],
  // PAR Index self-assessment: the province keeps the criteria and appraises, the commune scores itself.
  "assessment.read": EVERYONE,
  "assessment.criteria.write": ["REVIEWER", "ADMIN"],
  "assessment.self.write": COMMUNE_USERS,
  "assessment.self.submit": COMMUNE_USERS,
  "assessment.appraise": ["REVIEWER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Permissions a commune's own users hold on their own commune only: a user of another level
 * never has them, and with a scope the commune must be the user's own.
 */
const OWN_COMMUNE_ONLY: ReadonlySet<Permission> = new Set<Permission>([
  "plan.write",
  "plan.import",
  "plan.submit",
  "plan.baseline",
  "dashboard.read",
  "report.write",
  "report.submit",
  "evidence.write",
  "commune.delegateSubmit",
  "survey.manage",
  "survey.publish",
  "assessment.self.write",
  "assessment.self.submit",
]);

/** Submitting is the chairman's, or a staff member's the chairman allowed (`canSubmit`). */
const SUBMIT: ReadonlySet<Permission> = new Set<Permission>(["report.submit", "plan.submit", "assessment.self.submit"]);

/** Who is asking, as the policy needs it. */
export interface Principal {
  role: Role;
  orgLevel: OrgLevel;
  orgUnitId: string;
  canSubmit: boolean;
}

/**
 * The commune the request is about. `overseen`: the communes a reviewer or the admin oversees
 * (looked up by the caller); a commune user only ever has their own.
 */
export interface CommuneScope {
  communeId: string;
  overseen?: readonly string[];
}

export function roleMay(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isCommuneUser(actor: Pick<Principal, "orgLevel">): boolean {
  return actor.orgLevel === "COMMUNE";
}

export const REFUSAL = {
  role: "Bạn không có quyền thực hiện thao tác này.",
  communeOnly: "Chức năng này chỉ dành cho cán bộ xã.",
  submitter: "Chỉ Chủ tịch UBND xã (hoặc người được Chủ tịch cho phép) được nộp.",
  submitOther: "Chỉ xã có hồ sơ mới được nộp hồ sơ đó.",
  otherCommune: "Bạn chỉ được xem và thay đổi dữ liệu của xã mình.",
  notOverseen: "Xã này không thuộc đơn vị bạn phụ trách.",
} as const;

/** Why `actor` may not use `permission` (on `scope`), in Vietnamese; null when allowed. */
export function refusal(actor: Principal, permission: Permission, scope?: CommuneScope): string | null {
  if (!roleMay(actor.role, permission)) return REFUSAL.role;
  const commune = isCommuneUser(actor);
  if (OWN_COMMUNE_ONLY.has(permission) && !commune) return REFUSAL.communeOnly;
  if (SUBMIT.has(permission) && actor.role !== "CHAIRMAN" && !actor.canSubmit) return REFUSAL.submitter;
  if (!scope) return null;
  if (commune) {
    if (scope.communeId === actor.orgUnitId) return null;
    return SUBMIT.has(permission) ? REFUSAL.submitOther : REFUSAL.otherCommune;
  }
  return scope.overseen?.includes(scope.communeId) ? null : REFUSAL.notOverseen;
}

/** Whether `actor` may use `permission`, on the commune in `scope` when one is given. */
export function can(actor: Principal, permission: Permission, scope?: CommuneScope): boolean {
  return refusal(actor, permission, scope) === null;
}
