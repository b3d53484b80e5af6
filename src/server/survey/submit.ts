// A citizen's answer from the public form (no sign-in). Everything is checked on the server:
// the survey is open, the ratings are 1–5, a low rating says why, the limits per device and
// per address, the honeypot, the one-time receipt code. One rendered form counts once.
import { createHmac, randomBytes } from "node:crypto";
import { getDb, Prisma } from "@/server/db";
import { z } from "@/server/validation";
import { checkLimits, needsReason, REASONS, REQUIRED_ASPECTS, type AspectKey } from "@/domain/survey";
import { todayInVietnam } from "@/domain/format";

export const COMMENT_MAX = 1000;
export const CONTACT_MAX = 100;
/** The hidden field only robots fill in. */
export const HONEYPOT_FIELD = "website";
export const DEVICE_COOKIE = "ks_tb";

const secret = () => process.env.NEXTAUTH_SECRET || "cchc-survey-dev-secret";

/** A keyed hash: counts answers per device or address without storing either. */
export function keyedHash(kind: string, value: string): string {
  return createHmac("sha256", secret()).update(`${kind}:${value}`).digest("base64url").slice(0, 32);
}

export const newToken = () => randomBytes(16).toString("base64url");
export const newDeviceId = () => randomBytes(18).toString("base64url");

const rating = z.coerce.number({ error: "Vui lòng chọn mức đánh giá." }).int().min(1, "Vui lòng chọn mức đánh giá.").max(5, "Vui lòng chọn mức đánh giá.");
const optionalRating = z
  .union([z.literal(""), z.literal("0"), z.undefined(), z.string()])
  .transform((v) => (v === undefined || v === "" || v === "0" ? null : Number(v)))
  .pipe(z.number().int().min(1).max(5).nullable());
const strings = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).map(String);

const baseSchema = z.object({
  token: z.string().min(8, "Phiếu không hợp lệ, vui lòng tải lại trang.").max(64),
  desk: z.string().max(200).optional(),
  access: rating,
  procedure: rating,
  officials: rating,
  result: rating,
  feedback: optionalRating,
  reasons: z.array(z.enum(REASONS.map((r) => r.code) as [string, ...string[]], { error: "Lý do không hợp lệ." })).max(REASONS.length),
  comment: z.string().max(COMMENT_MAX, `Ý kiến tối đa ${COMMENT_MAX} ký tự.`).optional(),
  contact: z.string().max(CONTACT_MAX, `Thông tin liên hệ tối đa ${CONTACT_MAX} ký tự.`).optional(),
  receipt: z.string().max(40).optional(),
});

/** What the form sent, as strings, to put back in the form after a refusal. */
export type FormValues = Record<string, string | string[]>;

export type SubmitOutcome =
  | { status: "saved" | "duplicate" | "honeypot" }
  | { status: "invalid"; errors: Record<string, string>; message: string }
  | { status: "limited"; message: string }
  | { status: "closed" | "not-found" };

export interface SubmitContext {
  deviceId: string;
  address: string;
  now?: Date;
}

export interface PublicSurvey {
  id: string;
  code: string;
  title: string;
  communeName: string;
  open: boolean;
  startsOn: Date;
  endsOn: Date;
  desks: string[];
  extraQuestions: string[];
  requireReceiptCode: boolean;
}

export async function loadPublicSurvey(code: string): Promise<PublicSurvey | null> {
  if (!/^[A-Za-z0-9_-]{4,32}$/.test(code)) return null;
  const db = await getDb();
  const s = await db.survey.findUnique({ where: { code }, include: { commune: { select: { name: true } } } });
  if (!s) return null;
  return { id: s.id, code: s.code, title: s.title, communeName: s.commune.name, open: s.open, startsOn: s.startsOn, endsOn: s.endsOn, desks: s.desks, extraQuestions: s.extraQuestions, requireReceiptCode: s.requireReceiptCode };
}

/** Open, and today (Vietnam time) within its period. */
export function acceptsAnswers(s: Pick<PublicSurvey, "open" | "startsOn" | "endsOn">, now = new Date()): boolean {
  const today = todayInVietnam(now);
  return s.open && s.startsOn.toISOString().slice(0, 10) <= today && today <= s.endsOn.toISOString().slice(0, 10);
}

