import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  parseViNumber,
  quarterLabel,
  todayInVietnam,
} from "@/domain/format";

describe("formatNumber", () => {
  it("writes vi-VN numbers: dot for thousands, comma for decimals, one decimal by default", () => {
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatNumber(1234567)).toBe("1.234.567");
    expect(formatNumber(1000)).toBe("1.000");
    expect(formatNumber(2.25, { maxDecimals: 2 })).toBe("2,25");
    expect(formatNumber(7, { minDecimals: 1 })).toBe("7,0");
  });

  it("rounds half away from zero and never shows minus zero", () => {
    expect(formatNumber(0.05)).toBe("0,1");
    expect(formatNumber(-0.04)).toBe("0");
    expect(formatNumber(-5.55)).toBe("-5,6");
  });

  it("shows nothing for a missing number", () => {
    expect(formatNumber(null)).toBe("");
    expect(formatNumber(undefined)).toBe("");
    expect(formatNumber(Number.NaN)).toBe("");
  });
});

describe("formatPercent", () => {
  it("takes a value already in percent", () => {
    expect(formatPercent(55.55)).toBe("55,6%");
    expect(formatPercent(100)).toBe("100%");
    expect(formatPercent(null)).toBe("");
  });
});

describe("formatDate and formatDateTime", () => {
  it("writes dd/mm/yyyy from an ISO date without shifting the day", () => {
    expect(formatDate("2025-11-22")).toBe("22/11/2025");
    expect(formatDate("2025-01-05")).toBe("05/01/2025");
  });

  it("shows a database date (UTC midnight) as the same calendar day", () => {
    expect(formatDate(new Date("2025-11-22T00:00:00Z"))).toBe("22/11/2025");
  });

  it("uses Vietnam's time zone for timestamps, whatever the machine's", () => {
    expect(formatDateTime("2025-11-22T07:05:00Z")).toBe("22/11/2025 14:05");
    // 17:30 UTC is already the next day in Vietnam.
    expect(formatDateTime(new Date("2025-11-21T17:30:00Z"))).toBe("22/11/2025 00:30");
    expect(formatDate(new Date("2025-11-21T17:30:00Z"))).toBe("22/11/2025");
    expect(todayInVietnam(new Date("2025-11-21T17:30:00Z"))).toBe("2025-11-22");
  });

  it("shows nothing for missing or invalid dates", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate("not a date")).toBe("");
    expect(formatDateTime(undefined)).toBe("");
  });
});

describe("quarterLabel", () => {
  it("writes quarters in Roman numerals", () => {
    expect([1, 2, 3, 4].map((q) => quarterLabel(q))).toEqual(["Quý I", "Quý II", "Quý III", "Quý IV"]);
    expect(quarterLabel(3, 2025)).toBe("Quý III/2025");
  });
});

describe("parseViNumber", () => {
  it("reads vi-VN and plain forms", () => {
    expect(parseViNumber("1.234,5")).toBe(1234.5);
    expect(parseViNumber("1234.5")).toBe(1234.5);
    expect(parseViNumber("1234,5")).toBe(1234.5);
    expect(parseViNumber("1.234.567")).toBe(1234567);
    expect(parseViNumber("1.234")).toBe(1234);
    expect(parseViNumber("0,25")).toBe(0.25);
    expect(parseViNumber(" 42 ")).toBe(42);
  });

  it("tolerates what people paste or type: spaces, a percent sign, a sign, en-US grouping", () => {
    expect(parseViNumber("1 234,5")).toBe(1234.5);
    expect(parseViNumber("55,5%")).toBe(55.5);
    expect(parseViNumber("-3")).toBe(-3);
    expect(parseViNumber("1,234.5")).toBe(1234.5);
    expect(parseViNumber("12,")).toBe(12);
  });

  it("returns null for junk", () => {
    for (const junk of ["", "   ", "abc", "12a", "1.2.3", "1,2,3", "1.23,4", ".", "-", "--1", null, undefined]) {
      expect(parseViNumber(junk)).toBeNull();
    }
  });
});

import { parseViDate } from "@/domain/format";
import { describe as describeDate, expect as expectDate, it as itDate } from "vitest";

describeDate("parseViDate", () => {
  itDate("reads dd/mm/yyyy as users type it and refuses dates that do not exist", () => {
    expectDate(parseViDate("22/11/2025")).toBe("2025-11-22");
    expectDate(parseViDate("1/7/2025")).toBe("2025-07-01");
    expectDate(parseViDate("2025-07-01")).toBe("2025-07-01");
    expectDate(parseViDate("31/02/2025")).toBeNull();
    expectDate(parseViDate("02/31/2025")).toBeNull();
    expectDate(parseViDate("ngày mai")).toBeNull();
  });
});
