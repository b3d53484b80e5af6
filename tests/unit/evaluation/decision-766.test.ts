import { describe, expect, it } from "vitest";
import { GROUPS_766, MAX_POINTS_766, classify766, coverage766 } from "@/domain/evaluation";

describe("GROUPS_766", () => {
  it("lists the five groups of Decision 766/QĐ-TTg with their points, 100 in all", () => {
    expect(GROUPS_766.map((g) => [g.name, g.maxPoints])).toEqual([
      ["Công khai, minh bạch", 18],
      ["Tiến độ, kết quả giải quyết", 20],
      ["Số hóa hồ sơ", 22],
      ["Cung cấp dịch vụ trực tuyến", 22],
      ["Mức độ hài lòng", 18],
    ]);
    expect(MAX_POINTS_766).toBe(100);
  });
});

describe("classify766 on the Hành Dũng appendix", () => {
  it.each([
    ["Tỷ lệ công bố, công khai TTHC đúng hạn.", "PUBLICITY"],
    [
      "Tỷ lệ kết quả xử lý hồ sơ TTHC của bộ, ngành, địa phương được đồng bộ đầy đủ trên Cổng Dịch vụ công quốc gia.",
      "PUBLICITY",
    ],
    ["Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số TTHC có đủ điều kiện trên Cổng Dịch vụ công quốc gia.", "ONLINE_SERVICE"],
    ["Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC.", "ONLINE_SERVICE"],
    ["Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số giao dịch thanh toán của dịch vụ công.", "ONLINE_SERVICE"],
    ["Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC.", "DIGITISATION"],
    ["Tỷ lệ cấp kết quả giải quyết TTHC điện tử.", "DIGITISATION"],
    ["Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa.", "DIGITISATION"],
    ["Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn.", "PROGRESS"],
    ["Mức độ hài lòng trong tiếp nhận, giải quyết TTHC của người dân, doanh nghiệp.", "SATISFACTION"],
  ])("%s -> %s", (name, group) => {
    expect(classify766(name)).toBe(group);
  });
});

describe("classify766 on other names", () => {
  it("matches however the text was typed: NFD, capitals, no diacritics", () => {
    expect(classify766("Tỷ lệ số hóa hồ sơ".normalize("NFD"))).toBe("DIGITISATION");
    expect(classify766("TỶ LỆ HỒ SƠ GIẢI QUYẾT TRỄ HẠN")).toBe("PROGRESS");
    expect(classify766("ty le tai su dung du lieu")).toBe("DIGITISATION");
  });

  it("reads Tây Thuận's sub-rows", () => {
    expect(classify766("- Tỷ lệ cấp kết quả giải quyết điện tử đối với hồ sơ giải quyết TTHC.")).toBe("DIGITISATION");
    expect(classify766("- Tỷ lệ hồ sơ giải quyết toàn trình, một phần")).toBe("ONLINE_SERVICE");
    expect(classify766("Thủ tục hành chính nội bộ được công khai trên Trang thông tin điện tử của xã")).toBe("PUBLICITY");
  });

  it("does not count the SIPAS survey or unrelated indicators", () => {
    expect(classify766("Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước của xã (SIPAS)")).toBeNull();
    expect(classify766("Chỉ số cải cách hành chính của xã (PAR INDEX)")).toBeNull();
    expect(classify766("Xây dựng và hoàn thiện Đề án vị trí việc làm")).toBeNull();
  });
});

describe("coverage766", () => {
  it("lists each group's indicators and flags groups nothing tracks, without inventing a score", () => {
    const indicators = [
      { id: "1", name: "Tỷ lệ công bố, công khai TTHC đúng hạn." },
      { id: "2", name: "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC." },
      { id: "3", name: "Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia." },
      { id: "4", name: "Chỉ số cải cách hành chính của xã" },
    ];
    const rows = coverage766(indicators);
    expect(rows.map((r) => [r.key, r.indicators.map((i) => i.id), r.missing])).toEqual([
      ["PUBLICITY", ["1"], false],
      ["PROGRESS", [], true],
      ["DIGITISATION", [], true],
      ["ONLINE_SERVICE", ["2", "3"], false],
      ["SATISFACTION", [], true],
    ]);
    expect(rows[0]).not.toHaveProperty("score");
  });
});
