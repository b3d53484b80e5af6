// Every page and download address, built once, and the `?nam=&quy=` they share read once.
// A route renamed here is renamed everywhere; links cannot disagree on parameter names.
import { quarterParam, yearParam } from "./period";

export interface PeriodQuery {
  year?: number | null;
  quarter?: number | null;
}

type Params = Record<string, string | number | null | undefined | readonly string[]>;

/** "?nam=2025&quy=3" (only what is given), or "". */
export function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value == null || value === "") continue;
    if (Array.isArray(value)) for (const v of value) q.append(key, v);
    else q.set(key, String(value));
  }
  const text = q.toString();
  return text ? `?${text}` : "";
}

const period = (p: PeriodQuery = {}, extra: Params = {}) => query({ nam: p.year, quy: p.quarter, ...extra });

export const routes = {
  home: "/",
  signIn: "/dang-nhap",
  account: "/tai-khoan",
  /** `nhom`: the indicator group shown open ("tat-ca": all); `viec`: the task list shown open; `donvi`: one unit's rows. */
  dashboard: (p?: PeriodQuery, open: { nhom?: string | null; viec?: string | null; donvi?: string | null } = {}) => `/tong-quan${period(p, open)}`,
  dashboardPrint: (p?: PeriodQuery) => `/tong-quan/in${period(p)}`,
  indicator: (id: string, p?: PeriodQuery) => `/tong-quan/chi-tieu/${encodeURIComponent(id)}${period(p)}`,
  /** `phan`: the part (top-level section) shown open. */
  report: (p?: PeriodQuery, phan?: string | null) => `/bao-cao${period(p, { phan })}`,
  review: (p?: PeriodQuery) => `/xet-duyet${period(p)}`,
  reviewReport: (id: string, phan?: string | null) => `/xet-duyet/bao-cao/${encodeURIComponent(id)}${query({ phan })}`,
  comparison: (p?: PeriodQuery & { group?: string; keys?: readonly string[] }) => `/so-sanh${period(p, { nhom: p?.group, ct: p?.keys })}`,
  plans: "/ke-hoach",
  planNew: "/ke-hoach/moi",
  planImport: "/ke-hoach/nhap",
  plan: (id: string) => `/ke-hoach/${encodeURIComponent(id)}`,
  planEdit: (id: string, p: { edit?: string; add?: string } = {}) => `/ke-hoach/${encodeURIComponent(id)}/sua${query({ sua: p.edit, them: p.add })}`,
  admin: "/quan-tri",
  users: "/quan-tri/nguoi-dung",
  planReview: "/quan-tri/tham-dinh-ke-hoach",
  user: (id: string) => `/quan-tri/nguoi-dung/${encodeURIComponent(id)}`,
  api: {
    reportDocx: (p: PeriodQuery & { communeId?: string }) => `/api/bao-cao/docx${period(p, { xa: p.communeId })}`,
    reportXlsx: (p: PeriodQuery & { communeId?: string }) => `/api/bao-cao/xlsx${period(p, { xa: p.communeId })}`,
    dashboardXlsx: (p?: PeriodQuery) => `/api/tong-quan/xlsx${period(p)}`,
    reviewXlsx: "/api/xet-duyet/xlsx",
    comparisonXlsx: (p?: PeriodQuery & { group?: string; keys?: readonly string[] }) => `/api/so-sanh/xlsx${period(p, { nhom: p?.group, ct: p?.keys })}`,
    evidence: (id: string) => `/api/minh-chung/${encodeURIComponent(id)}`,
  },
} as const;

type Raw = string | string[] | null | undefined;

/** `nam` and `quy` of a page's searchParams or a request's URL: each null unless valid. */
export function readPeriod(params: URLSearchParams | { nam?: Raw; quy?: Raw }): { year: number | null; quarter: number | null } {
  const get = (key: "nam" | "quy"): Raw => (params instanceof URLSearchParams ? params.get(key) : params[key]);
  return { year: yearParam(get("nam")), quarter: quarterParam(get("quy")) };
}
