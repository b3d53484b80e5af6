// The report form's rules without a browser: what typed text means, when a row may be saved
// and judged, and when fresh server data may replace what the clerk typed.
import { describe, expect, it } from "vitest";
import {
  NOT_A_NUMBER,
  indicatorDraftErrors,
  indicatorDraftOf,
  isDirty,
  liveIndicator,
  keepMine,
  markSaved,
  mergeRows,
  readIndicatorDraft,
  takeTheirs,
  type IndicatorDraft,
  type RowState,
} from "@/domain/reporting/drafts";
import { rowMatches, NO_QUERY, type RowFacts } from "@/domain/reporting/row-filter";

const ratio = { valueKind: "RATIO" as const, targetRule: "AT_LEAST" as const, measurementUnit: "%" };
const percent = { valueKind: "NUMBER" as const, targetRule: "AT_LEAST" as const, measurementUnit: "%" };
const empty: IndicatorDraft = { numerator: "", denominator: "", value: "", done: "", note: "", cause: "", remedy: "" };

describe("typed text is never silently dropped", () => {
  it("text in a number field is an error at that field, not an empty value", () => {
    expect(indicatorDraftErrors(ratio, { ...empty, numerator: "abc", denominator: "10" })).toEqual({ numerator: NOT_A_NUMBER });
    expect(indicatorDraftErrors(percent, { ...empty, value: "12a" })).toEqual({ value: NOT_A_NUMBER });
    const read = readIndicatorDraft({ ...empty, numerator: "abc", denominator: "10" });
    expect(read.parseErrors).toEqual({ numerator: NOT_A_NUMBER });
  });
  it("reads vi-VN numbers and blanks", () => {
    expect(readIndicatorDraft({ ...empty, value: "12,5" }).entry.value).toBe(12.5);
    expect(readIndicatorDraft({ ...empty, value: "1.234" }).entry.value).toBe(1234);
    expect(readIndicatorDraft({ ...empty, value: "  " }).entry.value).toBeNull();
    expect(indicatorDraftErrors(ratio, empty)).toEqual({});
  });
  it("out of range and numerator above denominator block the row", () => {
    expect(indicatorDraftErrors(percent, { ...empty, value: "120" })).toEqual({ value: "Tỷ lệ phần trăm phải từ 0 đến 100." });
    expect(indicatorDraftErrors(ratio, { ...empty, numerator: "5", denominator: "4" })).toEqual({ numerator: "Tử số không được lớn hơn mẫu số." });
  });
});

describe("no status from invalid input", () => {
  const ind = {
    ...percent,
    id: "i1",
    targetValue: 90,
    baselineValue: null,
    aggregation: null,
    quarters: [],
  } as unknown as Parameters<typeof liveIndicator>[0];
  const ratioInd = { ...ind, ...ratio, targetValue: 90 } as unknown as Parameters<typeof liveIndicator>[0];
  it("120 % shows no ✔ Đạt, only the error", () => {
    const l = liveIndicator(ind, { ...empty, value: "120" }, 2);
    expect(l.result).toBeNull();
    expect(l.errors.value).toBeTruthy();
  });
  it("numerator above denominator shows no 125 %", () => {
    const l = liveIndicator(ratioInd, { ...empty, numerator: "5", denominator: "4" }, 2);
    expect(l.result).toBeNull();
    expect(l.ratioNow).toBeNull();
  });
  it("text in a field gives no status", () => {
    expect(liveIndicator(ratioInd, { ...empty, numerator: "abc", denominator: "4" }, 2).result).toBeNull();
  });
  it("a valid entry is judged", () => {
    const l = liveIndicator(ratioInd, { ...empty, numerator: "3", denominator: "4" }, 2);
    expect(l.result?.status).toBe("NOT_ACHIEVED");
    expect(l.ratioNow).toBe(75);
  });
});

