"use server";

// Managing a commune's citizen surveys and what the commune publishes. The commune is always
// the caller's own; every id from the browser is checked to belong to it inside the write.
import { randomInt } from "node:crypto";
import { runAction } from "@/server/action";
import { audit } from "@/server/audit";
import { getDb } from "@/server/db";
import { ConflictError, ForbiddenError, NotFoundError, UserError } from "@/server/errors";
import { revalidate } from "@/server/revalidate";
import { formDataToObject, id, text, z } from "@/server/validation";
import { ownCommuneOf } from "@/server/auth/guard";
import { saveReport } from "@/server/reports/actions";
import { parseViDate } from "@/domain/format";
import { communeSlug, quarterOf, sipasFigure, type Answer } from "@/domain/survey";
import type { Prisma } from "@/generated/prisma/client";

type Tx = Prisma.TransactionClient;

const lines = (label: string, maxLines: number, maxLen = 200) =>
  z
    .string()
    .optional()
    .transform((s) => [...new Set((s ?? "").split(/\r?\n/).map((l) => l.normalize("NFC").replace(/\s+/g, " ").trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(maxLen, `${label}: mỗi dòng tối đa ${maxLen} ký tự.`)).max(maxLines, `${label}: tối đa ${maxLines} dòng.`));

const viDate = (label: string) =>
  z
    .string({ error: `${label}: bắt buộc nhập.` })
    .transform((s, ctx) => {
      const iso = parseViDate(s);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: `${label}: nhập ngày dạng dd/mm/yyyy.` });
        return z.NEVER;
      }
      return iso;
    });

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const optionalCount = z.preprocess(
  (v) => (v === undefined || v === "" ? null : Number(String(v).replace(/\./g, ""))),
  z.number({ error: "Phải là một số nguyên." }).int("Phải là một số nguyên.").min(1, "Phải lớn hơn 0.").max(10_000_000, "Số quá lớn.").nullable(),
);
const margin = z.preprocess((v) => (v === undefined || v === "" ? 5 : Number(v)), z.number({ error: "Sai số phải là số." }).int("Sai số là số nguyên phần trăm.").min(1, "Sai số từ 1% đến 20%.").max(20, "Sai số từ 1% đến 20%."));

const settingsFields = {
  desks: lines("Quầy / lĩnh vực", 30),
  dossierCount: optionalCount,
  marginPercent: margin,
  requireReceiptCode: checkbox,
};

const createSchema = z
  .object({
    title: text("Tên cuộc khảo sát", 200),
    startsOn: viDate("Từ ngày"),
    endsOn: viDate("Đến ngày"),
    extraQuestions: lines("Câu hỏi thêm", 5),
    ...settingsFields,
  })
  .refine((d) => d.startsOn <= d.endsOn, { path: ["endsOn"], message: "Đến ngày phải sau Từ ngày." })
  .refine((d) => d.startsOn.slice(0, 4) === d.endsOn.slice(0, 4), { path: ["endsOn"], message: "Một cuộc khảo sát nằm trong một năm (để đối chiếu với chỉ tiêu của năm)." });

/** 8 characters a citizen could type from the poster if the QR does not scan (no 0/O, 1/I/L). */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const randomCode = (length: number) => Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");

async function ownSurvey(tx: Tx, communeId: string, surveyId: string) {
  await tx.$queryRaw`select id from "Survey" where id = ${surveyId} for update`;
  const survey = await tx.survey.findUnique({ where: { id: surveyId } });
  if (!survey) throw new NotFoundError("Không tìm thấy cuộc khảo sát.");
  if (survey.communeId !== communeId) throw new ForbiddenError("Cuộc khảo sát không thuộc xã của bạn.");
  return survey;
}

export async function createSurvey(_prev: unknown, formData: FormData) {
  return runAction("survey.manage", createSchema, formDataToObject(formData), async (actor, d) => {
    const communeId = ownCommuneOf(actor, "survey.manage");
    const db = await getDb();
    const survey = await db.$transaction(async (tx) => {
      const created = await tx.survey.create({
        data: {
          communeId,
          code: randomCode(8),
          title: d.title,
          year: Number(d.startsOn.slice(0, 4)),
          startsOn: new Date(`${d.startsOn}T00:00:00Z`),
          endsOn: new Date(`${d.endsOn}T00:00:00Z`),
          desks: d.desks,
          extraQuestions: d.extraQuestions,
          dossierCount: d.dossierCount,
          marginPercent: d.marginPercent,
          requireReceiptCode: d.requireReceiptCode,
          createdById: actor.id,
        },
      });
      await audit(tx, { userId: actor.id, communeId, entity: "Survey", entityId: created.id, action: "create", after: { title: created.title, code: created.code, startsOn: d.startsOn, endsOn: d.endsOn } });
      return created;
    });
    revalidate("/khao-sat");
    return { id: survey.id, code: survey.code };
  }, "Đã tạo cuộc khảo sát.");
}

