// The menu: each entry is offered to whoever the policy lets open its page (the pages check
// the same permission on the server). The first entry a user is offered is their home page.
import { can, type Permission, type Principal } from "@/domain/policy";

export interface NavItem {
  href: string;
  label: string;
}

const MENU: { href: string; label: string | ((p: Principal) => string); permission: Permission }[] = [
  { href: "/quan-tri", label: "Đơn vị hành chính", permission: "admin.read" },
  { href: "/quan-tri/nguoi-dung", label: "Người dùng", permission: "admin.read" },
  { href: "/quan-tri/tham-dinh-ke-hoach", label: "Thẩm định kế hoạch", permission: "admin.read" },
  { href: "/viec-can-lam", label: "Việc cần làm", permission: "dashboard.read" },
  { href: "/tong-quan", label: "Tổng quan", permission: "dashboard.read" },
  { href: "/bao-cao", label: "Báo cáo quý", permission: "report.write" },
  { href: "/xet-duyet", label: "Các xã", permission: "review.read" },
  { href: "/xet-duyet/nop-bao-cao", label: "Nộp báo cáo", permission: "review.remind" },
  { href: "/so-sanh", label: "So sánh", permission: "review.read" },
  { href: "/ke-hoach", label: (p) => (p.role === "REVIEWER" ? "Kế hoạch các xã" : "Kế hoạch"), permission: "plan.read" },
  { href: "/cham-diem", label: "Chấm điểm CCHC", permission: "assessment.read" },
  { href: "/khao-sat", label: "Khảo sát", permission: "survey.manage" },
  { href: "/don-vi", label: (p) => (p.role === "ADMIN" ? "Ban, ngành các xã" : "Ban, ngành"), permission: "unit.read" },
  { href: "/tai-khoan", label: "Tài khoản", permission: "account.changePassword" },
];

export function navFor(actor: Principal): NavItem[] {
  return MENU.filter((m) => can(actor, m.permission)).map((m) => ({ href: m.href, label: typeof m.label === "string" ? m.label : m.label(actor) }));
}

export function homeFor(actor: Principal): string {
  return navFor(actor)[0]?.href ?? "/tai-khoan";
}

