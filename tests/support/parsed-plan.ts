// Builders for what the plan parser hands the import confirmation, so a test states only the
// fields it is about; when the parsed shape grows a field, it is added here once.
import type { ParsedIndicator, ParsedPlan, ParsedRow, ParsedTask } from "@/domain/plan-import/types";

/** Fresh per row: a test that pushes a warning must not see it on every other row. */
const rowBase = () => ({ code: "1" as string | null, parentIndex: null, depth: 0, warnings: [] as string[], raw: "" });

export function parsedTask(over: Partial<ParsedTask> = {}): ParsedTask {
  return {
    ...rowBase(),
    type: "task",
    content: "Rà soát thủ tục hành chính",
    requirement: null,
    expectedResult: null,
    deadline: { text: "", kind: "NONE", dueDate: null, periodStart: null, periodEnd: null },
    leadUnits: [],
    coordinatingUnits: [],
    leadUnitText: null,
    coordinatingText: null,
    ...over,
  };
}

export function parsedIndicator(over: Partial<ParsedIndicator> = {}): ParsedIndicator {
  return {
    ...rowBase(),
    type: "indicator",
    name: "Tỷ lệ hồ sơ",
    group: "OTHER",
    measurementUnit: null,
    valueKind: "NUMBER",
    target: { text: "Tối thiểu 60", rule: "AT_LEAST", value: 60, unit: null, referenceYear: null },
    monitoringUnits: [],
    implementingUnits: [],
    monitoringUnitText: null,
    implementingUnitText: null,
    numeratorLabel: null,
    denominatorLabel: null,
    parentIndicatorIndex: null,
    ...over,
  };
}

export function parsedPlan(rows: ParsedRow[], over: Partial<Omit<ParsedPlan, "rows">> = {}): ParsedPlan {
  return {
    kind: "OTHER",
    title: "Kế hoạch nhập thử",
    documentNumber: null,
    documentDate: null,
    documentDateText: null,
    year: 2026,
    communeName: null,
    warnings: [],
    rows,
    ...over,
  };
}