export async function submitAnswer(code: string, raw: FormValues, ctx: SubmitContext): Promise<SubmitOutcome> {
  const survey = await loadPublicSurvey(code);
  if (!survey) return { status: "not-found" };
  const now = ctx.now ?? new Date();
  if (!acceptsAnswers(survey, now)) return { status: "closed" };
  // A robot filled the field people never see: thank it and keep nothing.
  if (String(raw[HONEYPOT_FIELD] ?? "").trim()) return { status: "honeypot" };

  const one = (k: string) => (Array.isArray(raw[k]) ? (raw[k] as string[])[0] : (raw[k] as string | undefined));
  const parsed = baseSchema.safeParse({
    token: one("token"),
    desk: one("desk") || undefined,
    access: one("access"),
    procedure: one("procedure"),
    officials: one("officials"),
    result: one("result"),
    feedback: one("feedback"),
    reasons: strings(raw.reasons),
    comment: one("comment")?.normalize("NFC").trim() || undefined,
    contact: one("contact")?.normalize("NFC").trim() || undefined,
    receipt: one("receipt")?.trim().toUpperCase() || undefined,
  });
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "_");
      if (!(key in errors)) errors[key] = issue.message;
    }
  }
  const extra: number[] = [];
  survey.extraQuestions.forEach((_, i) => {
    const v = one(`x${i}`);
    if (v === undefined || v === "" || v === "0") return void extra.push(0);
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 5) errors[`x${i}`] = "Vui lòng chọn mức đánh giá.";
    else extra.push(n);
  });
  if (parsed.success) {
    const d = parsed.data;
    if (needsReason({ ...d, extra: extra.filter((v) => v > 0) }) && d.reasons.length === 0) {
      errors.reasons = "Ông/bà chấm từ 3 sao trở xuống: vui lòng chọn ít nhất một lý do để xã khắc phục.";
    }
    if (survey.requireReceiptCode && !d.receipt) errors.receipt = "Vui lòng nhập mã in trên giấy biên nhận.";
  }
  if (!parsed.success || Object.keys(errors).length) {
    return { status: "invalid", errors, message: "Phiếu chưa đầy đủ. Vui lòng xem các mục được đánh dấu." };
  }
  const d = parsed.data;
  const deviceHash = keyedHash("device", ctx.deviceId);
  const addressHash = keyedHash("address", ctx.address);
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      // One answer at a time per survey: the limit counts below cannot be raced past.
      await tx.$queryRaw`select id from "Survey" where id = ${survey.id} for update`;
      if (await tx.surveyResponse.findUnique({ where: { submissionToken: d.token }, select: { id: true } })) return { status: "duplicate" as const };
      const [deviceTimes, addressTimes] = await Promise.all([
        tx.surveyResponse.findMany({ where: { surveyId: survey.id, deviceHash, createdAt: { gt: new Date(now.getTime() - 24 * 3600_000) } }, select: { createdAt: true } }),
        tx.surveyResponse.findMany({ where: { surveyId: survey.id, addressHash, createdAt: { gt: new Date(now.getTime() - 3600_000) } }, select: { createdAt: true } }),
      ]);
      const verdict = checkLimits({ now, deviceTimes: deviceTimes.map((r) => r.createdAt), addressTimes: addressTimes.map((r) => r.createdAt) });
      if (!verdict.ok) return { status: "limited" as const, message: verdict.message };
      let receiptId: string | null = null;
      if (survey.requireReceiptCode) {
        const receipt = await tx.surveyReceiptCode.findUnique({ where: { surveyId_code: { surveyId: survey.id, code: d.receipt! } } });
        if (!receipt) return { status: "invalid" as const, errors: { receipt: "Mã biên nhận không đúng. Vui lòng kiểm tra lại mã in trên giấy biên nhận." }, message: "Mã biên nhận không đúng." };
        if (receipt.usedAt) return { status: "invalid" as const, errors: { receipt: "Mã biên nhận này đã được dùng để gửi một phiếu." }, message: "Mã biên nhận đã được dùng." };
        receiptId = receipt.id;
      }
      const desk = d.desk && survey.desks.includes(d.desk) ? d.desk : null;
      const response = await tx.surveyResponse.create({
        data: {
          surveyId: survey.id,
          submissionToken: d.token,
          desk,
          access: d.access,
          procedure: d.procedure,
          officials: d.officials,
          result: d.result,
          feedback: d.feedback,
          extra,
          reasons: d.reasons,
          comment: d.comment ?? null,
          commentStatus: d.comment ? "PENDING" : null,
          contact: d.contact ?? null,
          deviceHash,
          addressHash,
          createdAt: now,
        },
      });
      if (receiptId) {
        const used = await tx.surveyReceiptCode.updateMany({ where: { id: receiptId, usedAt: null }, data: { usedAt: now, responseId: response.id } });
        if (used.count !== 1) throw new Error("receipt code raced");
      }
      return { status: "saved" as const };
    });
  } catch (error) {
    // The same form sent twice at the same moment: the second insert hits the unique token.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { status: "duplicate" };
    throw error;
  }
}

export const ASPECT_FIELDS: readonly AspectKey[] = [...REQUIRED_ASPECTS, "feedback"];
