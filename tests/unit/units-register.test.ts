// The unit splitter (several units and roles in one cell) and the register matcher (names,
// aliases, abbreviations), as a clerk would read the cells.
import { describe, expect, it } from "vitest";
import { normalizeUnitKey, splitUnits } from "@/domain/plan-import";
import { readUnitCell, unitCellNote } from "@/domain/plan-import/units";
import { guessUnitKind, matchPhrase, mergeAliases, registerIndex } from "@/domain/units/register";

describe("unit splitter", () => {
  it("splits 'A, B' when B starts like a unit, keeps fixed comma phrases and 'Các …' groups whole", () => {
    expect(splitUnits("Văn phòng UBND, Công chức phụ trách Văn hóa và Thông tin")).toEqual({
      lead: ["Văn phòng UBND"],
      coordinating: ["Công chức phụ trách Văn hóa và Thông tin"],
    });
    expect(splitUnits("Cán bộ, công chức thuộc UBND xã").lead).toEqual(["Cán bộ, công chức thuộc UBND xã"]);
    expect(splitUnits("Các ban, ngành, công chức liên quan").lead).toEqual(["Các ban, ngành, công chức liên quan"]);
    expect(splitUnits("Các cơ quan, đơn vị, các tổ dân phố")).toEqual({ lead: ["Các cơ quan, đơn vị"], coordinating: ["Các tổ dân phố"] });
    expect(splitUnits("Công chức tiếp nhận, giải quyết TTHC").lead).toEqual(["Công chức tiếp nhận, giải quyết TTHC"]);
  });

  it("splits 'A; B' and 'A và B' only when B is a unit of its own", () => {
    expect(splitUnits("Văn phòng - Thống kê; Tư pháp - Hộ tịch")).toEqual({ lead: ["Văn phòng - Thống kê"], coordinating: ["Tư pháp - Hộ tịch"] });
    expect(splitUnits("Văn hóa – Xã hội và Đài truyền thanh xã")).toEqual({ lead: ["Văn hóa – Xã hội"], coordinating: ["Đài truyền thanh xã"] });
    expect(splitUnits("Văn phòng HĐND và UBND xã").lead).toEqual(["Văn phòng HĐND và UBND xã"]);
    expect(splitUnits("Công chức Văn hóa và Thông tin").lead).toEqual(["Công chức Văn hóa và Thông tin"]);
  });

  it("reads 'A chủ trì, phối hợp (với) B' as A leading and B coordinating", () => {
    expect(splitUnits("Trung tâm Phục vụ hành chính công xã chủ trì, phối hợp với các cơ quan chuyên môn thuộc xã thực hiện")).toEqual({
      lead: ["Trung tâm Phục vụ hành chính công xã"],
      coordinating: ["Các cơ quan chuyên môn thuộc xã"],
    });
    expect(splitUnits("Phòng Kinh tế chủ trì, phối hợp Phòng Văn hóa - Xã hội")).toEqual({ lead: ["Phòng Kinh tế"], coordinating: ["Phòng Văn hóa - Xã hội"] });
  });

  it("reads 'A tham mưu …, B thực hiện' as A leading and B taking part", () => {
    expect(splitUnits("Phòng Văn hóa - Xã hội tham mưu UBND xã ban hành kế hoạch, Trung tâm Phục vụ hành chính công thực hiện")).toEqual({
      lead: ["Phòng Văn hóa - Xã hội"],
      coordinating: ["Trung tâm Phục vụ hành chính công"],
    });
  });

  it("reads line breaks and bullets as separate units", () => {
    expect(splitUnits("- Văn phòng UBND xã\n- Công chức Tư pháp - Hộ tịch")).toEqual({ lead: ["Văn phòng UBND xã"], coordinating: ["Công chức Tư pháp - Hộ tịch"] });
  });

  it("keeps a cell's instructions and reporting dates as the note, and a plain list as no note", () => {
    const cell = "Các cơ quan, đơn vị triển khai đầy đủ, báo cáo kết quả về Phòng Văn hóa - Xã hội trước ngày 25/11/2025.";
    const read = readUnitCell(cell);
    expect(read.mentions.map((m) => m.name)).toEqual(["Các cơ quan, đơn vị"]);
    expect(read.hasInstructions).toBe(true);
    expect(unitCellNote([[cell, read.hasInstructions]])).toContain("trước ngày 25/11/2025");
    expect(readUnitCell("Trung tâm Phục vụ hành chính công xã chủ trì, phối hợp các cơ quan chuyên môn thực hiện").hasInstructions).toBe(false);
    expect(readUnitCell("Văn phòng UBND; Bộ phận Một cửa").hasInstructions).toBe(false);
  });
});

describe("register matcher", () => {
  const register = [
    { id: "vp", name: "Văn phòng HĐND và UBND xã", aliases: ["Công chức VP"] },
    { id: "mc", name: "Bộ phận Tiếp nhận và Trả kết quả xã", aliases: [] },
    { id: "vh", name: "Phòng Văn hóa - Xã hội", aliases: [] },
    { id: "cc", name: "Công chức Tư pháp - Hộ tịch", aliases: [] },
  ];
  const index = registerIndex(register);

  it("finds units through abbreviations, case and diacritics", () => {
    expect(matchPhrase("Văn phòng HĐND-UBND", index)).toBe("vp");
    expect(matchPhrase("VP HĐND&UBND xã", index)).toBe("vp");
    expect(matchPhrase("van phong hdnd va ubnd", index)).toBe("vp");
    expect(matchPhrase("Bộ phận TN&TKQ", index)).toBe("mc");
    expect(matchPhrase("Phòng VH-XH", index)).toBe("vh");
    expect(matchPhrase("CC Tư pháp – Hộ tịch", index)).toBe("cc");
    expect(matchPhrase("Các công chức Tư pháp - Hộ tịch xã", index)).toBe("cc");
  });

  it("finds units through their aliases, and nothing for an unknown phrase", () => {
    expect(matchPhrase("Công chức VP", index)).toBe("vp");
    expect(matchPhrase("Phòng Kinh tế", index)).toBeNull();
  });

  it("keeps aliases distinct from the official name and from each other", () => {
    expect(mergeAliases("Văn phòng UBND xã", ["VP UBND", "Văn phòng UBND", "Văn phòng - Thống kê", "VP-TK"])).toEqual(["Văn phòng - Thống kê"]);
    expect(normalizeUnitKey("Văn phòng HĐND-UBND")).toBe(normalizeUnitKey("Văn phòng HĐND và UBND xã"));
  });

  it("guesses the kind of office from its name", () => {
    expect(guessUnitKind("Văn phòng HĐND và UBND xã")).toBe("OFFICE");
    expect(guessUnitKind("Phòng Kinh tế")).toBe("DEPARTMENT");
    expect(guessUnitKind("Trung tâm Phục vụ hành chính công xã")).toBe("ONE_STOP");
    expect(guessUnitKind("Bộ phận TN&TKQ xã")).toBe("ONE_STOP");
    expect(guessUnitKind("Công chức Tư pháp - Hộ tịch")).toBe("CIVIL_SERVANT");
    expect(guessUnitKind("Các ban, ngành thuộc xã")).toBe("COLLECTIVE");
    expect(guessUnitKind("Đoàn Thanh niên xã")).toBe("MASS_ORGANIZATION");
    expect(guessUnitKind("Thôn Phú Hòa")).toBe("VILLAGE");
  });
});
