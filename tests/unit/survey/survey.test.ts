import { describe, expect, it } from "vitest";
import { checkLimits, communeSlug, isSatisfied, needsReason, quarterOf, sampleSize, sipasFigure, summarize, DEVICE_MAX_PER_DAY, ADDRESS_MAX_PER_HOUR, type Answer } from "@/domain/survey";

const a = (access: number, procedure: number, officials: number, result: number, feedback: number | null = null, extra: Partial<Answer> = {}): Answer => ({ access, procedure, officials, result, feedback, ...extra });

describe("satisfaction index (SIPAS)", () => {
  it("counts an answer satisfied when the mean of its rated aspects is 4 or more", () => {
    expect(isSatisfied(a(4, 4, 4, 4))).toBe(true);
    expect(isSatisfied(a(5, 5, 3, 3))).toBe(true); // mean 4
    expect(isSatisfied(a(5, 4, 3, 3))).toBe(false); // mean 3.75
    expect(isSatisfied(a(4, 4, 4, 4, 1))).toBe(false); // feedback counts when rated: mean 3.4
  });

  it("gives per-aspect shares, the overall share and the distribution", () => {
    const s = summarize([a(5, 5, 5, 5), a(2, 2, 2, 2, 1, { reasons: ["cho-lau", "thai-do"] }), a(4, 3, 5, 4, null, { reasons: ["cho-lau"] })]);
    expect(s.answers).toBe(3);
    expect(s.satisfied).toBe(2);
    expect(s.overall).toBeCloseTo(66.667, 2);
    const procedure = s.aspects.find((x) => x.key === "procedure")!;
    expect(procedure).toMatchObject({ rated: 3, satisfied: 1, distribution: [0, 1, 1, 0, 1] });
    const feedback = s.aspects.find((x) => x.key === "feedback")!;
    expect(feedback).toMatchObject({ rated: 1, satisfied: 0, percent: 0 });
    expect(s.reasons[0]).toEqual({ code: "cho-lau", label: "Phải chờ đợi lâu", count: 2 });
  });

  it("trends by month in Vietnam time (23:30 UTC on 31 Jan is February there)", () => {
    const s = summarize([a(5, 5, 5, 5, null, { createdAt: new Date("2025-01-31T23:30:00Z") }), a(1, 1, 1, 1, null, { createdAt: new Date("2025-01-15T03:00:00Z") })]);
    expect(s.months).toEqual([
      { month: "2025-01", answers: 1, satisfied: 0, percent: 0 },
      { month: "2025-02", answers: 1, satisfied: 1, percent: 100 },
    ]);
    expect(quarterOf(new Date("2025-03-31T18:00:00Z"))).toEqual({ year: 2025, quarter: 2 });
  });

  it("offers satisfied / answers as the SIPAS figure, and nothing for no answers", () => {
    expect(sipasFigure([a(5, 5, 5, 5), a(1, 2, 3, 4), a(4, 4, 4, 5)])).toEqual({ numerator: 2, denominator: 3 });
    expect(summarize([]).overall).toBeNull();
  });

  it("asks for a reason when any rating is 3 or less, extra questions included", () => {
    expect(needsReason(a(5, 5, 5, 5))).toBe(false);
    expect(needsReason(a(5, 5, 5, 3))).toBe(true);
    expect(needsReason(a(5, 5, 5, 5, 2))).toBe(true);
    expect(needsReason(a(5, 5, 5, 5, null, { extra: [1] }))).toBe(true);
  });
});

describe("sample size n = N / (1 + N·e²)", () => {
  it("matches the textbook values and rounds up", () => {
    expect(sampleSize(1000, 5)).toBe(286); // 285.71
    expect(sampleSize(400, 5)).toBe(200); // exactly 200
    expect(sampleSize(100, 10)).toBe(50);
    expect(sampleSize(10_000, 5)).toBe(385); // 384.6
    expect(sampleSize(0)).toBe(0);
  });
});

describe("limits per device and per address", () => {
  const now = new Date("2025-06-01T08:00:00Z");
  const ago = (min: number) => new Date(now.getTime() - min * 60_000);
  it("lets a first answer through", () => {
    expect(checkLimits({ now, deviceTimes: [], addressTimes: [] })).toEqual({ ok: true });
  });
  it("refuses a second answer from the same device within 10 minutes, politely, saying when to retry", () => {
    const v = checkLimits({ now, deviceTimes: [ago(3)], addressTimes: [ago(3)] });
    expect(v).toMatchObject({ ok: false, by: "device", retryAfterMinutes: 7 });
    expect(v.ok || v.message).toMatch(/Cảm ơn/);
    expect(checkLimits({ now, deviceTimes: [ago(11)], addressTimes: [ago(11)] }).ok).toBe(true);
  });
  it("caps a device at 3 answers per 24 hours", () => {
    const times = [ago(60), ago(120), ago(600)];
    expect(times.length).toBe(DEVICE_MAX_PER_DAY);
    expect(checkLimits({ now, deviceTimes: times, addressTimes: [] })).toMatchObject({ ok: false, by: "device" });
    expect(checkLimits({ now, deviceTimes: [ago(60), ago(120), ago(24 * 60 + 1)], addressTimes: [] }).ok).toBe(true);
  });
  it("caps an address at 30 answers per hour (older ones do not count)", () => {
    const full = Array.from({ length: ADDRESS_MAX_PER_HOUR }, (_, i) => ago(1 + i));
    expect(checkLimits({ now, deviceTimes: [], addressTimes: full })).toMatchObject({ ok: false, by: "address" });
    expect(checkLimits({ now, deviceTimes: [], addressTimes: [...full.slice(1), ago(61)] }).ok).toBe(true);
  });
});

it("slugs a commune name into its public address", () => {
  expect(communeSlug("Xã Hành Dũng")).toBe("hanh-dung");
  expect(communeSlug("Xã Diên Khánh")).toBe("dien-khanh");
  expect(communeSlug("Phường Đông Hải")).toBe("dong-hai");
});
