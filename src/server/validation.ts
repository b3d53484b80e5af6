// zod speaks Vietnamese everywhere on the server; field schemas add specific messages.
import "server-only";
import { z } from "zod";
import { isoDateYear, isYear, MAX_YEAR, MIN_YEAR } from "@/domain/period";
import { parseViDate } from "@/domain/format";
import { cleanInput } from "@/domain/text";
import { splitDueDateList } from "@/domain/plan-import/due-dates";

z.config(z.locales.vi());

export { z };

/** Turns zod issues into { field: message } for the form, first message per field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** FormData to a plain object; empty strings become undefined so optional fields stay optional. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? cleanInput(value) : value;
    if (v === "") continue;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], v);
    else out[key] = v;
  }
  return out;
}

/** Common field schemas. */
export const text = (label: string, max = 500) =>
  z
    .string({ error: `${label}: bắt buộc nhập.` })
    .transform((s) => cleanInput(s).replace(/\s+/g, " "))
    .pipe(z.string().min(1, `${label}: bắt buộc nhập.`).max(max, `${label}: tối đa ${max} ký tự.`));

export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .max(max, `${label}: tối đa ${max} ký tự.`)
    .transform((s) => cleanInput(s))
    .optional()
    .transform((s) => (s ? s : null));

export const id = (label = "Mã") => z.string({ error: `${label} không hợp lệ.` }).min(1).max(64, `${label} không hợp lệ.`);

/** Form fields arrive as text and are read as numbers; JSON actions take numbers only. */
const numberFrom = (from: "form" | "json", error: string) => (from === "form" ? z.coerce.number({ error }) : z.number({ error }));

/** A year from 2000 to 2100 (the one range plans, reports and deadlines accept). */
export const yearField = (label = "Năm", from: "form" | "json" = "form") =>
  numberFrom(from, `${label} không hợp lệ.`)
    .int(`${label} phải là số nguyên.`)
    .min(MIN_YEAR, `${label} phải từ ${MIN_YEAR} đến ${MAX_YEAR}.`)
    .max(MAX_YEAR, `${label} phải từ ${MIN_YEAR} đến ${MAX_YEAR}.`);

export const quarterField = (from: "form" | "json" = "form") =>
  numberFrom(from, "Quý không hợp lệ.").int("Quý không hợp lệ.").min(1, "Quý phải từ I đến IV.").max(4, "Quý phải từ I đến IV.");

function checkDateInRange(label: string, iso: string | null, ctx: z.RefinementCtx, format: string): string {
  const year = iso === null ? null : isoDateYear(iso);
  if (year === null) {
    ctx.addIssue({ code: "custom", message: `${label} không hợp lệ, nhập theo dạng ${format}.` });
    return z.NEVER;
  }
  if (!isYear(year)) {
    ctx.addIssue({ code: "custom", message: `${label} phải trong khoảng năm ${MIN_YEAR}–${MAX_YEAR}.` });
    return z.NEVER;
  }
  return iso!;
}

/** yyyy-mm-dd (what a date input sends), a real calendar day in the year range. */
export const isoDateField = (label: string) =>
  z.string({ error: `${label} không hợp lệ.` }).trim().transform((s, ctx) => checkDateInRange(label, s, ctx, "ngày/tháng/năm"));

/** dd/mm/yyyy as users type it (ISO accepted too) -> yyyy-mm-dd, a real calendar day in the year range. */
export const viDateField = (label: string) =>
  z.string({ error: `${label}: nhập theo dạng dd/mm/yyyy.` }).transform((s, ctx) => checkDateInRange(label, parseViDate(s), ctx, "dd/mm/yyyy"));

/**
 * A row's due dates as typed ("30/06/2025; 31/12/2025"; ";", "," or new lines between them) ->
 * sorted distinct ISO days; blank -> []. Each part a real dd/mm/yyyy day in the year range.
 */
export const dueDateListField = (label: string, max: number) =>
  z
    .string()
    .max(max * 12, `${label}: tối đa ${max} ngày.`)
    .nullish()
    .transform((s, ctx) => {
      const parts = splitDueDateList(s);
      if (parts.length > max) {
        ctx.addIssue({ code: "custom", message: `${label}: tối đa ${max} ngày.` });
        return z.NEVER;
      }
      const days: string[] = [];
      for (const part of parts) {
        const day = checkDateInRange(`${label}: “${part.slice(0, 20)}”`, parseViDate(part), ctx, "dd/mm/yyyy");
        if (day === z.NEVER) return z.NEVER;
        days.push(day);
      }
      return [...new Set(days)].sort();
    });

/** The year and quarter of a report, as form actions receive them (text) or JSON actions (numbers). */
export const periodSchema = z.object({ year: yearField(), quarter: quarterField() });
export const periodJsonSchema = z.object({ year: yearField("Năm", "json"), quarter: quarterField("json") });

/** Blank (absent, null or "") -> null; otherwise the schema's value. */
export const blankAsNull = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .nullish()
    .transform((s) => (s?.trim() ? s : null))
    .pipe(schema.nullable());
