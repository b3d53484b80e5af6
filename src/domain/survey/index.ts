// The citizens' quick satisfaction survey: SIPAS aspects, the satisfaction index, the
// distribution and trend, the sample size, and the abuse limits. Pure: no I/O.
import { VN_TIME_ZONE } from "../format";

export const ASPECTS = [
  { key: "access", label: "Tiếp cận dịch vụ", question: "Việc tiếp cận dịch vụ (tìm nơi làm, chỗ ngồi chờ, thông tin hướng dẫn)" },
  { key: "procedure", label: "Thủ tục hành chính", question: "Thủ tục hành chính (giấy tờ phải nộp, phí, thời hạn được niêm yết rõ)" },
  { key: "officials", label: "Công chức giải quyết", question: "Công chức tiếp nhận, giải quyết (thái độ, hướng dẫn tận tình)" },
  { key: "result", label: "Kết quả giải quyết", question: "Kết quả giải quyết (đúng hẹn, đúng quy định)" },
  { key: "feedback", label: "Tiếp nhận, xử lý phản ánh, kiến nghị", question: "Tiếp nhận, xử lý phản ánh, kiến nghị (nếu ông/bà có gửi)" },
] as const;

export type AspectKey = (typeof ASPECTS)[number]["key"];
/** Aspects every answer rates; handling of feedback only applies to those who sent any. */
export const REQUIRED_ASPECTS: readonly AspectKey[] = ["access", "procedure", "officials", "result"];

export const RATING_LABEL: Record<number, string> = {
  1: "Rất không hài lòng",
  2: "Không hài lòng",
  3: "Bình thường",
  4: "Hài lòng",
  5: "Rất hài lòng",
};

/** SIPAS counts "hài lòng" and "rất hài lòng" as satisfied. */
export const SATISFIED_MIN = 4;
/** A rating at or below this asks for a reason (picklist) and invites a comment. */
export const REASON_MAX_RATING = 3;

export const REASONS = [
  { code: "cho-lau", label: "Phải chờ đợi lâu" },
  { code: "di-lai", label: "Phải đi lại nhiều lần" },
  { code: "giay-to", label: "Yêu cầu giấy tờ ngoài quy định" },
  { code: "huong-dan", label: "Hướng dẫn chưa rõ ràng" },
  { code: "thai-do", label: "Thái độ công chức chưa tốt" },
  { code: "tre-hen", label: "Trả kết quả trễ hẹn" },
  { code: "chi-phi", label: "Chi phí ngoài quy định" },
  { code: "co-so", label: "Nơi làm thủ tục chật, thiếu tiện nghi" },
  { code: "truc-tuyen", label: "Dịch vụ trực tuyến khó sử dụng" },
  { code: "khac", label: "Lý do khác" },
] as const;
export const REASON_LABEL: Record<string, string> = Object.fromEntries(REASONS.map((r) => [r.code, r.label]));

export interface Answer {
  access: number;
  procedure: number;
  officials: number;
  result: number;
  feedback: number | null;
  extra?: number[];
  reasons?: string[];
  createdAt?: Date;
}

const ratingsOf = (a: Answer): number[] => ASPECTS.map((x) => a[x.key]).filter((v): v is number => typeof v === "number");

/** An answer is satisfied when the mean of the aspects it rated is at least "hài lòng" (4). */
export function isSatisfied(a: Answer): boolean {
  const r = ratingsOf(a);
  return r.length > 0 && r.reduce((s, v) => s + v, 0) / r.length >= SATISFIED_MIN;
}

/** Whether the answer must say why: some rating (aspect or extra question) is 3 or less. */
export function needsReason(a: Pick<Answer, "access" | "procedure" | "officials" | "result" | "feedback" | "extra">): boolean {
  return [...ratingsOf(a as Answer), ...(a.extra ?? [])].some((v) => v <= REASON_MAX_RATING);
}

/** Percent with ×100 before dividing (57/100 → 57 exactly); null for no answers. */
export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : (part * 100) / whole);

export interface AspectIndex {
  key: AspectKey;
  label: string;
  rated: number;
  satisfied: number;
  percent: number | null;
  /** Count of ratings 1..5 (index 0 is rating 1). */
  distribution: [number, number, number, number, number];
}

