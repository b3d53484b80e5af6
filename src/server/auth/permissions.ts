// What each role may do: the single table every server action and route handler checks,
// and from which the authorization matrix test is generated.
import type { Role } from "@/generated/prisma/enums";

export const PERMISSIONS = {
  "plan.read": ["COMMUNE_STAFF", "CHAIRMAN", "REVIEWER", "ADMIN"],
  "plan.write": ["COMMUNE_STAFF", "CHAIRMAN"],
  "plan.import": ["COMMUNE_STAFF", "CHAIRMAN"],
  "dashboard.read": ["COMMUNE_STAFF", "CHAIRMAN", "REVIEWER", "ADMIN"],
  "report.read": ["COMMUNE_STAFF", "CHAIRMAN", "REVIEWER", "ADMIN"],
  "report.write": ["COMMUNE_STAFF", "CHAIRMAN"],
  "report.submit": ["COMMUNE_STAFF", "CHAIRMAN"],
  // Downloading shows no more than reading does; which commune is checked per request.
  "report.export": ["COMMUNE_STAFF", "CHAIRMAN", "REVIEWER", "ADMIN"],
  "evidence.read": ["COMMUNE_STAFF", "CHAIRMAN", "REVIEWER", "ADMIN"],
  "evidence.write": ["COMMUNE_STAFF", "CHAIRMAN"],
  "plan.submit": ["COMMUNE_STAFF", "CHAIRMAN"],
  "review.read": ["REVIEWER", "ADMIN"],
  "review.decide": ["REVIEWER"],
  "review.deadline": ["REVIEWER"],
  "admin.read": ["ADMIN"],
  "admin.orgUnit.write": ["ADMIN"],
  "admin.responsibleUnit.write": ["ADMIN"],
  "admin.user.write": ["ADMIN"],
  "commune.delegateSubmit": ["CHAIRMAN"],
  "account.changePassword": ["COMMUNE_STAFF", "CHAIRMAN", "REVIEWER", "ADMIN"],
  // PAR Index self-assessment (issue 19).
  "assessment.read": ["COMMUNE_STAFF", "CHAIRMAN", "REVIEWER", "ADMIN"],
  "assessment.criteria.write": ["REVIEWER", "ADMIN"],
  "assessment.self.write": ["COMMUNE_STAFF", "CHAIRMAN"],
  "assessment.self.submit": ["COMMUNE_STAFF", "CHAIRMAN"],
  "assessment.appraise": ["REVIEWER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleMay(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABEL: Record<Role, string> = {
  COMMUNE_STAFF: "Công chức xã",
  CHAIRMAN: "Chủ tịch UBND xã",
  REVIEWER: "Cán bộ thẩm định (huyện/tỉnh)",
  ADMIN: "Quản trị hệ thống",
};