const updateSchema = z.object({ surveyId: id("Khảo sát"), version: z.coerce.number().int().nonnegative(), open: checkbox, ...settingsFields });

export async function updateSurvey(_prev: unknown, formData: FormData) {
  return runAction("survey.manage", updateSchema, formDataToObject(formData), async (actor, d) => {
    const communeId = ownCommuneOf(actor, "survey.manage");
    const db = await getDb();
    await db.$transaction(async (tx) => {
      const s = await ownSurvey(tx, communeId, d.surveyId);
      if (s.version !== d.version) throw new ConflictError("Cài đặt vừa được người khác thay đổi. Vui lòng tải lại trang.");
      const before = { open: s.open, desks: s.desks, dossierCount: s.dossierCount, marginPercent: s.marginPercent, requireReceiptCode: s.requireReceiptCode };
      const after = { open: d.open, desks: d.desks, dossierCount: d.dossierCount, marginPercent: d.marginPercent, requireReceiptCode: d.requireReceiptCode };
      await tx.survey.update({ where: { id: s.id }, data: { ...after, version: { increment: 1 } } });
      await audit(tx, { userId: actor.id, communeId, entity: "Survey", entityId: s.id, action: "update", before, after });
    });
    revalidate(`/khao-sat/${d.surveyId}`);
    return null;
  }, "Đã lưu cài đặt khảo sát.");
}

const codesSchema = z.object({
  surveyId: id("Khảo sát"),
  count: z.coerce.number({ error: "Số mã phải là số." }).int("Số mã phải là số nguyên.").min(1, "Từ 1 đến 500 mã một lần.").max(500, "Từ 1 đến 500 mã một lần."),
});

export async function generateReceiptCodes(_prev: unknown, formData: FormData) {
  return runAction("survey.manage", codesSchema, formDataToObject(formData), async (actor, d) => {
    const communeId = ownCommuneOf(actor, "survey.manage");
    const db = await getDb();
    await db.$transaction(async (tx) => {
      const s = await ownSurvey(tx, communeId, d.surveyId);
      const existing = new Set((await tx.surveyReceiptCode.findMany({ where: { surveyId: s.id }, select: { code: true } })).map((c) => c.code));
      const fresh = new Set<string>();
      while (fresh.size < d.count) {
        const c = randomCode(6);
        if (!existing.has(c)) fresh.add(c);
      }
      await tx.surveyReceiptCode.createMany({ data: [...fresh].map((code) => ({ surveyId: s.id, code })) });
      await audit(tx, { userId: actor.id, communeId, entity: "Survey", entityId: s.id, action: "receipt-codes", after: { count: d.count } });
    });
    revalidate(`/khao-sat/${d.surveyId}`);
    return null;
  }, `Đã tạo mã biên nhận.`);
}

const moderateSchema = z.object({ responseId: id("Phiếu"), decision: z.enum(["APPROVED", "REJECTED", "PENDING"], { error: "Quyết định không hợp lệ." }) });

export async function moderateComment(_prev: unknown, formData: FormData) {
  return runAction("survey.publish", moderateSchema, formDataToObject(formData), async (actor, d) => {
    const communeId = ownCommuneOf(actor, "survey.publish");
    const db = await getDb();
    const surveyId = await db.$transaction(async (tx) => {
      const r = await tx.surveyResponse.findUnique({ where: { id: d.responseId }, select: { id: true, surveyId: true, comment: true, commentStatus: true, survey: { select: { communeId: true } } } });
      if (!r || !r.comment) throw new NotFoundError("Không tìm thấy ý kiến.");
      if (r.survey.communeId !== communeId) throw new ForbiddenError("Ý kiến không thuộc xã của bạn.");
      await tx.surveyResponse.update({ where: { id: r.id }, data: { commentStatus: d.decision } });
      await audit(tx, { userId: actor.id, communeId, entity: "SurveyResponse", entityId: r.id, action: "moderate", before: { commentStatus: r.commentStatus }, after: { commentStatus: d.decision } });
      return r.surveyId;
    });
    revalidate(`/khao-sat/${surveyId}`);
    return null;
  }, "Đã lưu quyết định về ý kiến.");
}

const publishSurveySchema = z.object({ surveyId: id("Khảo sát"), published: checkbox });

export async function setSurveyPublished(_prev: unknown, formData: FormData) {
  return runAction("survey.publish", publishSurveySchema, formDataToObject(formData), async (actor, d) => {
    const communeId = ownCommuneOf(actor, "survey.publish");
    const db = await getDb();
    await db.$transaction(async (tx) => {
      const s = await ownSurvey(tx, communeId, d.surveyId);
      await tx.survey.update({ where: { id: s.id }, data: { published: d.published, version: { increment: 1 } } });
      await audit(tx, { userId: actor.id, communeId, entity: "Survey", entityId: s.id, action: d.published ? "publish" : "unpublish", before: { published: s.published }, after: { published: d.published } });
    });
    revalidate(`/khao-sat/${d.surveyId}`);
    return null;
  }, "Đã lưu lựa chọn công khai.");
}