export interface MonthPoint {
  /** "2025-03" in Vietnam time. */
  month: string;
  answers: number;
  satisfied: number;
  percent: number | null;
}

export interface SurveySummary {
  answers: number;
  satisfied: number;
  /** Overall index: satisfied answers / answers × 100. */
  overall: number | null;
  aspects: AspectIndex[];
  extra: { rated: number; satisfied: number; percent: number | null; distribution: number[] }[];
  reasons: { code: string; label: string; count: number }[];
  months: MonthPoint[];
}

const monthFormat = new Intl.DateTimeFormat("en-CA", { timeZone: VN_TIME_ZONE, year: "numeric", month: "2-digit" });
export const monthOf = (d: Date): string => monthFormat.format(d).slice(0, 7);

/** Quarter (1–4) of a moment in Vietnam time. */
export function quarterOf(d: Date): { year: number; quarter: number } {
  const [y, m] = monthOf(d).split("-").map(Number);
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 };
}

export function summarize(answers: readonly Answer[], extraQuestions = 0): SurveySummary {
  const aspects: AspectIndex[] = ASPECTS.map((x) => ({ key: x.key, label: x.label, rated: 0, satisfied: 0, percent: null, distribution: [0, 0, 0, 0, 0] }));
  const extra = Array.from({ length: extraQuestions }, () => ({ rated: 0, satisfied: 0, percent: null as number | null, distribution: [0, 0, 0, 0, 0] }));
  const reasonCounts = new Map<string, number>();
  const months = new Map<string, { answers: number; satisfied: number }>();
  let satisfied = 0;
  for (const a of answers) {
    const ok = isSatisfied(a);
    if (ok) satisfied++;
    for (const ix of aspects) {
      const v = a[ix.key];
      if (typeof v !== "number" || v < 1 || v > 5) continue;
      ix.rated++;
      ix.distribution[v - 1]++;
      if (v >= SATISFIED_MIN) ix.satisfied++;
    }
    (a.extra ?? []).forEach((v, i) => {
      const e = extra[i];
      if (!e || v < 1 || v > 5) return;
      e.rated++;
      e.distribution[v - 1]++;
      if (v >= SATISFIED_MIN) e.satisfied++;
    });
    for (const r of new Set(a.reasons ?? [])) reasonCounts.set(r, (reasonCounts.get(r) ?? 0) + 1);
    if (a.createdAt) {
      const m = monthOf(a.createdAt);
      const cur = months.get(m) ?? { answers: 0, satisfied: 0 };
      cur.answers++;
      if (ok) cur.satisfied++;
      months.set(m, cur);
    }
  }
  for (const ix of aspects) ix.percent = percent(ix.satisfied, ix.rated);
  for (const e of extra) e.percent = percent(e.satisfied, e.rated);
  return {
    answers: answers.length,
    satisfied,
    overall: percent(satisfied, answers.length),
    aspects,
    extra,
    reasons: [...reasonCounts.entries()]
      .map(([code, count]) => ({ code, label: REASON_LABEL[code] ?? code, count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "vi")),
    months: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, v]) => ({ month, ...v, percent: percent(v.satisfied, v.answers) })),
  };
}

/** The SIPAS indicator's figure for a set of answers: satisfied / answers. */
export function sipasFigure(answers: readonly Answer[]): { numerator: number; denominator: number } {
  return { numerator: answers.filter(isSatisfied).length, denominator: answers.length };
}

// ---- sample size -----------------------------------------------------------------------------

export const DEFAULT_MARGIN_PERCENT = 5;

/** Answers needed for N dossiers at margin e (Yamane): n = N / (1 + N·e²), rounded up. */
export function sampleSize(population: number, marginPercent = DEFAULT_MARGIN_PERCENT): number {
  if (!Number.isFinite(population) || population <= 0) return 0;
  const e = marginPercent / 100;
  // Rounded to 9 places first so that an exact quotient (e.g. 80.000000001) does not round up.
  return Math.ceil(Math.round((population / (1 + population * e * e)) * 1e9) / 1e9);
}

