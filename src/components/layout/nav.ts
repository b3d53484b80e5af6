// The menu each role sees. Pages check permissions on the server as well; this only
// decides what is offered.
import type { Role } from "@/generated/prisma/enums";

export interface NavItem {
  href: string;
  label: string;
}

export function navFor(role: Role): NavItem[] {
  switch (role) {
    case "COMMUNE_STAFF":
    case "CHAIRMAN":
      return [
        { href: "/viec-can-lam", label: "Việc cần làm" },
        { href: "/tong-quan", label: "Tổng quan" },
        { href: "/bao-cao", label: "Báo cáo quý" },
        { href: "/ke-hoach", label: "Kế hoạch" },
        { href: "/tai-khoan", label: "Tài khoản" },
      ];
    case "REVIEWER":
      return [
        { href: "/xet-duyet", label: "Các xã" },
        { href: "/xet-duyet/nop-bao-cao", label: "Nộp báo cáo" },
        { href: "/so-sanh", label: "So sánh" },
        { href: "/ke-hoach", label: "Kế hoạch các xã" },
        { href: "/tai-khoan", label: "Tài khoản" },
      ];
    case "ADMIN":
      return [
        { href: "/quan-tri", label: "Đơn vị hành chính" },
        { href: "/quan-tri/nguoi-dung", label: "Người dùng" },
        { href: "/ke-hoach", label: "Kế hoạch" },
        { href: "/tai-khoan", label: "Tài khoản" },
      ];
  }
}

export function homeFor(role: Role): string {
  return navFor(role)[0].href;
}
