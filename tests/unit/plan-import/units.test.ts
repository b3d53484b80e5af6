import { describe, expect, it } from "vitest";
import { classifyIndicatorGroup, matchUnits, normalizeUnitKey, splitUnits } from "@/domain/plan-import";

describe("splitUnits", () => {
  it("splits ';' lists and never splits on commas", () => {
    expect(splitUnits("Các ban, ngành thuộc xã; Bộ phận TN&TKQ xã")).toEqual({
      lead: ["Các ban, ngành thuộc xã"],
      coordinating: ["Bộ phận TN&TKQ xã"],
    });
    expect(splitUnits("Cán bộ, công chức thuộc UBND xã").lead).toEqual(["Cán bộ, công chức thuộc UBND xã"]);
  });

  it("splits 'A/B' lists", () => {
    expect(splitUnits("Trung tâm Phục vụ hành chính công/Các phòng chuyên môn nghiêm túc thực hiện")).toEqual({
      lead: ["Trung tâm Phục vụ hành chính công"],
      coordinating: ["Các phòng chuyên môn"],
    });
  });

  it("uses 'chủ trì' and 'phối hợp' in bullets, keeping dashes inside names", () => {
    expect(splitUnits("- Văn phòng - Thống kê chủ trì. - Các ban, ngành, công chức liên quan phối hợp.")).toEqual({
      lead: ["Văn phòng - Thống kê"],
      coordinating: ["Các ban, ngành, công chức liên quan"],
    });
    // The explicit lead wins even when it is written second.
    expect(
      splitUnits("- Các công chức tại Bộ phận Một cửa xã thực hiện. - Công chức Văn hoá – Xã hội chủ trì tuyên truyền."),
    ).toEqual({ lead: ["Công chức Văn hoá – Xã hội"], coordinating: ["Các công chức tại Bộ phận Một cửa xã"] });
  });

  it("makes the first unit the lead when no role is written", () => {
    expect(splitUnits("<ul> - Văn phòng – Thống kê. - Công chức tại Bộ phận một cửa. </ul>")).toEqual({
      lead: ["Văn phòng – Thống kê"],
      coordinating: ["Công chức tại Bộ phận một cửa"],
    });
  });

  it("cuts prose at the first action verb", () => {
    expect(splitUnits("Phòng Văn hóa - xã hội theo dõi, đôn đốc, tổng hợp kết quả thực hiện, tham mưu UBND xã").lead).toEqual([
      "Phòng Văn hóa - xã hội",
    ]);
    expect(splitUnits("Các cơ quan, đơn vị khi nhận được PAKN về quy định hành chính").lead).toEqual(["Các cơ quan, đơn vị"]);
    expect(splitUnits("Cán bộ, công chức thuộc UBND xã được giao nhiệm vụ").lead).toEqual(["Cán bộ, công chức thuộc UBND xã"]);
    // "đơn đốc" is a typo of "đôn đốc"; it still ends the name.
    expect(splitUnits("Văn phòng UBND xã đơn đốc, kiểm tra kết quả thực hiện.").lead).toEqual(["Văn phòng UBND xã"]);
  });

  it("keeps nouns that look like verbs inside names", () => {
    expect(splitUnits("Các tổ chức chính trị - xã hội xã").lead).toEqual(["Các tổ chức chính trị - xã hội xã"]);
    expect(splitUnits("Công chức tiếp nhận, giải quyết TTHC và trả kết quả giải quyết TTHC.").lead).toEqual([
      "Công chức tiếp nhận, giải quyết TTHC và trả kết quả giải quyết TTHC",
    ]);
  });

  it("drops clauses that are not units", () => {
    expect(
      splitUnits(
        "Các cơ quan, đơn vị khi nhận được PAKN phải ưu tiên giải quyết. Trường hợp PAKN phức tạp phải phối hợp với Trung tâm PVHCC",
      ),
    ).toEqual({ lead: ["Các cơ quan, đơn vị"], coordinating: [] });
  });

  it("dedupes names the PDF extraction glued together", () => {
    expect(splitUnits("Bộ phận TN&TKQ xã Bộ phận TN&TKQ xã").lead).toEqual(["Bộ phận TN&TKQ xã"]);
    expect(splitUnits("Bộ phận TN&TKQ xã Tur pháp – Hộ tịch xã")).toEqual({
      lead: ["Bộ phận TN&TKQ xã"],
      coordinating: ["Tur pháp – Hộ tịch xã"],
    });
    expect(splitUnits("UBND xã Tân Đức").lead).toEqual(["UBND xã Tân Đức"]);
  });

  it("reads '-' and blank as no unit", () => {
    expect(splitUnits("-")).toEqual({ lead: [], coordinating: [] });
    expect(splitUnits("")).toEqual({ lead: [], coordinating: [] });
  });
});

