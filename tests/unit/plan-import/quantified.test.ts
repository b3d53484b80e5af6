import { describe, expect, it } from "vitest";
import { isOtherLevel, quantifiedResult } from "@/domain/plan-import/quantified";
import { indicatorsFromTask } from "@/domain/plan-import/derived";

describe("quantifiedResult: one rule for every quantified expected result", () => {
  it.each([
    ["Tối thiểu 01 sáng kiến, giải pháp được công nhận", "Số sáng kiến, giải pháp được công nhận", "Tối thiểu 01 sáng kiến"],
    ["Tổ chức tối thiểu 01 cuộc đối thoại giữa lãnh đạo xã với người dân", "Số cuộc đối thoại giữa lãnh đạo xã với người dân", "Tối thiểu 01 cuộc"],
    ["Đạt 100% số văn bản đã xử lý", "Tỷ lệ văn bản đã xử lý", "Đạt 100%"],
    ["≥ 90% hồ sơ được giải quyết đúng hạn", "Tỷ lệ hồ sơ được giải quyết đúng hạn", "Tối thiểu 90%"],
    ["Trên 80% nhiệm vụ đề ra tại Kế hoạch được hoàn thành", "Tỷ lệ nhiệm vụ đề ra tại Kế hoạch được hoàn thành", "Trên 80%"],
    ["100% hồ sơ, kết quả giải quyết được số hóa", "Tỷ lệ hồ sơ, kết quả giải quyết được số hóa", "100%"],
    ["Đảm bảo 100% cán bộ, công chức được đào tạo, bồi dưỡng", "Tỷ lệ cán bộ, công chức được đào tạo, bồi dưỡng", "100%"],
  ])("%s", (clause, name, targetText) => {
    expect(quantifiedResult(clause)).toEqual({ name, targetText });
  });

  it.each([
    ["the task's own completion", "Hoàn thành 100% Kế hoạch"],
    ["another level's target", "Tỷ lệ hồ sơ năm 2024 của huyện đạt 90% trở lên"],
    ["a bare share of something not counted quarterly", "100% TTHC thuộc thẩm quyền được công khai"],
    ["a count without a comparison", "Tổ chức 01 lớp tập huấn"],
    ["a number that is a date or a document", "Thực hiện Nghị định số 33/2023/NĐ-CP ngày 10/6/2023"],
  ])("proposes nothing for %s", (_why, clause) => {
    expect(quantifiedResult(clause)).toBeNull();
  });

  it("tells a district's level from the commune's", () => {
    expect(isOtherLevel("Phấn đấu tỷ lệ hồ sơ trực tuyến của huyện đạt 90%")).toBe(true);
    expect(isOtherLevel("100% UBND cấp xã có tỷ lệ xử lý văn bản đạt 50%")).toBe(false);
  });

  it("asks for the commune's target when a ratio task states only the district's", () => {
    const [d] = indicatorsFromTask({ content: "Tỷ lệ hồ sơ trực tuyến toàn trình", requirement: "Phấn đấu tỷ lệ năm 2024 của huyện đạt tỷ lệ 90% trở lên.", expectedResult: null });
    expect(d.target.rule).toBe("NONE");
    expect(d.warnings.join(" ")).toMatch(/cần nhập chỉ tiêu của xã/);
  });

  it("reads task content as the task's name, never as a proposal", () => {
    expect(indicatorsFromTask({ content: "Tổ chức tối thiểu 01 cuộc đối thoại", requirement: null, expectedResult: null })).toEqual([]);
  });
});