export const SAMPLE_SIZE_RULE_VI = "Cỡ mẫu cần: n = N / (1 + N × e²), làm tròn lên; N là số hồ sơ dự kiến trong kỳ, e là sai số cho phép.";
export const INDEX_RULE_VI = [
  `Một phiếu là "hài lòng" khi điểm trung bình các khía cạnh đã chấm từ ${SATISFIED_MIN} trở lên (Hài lòng, Rất hài lòng).`,
  "Chỉ số chung = số phiếu hài lòng ÷ tổng số phiếu × 100.",
  `Chỉ số từng khía cạnh = số người chấm ${SATISFIED_MIN}–5 điểm ÷ số người chấm khía cạnh đó × 100.`,
];

// ---- limits ----------------------------------------------------------------------------------

/** Per device (cookie), per survey: time between two answers and answers per day. */
export const DEVICE_MIN_INTERVAL_MINUTES = 10;
export const DEVICE_MAX_PER_DAY = 3;
/** Per network address, per survey: a desk's shared Wi-Fi serves many honest citizens. */
export const ADDRESS_MAX_PER_HOUR = 30;

export interface LimitInput {
  now: Date;
  /** Times of this device's answers to this survey in the last 24 hours. */
  deviceTimes: readonly Date[];
  /** Times of this address's answers to this survey in the last hour. */
  addressTimes: readonly Date[];
}

export type LimitVerdict = { ok: true } | { ok: false; by: "device" | "address"; message: string; retryAfterMinutes: number };

export function checkLimits({ now, deviceTimes, addressTimes }: LimitInput): LimitVerdict {
  const t = now.getTime();
  const minutesAgo = (d: Date) => (t - d.getTime()) / 60_000;
  const recentDevice = deviceTimes.filter((d) => minutesAgo(d) < 24 * 60);
  const latest = recentDevice.reduce((m, d) => Math.min(m, minutesAgo(d)), Infinity);
  if (latest < DEVICE_MIN_INTERVAL_MINUTES) {
    const wait = Math.ceil(DEVICE_MIN_INTERVAL_MINUTES - latest);
    return { ok: false, by: "device", retryAfterMinutes: wait, message: `Cảm ơn ông/bà, máy này vừa gửi một phiếu. Nếu muốn đánh giá thêm một lần giải quyết thủ tục khác, vui lòng thử lại sau ${wait} phút.` };
  }
  if (recentDevice.length >= DEVICE_MAX_PER_DAY) {
    const oldest = recentDevice.reduce((m, d) => Math.max(m, minutesAgo(d)), 0);
    const wait = Math.max(1, Math.ceil(24 * 60 - oldest));
    return { ok: false, by: "device", retryAfterMinutes: wait, message: `Cảm ơn ông/bà, máy này đã gửi ${DEVICE_MAX_PER_DAY} phiếu trong 24 giờ qua, đủ số phiếu cho phép trong ngày.` };
  }
  const recentAddress = addressTimes.filter((d) => minutesAgo(d) < 60);
  if (recentAddress.length >= ADDRESS_MAX_PER_HOUR) {
    const oldest = recentAddress.reduce((m, d) => Math.max(m, minutesAgo(d)), 0);
    const wait = Math.max(1, Math.ceil(60 - oldest));
    return { ok: false, by: "address", retryAfterMinutes: wait, message: `Hệ thống đang nhận quá nhiều phiếu từ cùng một mạng. Vui lòng thử lại sau ${wait} phút hoặc dùng mạng di động. Xin cảm ơn!` };
  }
  return { ok: true };
}

export const LIMIT_RULES_VI = [
  `Mỗi thiết bị: cách nhau ít nhất ${DEVICE_MIN_INTERVAL_MINUTES} phút, tối đa ${DEVICE_MAX_PER_DAY} phiếu trong 24 giờ cho một cuộc khảo sát.`,
  `Mỗi địa chỉ mạng: tối đa ${ADDRESS_MAX_PER_HOUR} phiếu một giờ cho một cuộc khảo sát.`,
];

/** "hanh-dung" from "Xã Hành Dũng": the commune's public address. */
export function communeSlug(name: string): string {
  return name
    .replace(/^(Xã|Phường|Thị trấn)\s+/i, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