describe("normalizeUnitKey and matchUnits", () => {
  it("ignores diacritics and case", () => {
    expect(normalizeUnitKey("Tân Đức")).toBe("tan duc");
    expect(normalizeUnitKey("tan duc")).toBe(normalizeUnitKey("TÂN ĐỨC"));
    expect(normalizeUnitKey("Tân Đức".normalize("NFD"))).toBe("tan duc");
  });

  it("expands common abbreviations", () => {
    expect(normalizeUnitKey("VP UBND xã")).toBe("van phong ubnd");
    expect(normalizeUnitKey("VP UBND xã")).toBe(normalizeUnitKey("Văn phòng UBND"));
    expect(normalizeUnitKey("Bộ phận TN&TKQ xã")).toBe("bo phan tiep nhan va tra ket qua");
    expect(normalizeUnitKey("Bộ phận TN&TKQ xã")).toBe(normalizeUnitKey("Bộ phận Tiếp nhận và Trả kết quả"));
    expect(normalizeUnitKey("Văn phòng HĐND&UBND xã")).toBe(normalizeUnitKey("Văn phòng HĐND và UBND"));
    expect(normalizeUnitKey("UBND xã")).toBe("ubnd");
    expect(normalizeUnitKey("Ủy ban nhân dân xã")).toBe("ubnd");
    expect(normalizeUnitKey("VP-TK")).toBe(normalizeUnitKey("Văn phòng - Thống kê"));
  });

  it("treats dash styles and trailing punctuation alike", () => {
    expect(normalizeUnitKey("Văn hóa – Xã hội.")).toBe(normalizeUnitKey("Văn hóa - xã hội"));
    expect(normalizeUnitKey("Tư pháp – Hộ tịch xã")).toBe("tu phap ho tich");
  });

  it("keeps different units apart", () => {
    expect(normalizeUnitKey("Văn phòng UBND")).not.toBe(normalizeUnitKey("Văn phòng HĐND và UBND"));
  });

  it("pairs names with existing units by key", () => {
    const existing = [
      { id: "u1", name: "Văn phòng UBND" },
      { id: "u2", name: "Tân Đức" },
      { id: "u3", name: "Bộ phận Tiếp nhận và Trả kết quả" },
    ];
    expect(matchUnits(["VP UBND xã", "tan duc", "Bộ phận TN&TKQ xã", "Phòng Kinh tế"], existing)).toEqual([
      { name: "VP UBND xã", unitId: "u1" },
      { name: "tan duc", unitId: "u2" },
      { name: "Bộ phận TN&TKQ xã", unitId: "u3" },
      { name: "Phòng Kinh tế", unitId: null },
    ]);
  });
});

describe("classifyIndicatorGroup", () => {
  it.each([
    ["Chỉ số cải cách hành chính của xã (PAR INDEX)", "PAR_INDEX"],
    ["Chỉ số CCHC", "PAR_INDEX"],
    ["Chỉ số hài lòng của người dân (SIPAS)", "SIPAS"],
    ["Mức độ hài lòng trong tiếp nhận, giải quyết TTHC", "SIPAS"],
    ["Chỉ số năng lực cạnh tranh cấp xã (PCI)", "PCI"],
    ["Chỉ số Chuyển đổi số cấp xã (DTI)", "DTI"],
    ["Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình", "ONLINE_SERVICES"],
    ["Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận", "ONLINE_SERVICES"],
    ["Tỷ lệ thanh toán trực tuyến", "ONLINE_SERVICES"],
    ["Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", "ONLINE_SERVICES"],
    ["Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn", "ONLINE_SERVICES"],
    ["Tỷ lệ cấp kết quả giải quyết điện tử", "ONLINE_SERVICES"],
    ["Thủ tục hành chính nội bộ được công khai", "ONLINE_SERVICES"],
    ["Tỷ lệ lập hồ sơ công việc trên môi trường mạng", "OTHER"],
    ["Tỷ lệ giải ngân vốn đầu tư công", "OTHER"],
  ])("%s -> %s", (name, group) => {
    expect(classifyIndicatorGroup(name)).toBe(group);
  });

  it("ignores diacritics and case", () => {
    expect(classifyIndicatorGroup("chi so hai long")).toBe("SIPAS");
    expect(classifyIndicatorGroup("TỶ LỆ THANH TOÁN TRỰC TUYẾN")).toBe("ONLINE_SERVICES");
  });
});