const publicationSchema = z.object({ enabled: checkbox, showIndicators: checkbox, showTasks: checkbox, showSurveys: checkbox });

export async function savePublication(_prev: unknown, formData: FormData) {
  return runAction("survey.publish", publicationSchema, formDataToObject(formData), async (actor, d) => {
    const communeId = ownCommuneOf(actor, "survey.publish");
    const db = await getDb();
    const slug = await db.$transaction(async (tx) => {
      const existing = await tx.publicationSetting.findUnique({ where: { communeId } });
      let slug = existing?.slug;
      if (!slug) {
        const base = communeSlug(actor.orgUnitName) || "xa";
        const taken = new Set((await tx.publicationSetting.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug));
        slug = base;
        for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
      }
      const data = { ...d, updatedById: actor.id };
      await tx.publicationSetting.upsert({ where: { communeId }, update: { ...data, version: { increment: 1 } }, create: { communeId, slug, ...data } });
      await audit(tx, {
        userId: actor.id,
        communeId,
        entity: "PublicationSetting",
        entityId: communeId,
        action: existing ? "update" : "create",
        before: existing ? { enabled: existing.enabled, showIndicators: existing.showIndicators, showTasks: existing.showTasks, showSurveys: existing.showSurveys } : undefined,
        after: d,
      });
      return slug;
    });
    revalidate("/khao-sat");
    return { slug };
  }, "Đã lưu lựa chọn công khai.");
}

const confirmSchema = z.object({
  surveyId: id("Khảo sát"),
  indicatorId: id("Chỉ tiêu"),
  quarter: z.coerce.number().int().min(1, "Quý phải từ I đến IV.").max(4, "Quý phải từ I đến IV."),
  /** The figure the clerk saw and confirms: refused if the answers changed since. */
  numerator: z.coerce.number().int().nonnegative(),
  denominator: z.coerce.number().int().positive("Quý này chưa có phiếu nào."),
  /** The version of the report row the clerk saw ("" when the row was empty). */
  version: z.preprocess((v) => (v === undefined || v === "" ? null : Number(v)), z.number().int().nonnegative().nullable()),
});

/**
 * The clerk confirms the survey's figure for a quarter into the plan's SIPAS indicator. It is
 * written through the report's own save (same checks, locks, optimistic version and audit), so
 * an approved or submitted report refuses it like any other edit.
 */
export async function confirmSipasFigure(_prev: unknown, formData: FormData) {
  return runAction("report.write", confirmSchema, formDataToObject(formData), async (actor, d) => {
    const communeId = ownCommuneOf(actor, "report.write");
    const db = await getDb();
    const survey = await db.survey.findUnique({ where: { id: d.surveyId }, select: { id: true, communeId: true, year: true, title: true } });
    if (!survey) throw new NotFoundError("Không tìm thấy cuộc khảo sát.");
    if (survey.communeId !== communeId) throw new ForbiddenError("Cuộc khảo sát không thuộc xã của bạn.");
    const indicator = await db.indicator.findUnique({ where: { id: d.indicatorId }, select: { group: true, valueKind: true, targetRule: true, measurementUnit: true, plan: { select: { communeId: true, year: true } } } });
    if (!indicator || indicator.plan.communeId !== communeId || indicator.plan.year !== survey.year || indicator.group !== "SIPAS") {
      throw new ForbiddenError("Chỉ tiêu không phải chỉ tiêu hài lòng (SIPAS) trong kế hoạch năm này của xã bạn.");
    }
    const answers = await db.surveyResponse.findMany({ where: { surveyId: survey.id }, select: { access: true, procedure: true, officials: true, result: true, feedback: true, createdAt: true } });
    const figure = sipasFigure(
      answers.filter((a) => {
        const p = quarterOf(a.createdAt);
        return p.year === survey.year && p.quarter === d.quarter;
      }) as Answer[],
    );
    if (figure.numerator !== d.numerator || figure.denominator !== d.denominator) {
      throw new ConflictError(`Số phiếu vừa thay đổi (nay là ${figure.numerator}/${figure.denominator}). Vui lòng tải lại trang rồi xác nhận lại.`);
    }
    const note = `Theo khảo sát "${survey.title}": ${figure.numerator}/${figure.denominator} phiếu hài lòng (xác nhận từ trang khảo sát).`;
    const ratio = indicator.valueKind === "RATIO";
    const result = await saveReport({
      year: survey.year,
      quarter: d.quarter,
      indicators: [
        {
          indicatorId: d.indicatorId,
          version: d.version,
          numerator: ratio ? figure.numerator : null,
          denominator: ratio ? figure.denominator : null,
          value: ratio ? null : Math.round((figure.numerator * 10000) / figure.denominator) / 100,
          done: null,
          note,
        },
      ],
    });
    if (!result.ok) throw new UserError(result.error, result.fieldErrors);
    revalidate(`/khao-sat/${survey.id}`);
    return figure;
  }, "Đã ghi số liệu khảo sát vào chỉ tiêu SIPAS của báo cáo quý.");
}
