// A row's list of due dates, as the clerk types it ("30/06/2025; 31/12/2025"): the dates a
// recurring task falls due, when the parser's reading of the deadline is not what the plan
// means (a report due on the 20th of each quarter's last month, a date the text left out).
// Empty means "as the deadline text says". The preview and the plan editor use the same rule;
// the server checks each date again (src/server/validation.ts dueDateListField).

import { formatDate, parseViDate } from "../format";
import { deadlineProblem } from "./deadline";
import { setTaskDeadline } from "./preview-edit";
import type { ParsedDeadline, ParsedTask } from "./types";

/** Dates a clerk may list for one row: a weekly task over a year is 53. */
export const DUE_DATES_MAX = 60;

/** "30/06/2025; 31/12/2025" -> its parts, split on ";", "," or new lines. */
export function splitDueDateList(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/[;,\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The ISO dates of a typed list, or the first part that is not a dd/mm/yyyy date. */
export function readDueDateList(text: string | null | undefined): { dates: string[] } | { problem: string } {
  const parts = splitDueDateList(text);
  if (parts.length > DUE_DATES_MAX) return { problem: `Tối đa ${DUE_DATES_MAX} hạn cho một dòng.` };
  const dates: string[] = [];
  for (const part of parts) {
    const iso = parseViDate(part);
    if (!iso) return { problem: `“${part}” không phải ngày, nhập theo dạng dd/mm/yyyy.` };
    dates.push(iso);
  }
  return { dates: [...new Set(dates)].sort() };
}

/** The deadline with the clerk's dates: several make it recurring on those dates, one is its due date. */
export function withDueDates(deadline: ParsedDeadline, dates: readonly string[]): ParsedDeadline {
  const sorted = [...new Set(dates)].sort();
  if (sorted.length === 0) return deadline;
  if (sorted.length === 1) return { text: deadline.text, kind: "DATE", dueDate: sorted[0], periodStart: null, periodEnd: null };
  return { text: deadline.text, kind: "RECURRING", dueDate: null, periodStart: null, periodEnd: null, occurrences: sorted };
}

/** The dates a deadline falls due, as a clerk would type them. */
export function dueDatesText(deadline: Pick<ParsedDeadline, "kind" | "dueDate" | "occurrences"> | null | undefined): string {
  if (!deadline) return "";
  if (deadline.occurrences?.length) return deadline.occurrences.map(formatDate).join("; ");
  return deadline.kind === "DATE" && deadline.dueDate ? formatDate(deadline.dueDate) : "";
}

/**
 * The preview's edit of a task's due dates: the typed list replaces the dates read from the
 * deadline text (the text itself is kept as written); an empty list goes back to the text's.
 */
export function setTaskDueDates(row: ParsedTask, text: string, year: number | null): { row: ParsedTask; problem: string | null } {
  const read = readDueDateList(text);
  if ("problem" in read) return { row, problem: read.problem };
  const fromText = setTaskDeadline(row, row.deadline.text, year);
  if (read.dates.length === 0) return { row: fromText, problem: null };
  // The clerk's dates answer the "cannot read the deadline" doubt.
  const unclear = deadlineProblem(fromText.deadline);
  return { row: { ...fromText, deadline: withDueDates(fromText.deadline, read.dates), warnings: fromText.warnings.filter((w) => w !== unclear) }, problem: null };
}
