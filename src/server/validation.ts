// zod speaks Vietnamese everywhere on the server; field schemas add specific messages.
import { z } from "zod";
import { cleanInput } from "@/domain/text";

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
