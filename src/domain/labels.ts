// Vietnamese labels for enum values shown in the interface.
import type { DeadlineKind, IndicatorGroup, PlanKind, TargetRule, ValueKind } from "@/domain/plan-import/types";
import type { Role } from "@/generated/prisma/enums";

export const PLAN_KIND_LABEL: Record<PlanKind, string> = {
  PAR_SIPAS: "Nâng cao Chỉ số CCHC (PAR Index) và SIPAS",
  CCHC_YEARLY: "Kế hoạch CCHC năm",
  TTHC_CONTROL: "Kiểm soát thủ tục hành chính",
  DIGITAL_TRANSFORMATION: "Chuyển đổi số",
  OTHER: "Khác",
};

export type SubmissionStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";

export const SUBMISSION_STATUS_LABEL: Record<SubmissionStatus, string> = {
  DRAFT: "Đang soạn",
  SUBMITTED: "Đã nộp",
  APPROVED: "Đã duyệt",
  RETURNED: "Trả lại",
};

export const INDICATOR_GROUP_LABEL: Record<IndicatorGroup, string> = {
  PAR_INDEX: "Chỉ số CCHC (PAR Index)",
  SIPAS: "Chỉ số hài lòng (SIPAS)",
  PCI: "Năng lực cạnh tranh (PCI)",
  DTI: "Chuyển đổi số (DTI)",
  ONLINE_SERVICES: "Dịch vụ công trực tuyến, TTHC",
  OTHER: "Chỉ tiêu khác",
};

export const TARGET_RULE_LABEL: Record<TargetRule, string> = {
  AT_LEAST: "Tối thiểu",
  MORE_THAN: "Trên",
  AT_MOST: "Tối đa",
  FULL: "Đạt 100%",
  BETTER_RANK: "Thứ hạng tốt hơn năm trước",
  LOWER_THAN_LAST_YEAR: "Thấp hơn năm trước",
  DONE: "Hoàn thành / không hoàn thành",
  NONE: "Không đặt chỉ tiêu",
};

export const VALUE_KIND_LABEL: Record<ValueKind, string> = {
  RATIO: "Tỷ lệ (tử số / mẫu số)",
  NUMBER: "Số",
  RANK: "Thứ hạng",
  BOOLEAN: "Hoàn thành / chưa",
};

export const DEADLINE_KIND_LABEL: Record<DeadlineKind, string> = {
  DATE: "Theo ngày",
  PERIOD: "Trong kỳ",
  RECURRING: "Định kỳ",
  ONGOING: "Thường xuyên",
  DEPENDENT: "Theo cơ quan khác",
  NONE: "Không ghi",
};

export const ROLE_LABEL: Record<Role, string> = {
  COMMUNE_STAFF: "Công chức xã",
  CHAIRMAN: "Chủ tịch UBND xã",
  REVIEWER: "Cán bộ thẩm định (huyện/tỉnh)",
  ADMIN: "Quản trị hệ thống",
};
