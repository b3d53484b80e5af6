// Years and quarters as the app accepts them, and the `?nam=&quy=` of page addresses, once.
// Pure and browser-safe.

/** Plans, reports and dates are accepted from this year to that one. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export const QUARTERS = [1, 2, 3, 4] as const;

export function isYear(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR;
}

export function isQuarter(n: number): n is 1 | 2 | 3 | 4 {
  return (QUARTERS as readonly number[]).includes(n);
}

/** `nam` from a URL: a year in range, or null (absent, garbage, out of range). */
export function yearParam(raw: string | string[] | null | undefined): number | null {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return raw != null && raw !== "" && isYear(n) ? n : null;
}

/** `quy` from a URL: 1–4, or null. */
export function quarterParam(raw: string | string[] | null | undefined): number | null {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return isQuarter(n) ? n : null;
}

/** The quarter an ISO date ("2025-08-14") falls in. */
export function quarterOf(isoDate: string): number {
  return Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;
}

/** Is a yyyy-mm-dd a real calendar day? Returns the year when it is, else null. */
export function isoDateYear(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s ? d.getUTCFullYear() : null;
}
