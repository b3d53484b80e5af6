import { describe, expect, it } from "vitest";
import { parseTarget } from "@/domain/plan-import";

describe("parseTarget", () => {
  it.each([
    ["100%", "FULL", 100, "%"],
    ["100", "FULL", 100, null],
    ["Hoàn thành 100% Kế hoạch", "FULL", 100, "%"],
    ["Đạt 100% số văn bản đã xử lý/kiến nghị xử lý", "FULL", 100, "%"],
    ["Tối thiểu 60", "AT_LEAST", 60, null],
    ["Từ 50%", "AT_LEAST", 50, "%"],
    ["từ 70% trở lên", "AT_LEAST", 70, "%"],
    ["đạt tối thiểu 85 điểm trở lên", "AT_LEAST", 85, "điểm"],
    ["60%", "AT_LEAST", 60, "%"],
    ["10%", "AT_LEAST", 10, "%"],
    ["Không dưới 80%", "AT_LEAST", 80, "%"],
    ["Tối thiểu 01 sáng kiến, giải pháp được công nhận", "AT_LEAST", 1, "sáng kiến"],
    ["Trên 80%", "MORE_THAN", 80, "%"],
    ["Tối đa 5%", "AT_MOST", 5, "%"],
    ["không quá 3 ngày", "AT_MOST", 3, null],
    ["dưới 2%", "AT_MOST", 2, "%"],
    ["5% trở xuống", "AT_MOST", 5, "%"],
  ])("%s -> %s %s %s", (text, rule, value, unit) => {
    expect(parseTarget(text)).toEqual({ text, rule, value, unit, referenceYear: null });
  });

  it("reads Vietnamese decimals and thousands", () => {
    expect(parseTarget("Tối thiểu 85,5 điểm")).toMatchObject({ rule: "AT_LEAST", value: 85.5, unit: "điểm" });
    expect(parseTarget("1.200 hồ sơ")).toMatchObject({ value: 1200, unit: "hồ sơ" });
  });

  it("reads rank improvement with its reference year", () => {
    expect(parseTarget("Có vị trí cải thiện so với năm 2024")).toEqual({
      text: "Có vị trí cải thiện so với năm 2024",
      rule: "BETTER_RANK",
      value: null,
      unit: null,
      referenceYear: 2024,
    });
    expect(parseTarget("Tăng thứ hạng")).toMatchObject({ rule: "BETTER_RANK", referenceYear: null });
  });

  it("reads decreases against last year or a given year", () => {
    expect(parseTarget("Giảm số lượng so với năm trước")).toMatchObject({ rule: "LOWER_THAN_LAST_YEAR", referenceYear: null });
    expect(parseTarget("Số lượng đơn vị sự nghiệp công lập giảm so với năm 2021")).toMatchObject({
      rule: "LOWER_THAN_LAST_YEAR",
      referenceYear: 2021,
    });
  });

  it("treats text whose only numbers are document references and dates as done/not done", () => {
    const text = "Hoàn thành các chỉ tiêu đề ra theo Quyết định số 3416/QĐ-UBND ngày 14/9/2023 của UBND tỉnh";
    expect(parseTarget(text)).toEqual({ text, rule: "DONE", value: null, unit: null, referenceYear: null });
    expect(parseTarget("Phần đầu năm 2024, không có CBCC giữ chức vụ lãnh đạo bị kỷ luật").rule).toBe("DONE");
    expect(parseTarget("Thực hiện Nghị định số 33/2023/NĐ-CP ngày 10/6/2023 của Chính phủ").rule).toBe("DONE");
  });

  it("finds the target number after document references", () => {
    expect(
      parseTarget("Tối thiểu 90% số cơ sở nhà, đất thực hiện đúng quy định tại Nghị định số 167/2017/NĐ-CP ngày 31/12/2017"),
    ).toMatchObject({ rule: "AT_LEAST", value: 90, unit: "%" });
  });

  it("reads blank and placeholder cells as no target", () => {
    for (const text of ["", "   ", "-", "…"]) expect(parseTarget(text).rule).toBe("NONE");
  });

  it("strips HTML and normalises NFD input, keeping the text otherwise", () => {
    expect(parseTarget("<b>Tối thiểu</b> 60%")).toMatchObject({ text: "Tối thiểu 60%", rule: "AT_LEAST", value: 60 });
    const nfd = "Tối thiểu 60".normalize("NFD");
    expect(parseTarget(nfd)).toMatchObject({ text: "Tối thiểu 60", rule: "AT_LEAST", value: 60 });
  });
});
