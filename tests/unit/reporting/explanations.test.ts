import { describe, expect, it } from "vitest";
import { hasExplanation, missingExplanationMessage } from "@/domain/reporting/explanations";

describe("reasons for red", () => {
  it("needs both a cause and a remedy", () => {
    expect(hasExplanation({ cause: "Thiếu người", remedy: "Tập huấn" })).toBe(true);
    expect(hasExplanation({ cause: "Thiếu người", remedy: "  " })).toBe(false);
    expect(hasExplanation(null)).toBe(false);
  });
  it("names every red row without one, indicators and tasks, and nothing when all are explained", () => {
    const message = missingExplanationMessage(
      [
        { code: "1", name: "Tỷ lệ hồ sơ trực tuyến", current: null },
        { code: "2", name: "Tỷ lệ thanh toán trực tuyến", current: { cause: "a", remedy: "b" } },
      ],
      [{ code: "A.3", name: "Rà soát thủ tục hành chính", current: { cause: "a", remedy: null } }],
    );
    expect(message).toBe(
      "Chưa nộp được: 2 dòng chưa đạt, có nguy cơ hoặc quá hạn chưa có giải trình (nguyên nhân và giải pháp khắc phục): chỉ tiêu 1. Tỷ lệ hồ sơ trực tuyến; nhiệm vụ A.3. Rà soát thủ tục hành chính.",
    );
    expect(missingExplanationMessage([{ code: null, name: "x", current: { cause: "a", remedy: "b" } }], [])).toBeNull();
  });
});
