// The demo communes' registers of responsible units: one unit per real office, with the
// spellings each commune's plan uses as aliases, so every plan row of the demo points at a
// register unit (tests/integration/unit-register.test.ts checks that no other unit is made).
import type { UnitKind } from "@/domain/units/register";

export interface RegisterEntry {
  name: string;
  kind: UnitKind;
  aliases?: string[];
}

const TU_PHAP = (aliases: string[] = []): RegisterEntry => ({
  name: "Công chức Tư pháp - Hộ tịch",
  kind: "CIVIL_SERVANT",
  aliases: ["Tư pháp - Hộ tịch", "Công chức Tư pháp", ...aliases],
});
const TAI_CHINH: RegisterEntry = { name: "Công chức Tài chính - Kế toán", kind: "CIVIL_SERVANT", aliases: ["Tài chính - Kế toán"] };
const VAN_HOA = (aliases: string[] = []): RegisterEntry => ({
  name: "Công chức Văn hóa - Xã hội",
  kind: "CIVIL_SERVANT",
  aliases: ["Văn hóa - Xã hội", ...aliases],
});

export const DEMO_UNIT_REGISTERS: Record<string, RegisterEntry[]> = {
  tanduc: [
    { name: "Văn phòng UBND xã", kind: "OFFICE", aliases: ["VP UBND xã", "Công chức VP UBND", "Công chức Văn phòng - Thống kê"] },
    { name: "Bộ phận Một cửa UBND xã", kind: "ONE_STOP", aliases: ["Bộ phận Một cửa của UBND xã", "Bộ phận một cửa xã", "Bộ phận mottj cửa"] },
    { name: "Cán bộ, công chức thuộc UBND xã", kind: "COLLECTIVE" },
    TAI_CHINH,
    TU_PHAP(),
    VAN_HOA(["Công chức Văn hóa và Thông tin", "Công chức phụ trách Văn hóa và Thông tin"]),
    { name: "Ủy ban Mặt trận Tổ quốc Việt Nam xã", kind: "MASS_ORGANIZATION", aliases: ["MTTQ xã", "Mặt trận Tổ quốc xã"] },
    { name: "Ủy ban nhân dân xã", kind: "OTHER", aliases: ["UBND xã"] },
    { name: "Người đứng đầu cấp ủy Đảng, chính quyền xã", kind: "OTHER" },
  ],
  hanhdung: [
    { name: "Văn phòng - Thống kê", kind: "OFFICE", aliases: ["VP-TK", "Văn phòng UBND xã", "Công chức Văn phòng - Thống kê"] },
    {
      name: "Bộ phận Tiếp nhận và Trả kết quả xã",
      kind: "ONE_STOP",
      aliases: [
        "Bộ phận Một cửa xã",
        "Công chức tại Bộ phận Một cửa xã",
        "Bộ phận Tiếp nhận và Trả kết quả một cửa UBND xã",
        "Công chức tại Bộ phận Tiếp nhận và Trả kết quả của xã",
        "Công chức tiếp nhận, giải quyết TTHC và trả kết quả giải quyết TTHC",
      ],
    },
    VAN_HOA(),
    TU_PHAP(),
    { name: "Đài truyền thanh xã", kind: "OTHER" },
    { name: "Các công chức chuyên môn thuộc UBND xã", kind: "COLLECTIVE", aliases: ["Các công chức chuyên môn"] },
    {
      name: "Các ban, ngành, công chức liên quan",
      kind: "COLLECTIVE",
      aliases: ["Các ban ngành có liên quan", "Các ngành liên quan", "Các ban, ngành, cán công chức xã", "CBCC có liên quan", "Cán bộ, công chức có liên quan"],
    },
  ],
  dienkhanh: [
    { name: "Văn phòng HĐND và UBND xã", kind: "OFFICE" },
    { name: "Phòng Kinh tế", kind: "DEPARTMENT" },
    { name: "Phòng Văn hóa - Xã hội", kind: "DEPARTMENT" },
    { name: "Trung tâm Phục vụ hành chính công xã", kind: "ONE_STOP" },
    {
      name: "Các cơ quan chuyên môn thuộc UBND xã",
      kind: "COLLECTIVE",
      aliases: ["Các cơ quan chuyên môn thuộc xã", "Các cơ quan chuyên môn", "Các phòng chuyên môn"],
    },
    {
      name: "Các cơ quan, đơn vị liên quan",
      kind: "COLLECTIVE",
      aliases: ["Các cơ quan, đơn vị có liên quan", "Các cơ quan, đơn vị", "Các cơ quan, đơn vị thuộc xã"],
    },
    { name: "Các tổ dân phố", kind: "VILLAGE" },
  ],
  taythuan: [
    { name: "Văn phòng UBND xã", kind: "OFFICE" },
    { name: "Bộ phận Tiếp nhận và Trả kết quả xã", kind: "ONE_STOP", aliases: ["Bộ phận TN&TKQ xã"] },
    TAI_CHINH,
    TU_PHAP(["Tur pháp - Hộ tịch xã"]),
    VAN_HOA(),
    { name: "Đài truyền thanh xã", kind: "OTHER" },
    { name: "Các ban, ngành thuộc xã", kind: "COLLECTIVE", aliases: ["Các ban, ngành chuyên môn thuộc xã"] },
  ],
};
