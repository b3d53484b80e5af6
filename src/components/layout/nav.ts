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
        { href: "/tong-quan", label: "Tổng quan" },
        { href: "/bao-cao", label: "Báo cáo quý" },
        { href: "/ke-hoach", label: "Kế hoạch" },
        { href: "/cham-diem", label: "Chấm điểm CCHC" },
        { href: "/tai-khoan", label: "Tài khoản" },
      ];
    case "REVIEWER":
      return [
        { href: "/xet-duyet", label: "Các xã" },
        { href: "/so-sanh", label: "So sánh" },
        { href: "/ke-hoach", label: "Kế hoạch các xã" },
        { href: "/cham-diem", label: "Chấm điểm CCHC" },
        { href: "/tai-khoan", label: "Tài khoản" },
      ];
    case "ADMIN":
      return [
        { href: "/quan-tri", label: "Đơn vị hành chính" },
        { href: "/quan-tri/nguoi-dung", label: "Người dùng" },
        { href: "/ke-hoach", label: "Kế hoạch" },
        { href: "/cham-diem", label: "Chấm điểm CCHC" },
        { href: "/tai-khoan", label: "Tài khoản" },
      ];
  }
}

export function homeFor(role: Role): string {
  return navFor(role)[0].href;
}