describe("merging fresh server data into the form", () => {
  const saved = (n: number) => indicatorDraftOf({ numerator: n, denominator: 10, value: null, done: null, note: null });
  const rows = (n: number, version: number) => [{ id: "a", n, version }];
  const merge = (old: Map<string, RowState<IndicatorDraft>> | null, n: number, version: number) =>
    mergeRows(old, rows(n, version), (r) => saved(r.n), (r) => r.version);

  it("a row without local edits takes the server's figures and version", () => {
    const first = merge(null, 1, 0);
    const next = merge(first, 2, 1);
    expect(next.get("a")).toEqual({ draft: saved(2), baseline: saved(2), version: 1 });
  });
  it("another person's save never overwrites a row being edited, and its old version is kept (so the save reports the conflict)", () => {
    const first = merge(null, 1, 0);
    const edited = new Map(first).set("a", { ...first.get("a")!, draft: { ...saved(1), numerator: "7" } });
    const next = merge(edited, 2, 1);
    expect(next.get("a")!.draft.numerator).toBe("7");
    expect(next.get("a")!.version).toBe(0);
    expect(isDirty(next.get("a")!)).toBe(true);
  });
  it("an edited row adopts a new version when the saved figures did not change (a row created to hold evidence)", () => {
    const first = merge(null, 1, 0);
    const edited = new Map(first).set("a", { ...first.get("a")!, draft: { ...saved(1), numerator: "7" } });
    const next = merge(edited, 1, 1);
    expect(next.get("a")!.draft.numerator).toBe("7");
    expect(next.get("a")!.version).toBe(1);
  });
  it("after a save the row is clean; the rows not saved stay dirty", () => {
    const m = new Map<string, RowState<IndicatorDraft>>([
      ["a", { draft: saved(3), baseline: saved(1), version: 0 }],
      ["b", { draft: saved(4), baseline: saved(1), version: 0 }],
    ]);
    const after = markSaved(m, new Set(["a"]));
    expect(isDirty(after.get("a")!)).toBe(false);
    expect(isDirty(after.get("b")!)).toBe(true);
  });
  it("resolving a conflict: keep mine re-bases my draft on their version; take theirs replaces it", () => {
    const row: RowState<IndicatorDraft> = { draft: saved(7), baseline: saved(1), version: 0 };
    const theirs = { draft: saved(5), version: 1 };
    expect(keepMine(row, theirs)).toEqual({ draft: saved(7), baseline: saved(5), version: 1 });
    expect(isDirty(keepMine(row, theirs))).toBe(true);
    expect(takeTheirs(theirs)).toEqual({ draft: saved(5), baseline: saved(5), version: 1 });
    // A later refresh showing their figures keeps my kept draft.
    const refreshed = mergeRows(new Map([["a", keepMine(row, theirs)]]), [{ id: "a" }], () => saved(5), () => 1);
    expect(refreshed.get("a")!.draft).toEqual(saved(7));
  });
});

describe("finding rows", () => {
  const row: RowFacts = { text: "7.3 Tỷ lệ hồ sơ trực tuyến toàn trình", unitIds: ["u1"], empty: true, red: false, commented: true };
  it("searches without diacritics", () => {
    expect(rowMatches(row, { ...NO_QUERY, search: "ho so" })).toBe(true);
    expect(rowMatches(row, { ...NO_QUERY, search: "HỒ SƠ truc" })).toBe(true);
    expect(rowMatches(row, { ...NO_QUERY, search: "thu tuc" })).toBe(false);
  });
  it("filters by what is missing, red, commented and unit", () => {
    expect(rowMatches(row, { ...NO_QUERY, filter: "empty" })).toBe(true);
    expect(rowMatches(row, { ...NO_QUERY, filter: "red" })).toBe(false);
    expect(rowMatches(row, { ...NO_QUERY, filter: "commented" })).toBe(true);
    expect(rowMatches(row, { ...NO_QUERY, unitId: "u2" })).toBe(false);
  });
});
