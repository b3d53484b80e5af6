// What the plan importer understands of a document, before anything is written.
// Pure data: the preview shows it, the user corrects it, the confirm action saves it,
// and the demo seed loads the four seed documents through the same path.

export type PlanKind = "PAR_SIPAS" | "CCHC_YEARLY" | "TTHC_CONTROL" | "DIGITAL_TRANSFORMATION" | "OTHER";
export type IndicatorGroup = "PAR_INDEX" | "SIPAS" | "PCI" | "DTI" | "ONLINE_SERVICES" | "OTHER";
export type TargetRule =
  | "AT_LEAST"
  | "MORE_THAN"
  | "AT_MOST"
  | "FULL"
  | "BETTER_RANK"
  | "LOWER_THAN_LAST_YEAR"
  | "DONE"
  | "NONE";
export type ValueKind = "RATIO" | "NUMBER" | "RANK" | "BOOLEAN";
export type DeadlineKind = "DATE" | "PERIOD" | "RECURRING" | "ONGOING" | "DEPENDENT" | "NONE";

export interface ParsedTarget {
  /** The target exactly as written (cleaned of HTML, NFC). Empty string when blank. */
  text: string;
  rule: TargetRule;
  /** Threshold for AT_LEAST / MORE_THAN / AT_MOST / FULL (FULL is 100). Null otherwise. */
  value: number | null;
  /** "%", "điểm", "sáng kiến", ... when the text says so. */
  unit: string | null;
  /** For BETTER_RANK / LOWER_THAN_LAST_YEAR: the reference year when written ("so với năm 2024"). */
  referenceYear: number | null;
}

export interface ParsedDeadline {
  text: string;
  kind: DeadlineKind;
  /** ISO yyyy-mm-dd. DATE: the due date. PERIOD: the period's last day is dueDate too. */
  dueDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  /** RECURRING: every due date in the year ("hằng quý" -> four quarter ends; "06 tháng và cuối năm" -> 30/6, 31/12). */
  occurrences?: string[];
}

interface ParsedRowBase {
  /** Code as written, trimmed of trailing dot and HTML: "A", "I", "1.1", "3.1.2"; null when none. */
  code: string | null;
  /** Index (in `rows`) of the enclosing section row, or null at top level. */
  parentIndex: number | null;
  depth: number;
  /** Every problem the parser saw on this row, in Vietnamese, for the preview. */
  warnings: string[];
  /** The raw cells of the source line(s) that produced this row, joined with " | ". */
  raw: string;
}

export interface ParsedSection extends ParsedRowBase {
  type: "section";
  title: string;
}

export interface ParsedTask extends ParsedRowBase {
  type: "task";
  content: string;
  requirement: string | null;
  expectedResult: string | null;
  deadline: ParsedDeadline;
  /** Lead (chủ trì) unit names as found; first is the lead. Raw cell kept in leadUnitText. */
  leadUnits: string[];
  coordinatingUnits: string[];
  leadUnitText: string | null;
  coordinatingText: string | null;
  /** What the unit cells say beyond the units ("báo cáo … trước ngày 25/11/2025"), shown on the plan page. */
  note?: string | null;
}

export interface ParsedIndicator extends ParsedRowBase {
  type: "indicator";
  name: string;
  group: IndicatorGroup;
  measurementUnit: string | null;
  valueKind: ValueKind;
  target: ParsedTarget;
  monitoringUnits: string[];
  implementingUnits: string[];
  monitoringUnitText: string | null;
  implementingUnitText: string | null;
  /** For ratios, what is counted above and below the line when the document says. */
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  /** Index (in `rows`) of the parent indicator for "-" sub-rows. */
  parentIndicatorIndex: number | null;
  /** What the unit cells say beyond the units, kept as the row's note. */
  note?: string | null;
  /** The indicator's own deadline ("hoàn thành trong Quý I"), when the document gives one. */
  deadline?: ParsedDeadline | null;
  /** Last year's figure or rank (or the named year's) for targets judged against it. */
  baselineValue?: number | null;
}

export type ParsedRow = ParsedSection | ParsedTask | ParsedIndicator;

export interface ParsedPlan {
  kind: PlanKind;
  title: string;
  /** "48/QĐ-UBND", "67/KH-UBND", "/KH-UBND" (blank number kept as written), or null. */
  documentNumber: string | null;
  /** ISO date when the document gives a full date, else null (text kept in documentDateText). */
  documentDate: string | null;
  documentDateText: string | null;
  year: number | null;
  /** Commune name as the document gives it ("Tân Đức"), or null. */
  communeName: string | null;
  rows: ParsedRow[];
  /** Problems not tied to a row (no table found, unknown columns...). */
  warnings: string[];
}
