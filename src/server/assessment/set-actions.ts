"use server";

// Criteria sets: a province (or district) reviewer, or the admin, creates the year's set,
// imports or copies its criteria, edits it while it is a draft and publishes it. Publishing
// locks the set and gives every commune under the issuing unit its self-assessment form; a
// published set changes only through an amendment (a new version, with its reason).
import { redirect } from "next/navigation";
import type { Prisma } from "@/generated/prisma/client";
import { runAction } from "@/server/action";
import { audit } from "@/server/audit";
import { write } from "@/server/db/write";
import { NotFoundError, UserError, type ActionResult } from "@/server/errors";
import { revalidate } from "@/server/revalidate";
import { formDataToObject, z } from "@/server/validation";
import { cleanFileName } from "@/domain/file-type";
import { DEFAULT_BANDS, parseCriteriaText, publishProblems, ruleProblem, structureWarnings, type ParsedCriteria } from "@/domain/assessment";
import { readPlanFile } from "@/server/plans/readers";
import { maxUploadBytes, maxUploadMb } from "@/server/evidence/storage";
import { assertDraftSet, issuerFor, lockSet } from "./access";
import { setAction } from "./run";
import { DEMO_CRITERIA_TEXT } from "./demo-criteria";
import { amendSchema, createSetSchema, setRefSchema, structureSchema, subCriterionSchema } from "./schemas";
import { loadStructure, writeStructure } from "./structure-store";

type Tx = Prisma.TransactionClient;
type State = ActionResult<unknown> | null;

export async function createAssessmentSet(_: State, formData: FormData) {
  return runAction("assessment.criteria.write", createSetSchema, formDataToObject(formData), async (actor, input) => {
    const set = await write(async (t) => {
      const issuerUnitId = await issuerFor(t, actor, input.issuerUnitId);
      const last = await t.assessmentSet.findFirst({ where: { issuerUnitId, year: input.year }, orderBy: { amendment: "desc" } });
      if (last) throw new UserError(`Đơn vị đã có bộ tiêu chí năm ${input.year}: hãy sửa bộ đó hoặc tạo bản điều chỉnh.`, { year: "Năm này đã có bộ tiêu chí." });
      let structure = null;
      let basedOnId: string | null = null;
      let bands: unknown = DEFAULT_BANDS;
      if (input.start === "copy") {
        const previous = await t.assessmentSet.findFirst({ where: { issuerUnitId, year: input.year - 1, status: "PUBLISHED" }, orderBy: { amendment: "desc" } });
        if (!previous) throw new UserError(`Chưa có bộ tiêu chí năm ${input.year - 1} đã công bố để sao chép.`, { start: "Không có bộ năm trước." });
        structure = await loadStructure(t, previous.id);
        basedOnId = previous.id;
        bands = previous.bands;
      } else if (input.start === "demo") {
        structure = parseCriteriaText(DEMO_CRITERIA_TEXT).structure;
      }
      const created = await t.assessmentSet.create({
        data: { issuerUnitId, year: input.year, title: input.title, basedOnId, bands: bands as Prisma.InputJsonValue, isDemo: input.start === "demo" },
      });
      if (structure) await writeStructure(t, created.id, structure);
      await audit(t, { userId: actor.id, entity: "AssessmentSet", entityId: created.id, action: "create", after: { year: input.year, title: input.title, start: input.start, basedOnId } });
      return created;
    });
    revalidate("/cham-diem");
    return { id: set.id };
  });
}

export async function createAssessmentSetAndOpen(state: State, formData: FormData) {
  const result = await createAssessmentSet(state, formData);
  if (result.ok) redirect(`/cham-diem/bo-tieu-chi/${result.data.id}`);
  return result;
}

const LIMIT_SUBS = 400;

const previewSchema = z.object({
  setId: z.string().max(64),
  text: z.string().max(500_000, "Nội dung quá dài.").optional(),
  file: z.custom<Blob>((v) => typeof Blob !== "undefined" && v instanceof Blob).optional(),
});

export type CriteriaPreview = ParsedCriteria & { sourceName: string | null };

/** Reads an .xlsx/.docx (or pasted table) into criteria to look at before confirming; writes nothing. */
export async function previewCriteriaImport(formData: FormData) {
  const raw = formData && typeof formData.entries === "function" ? formDataToObject(formData) : {};
  return runAction("assessment.criteria.write", previewSchema, raw, async (actor, input): Promise<CriteriaPreview> => {
    await write(async (t) => assertDraftSet(await lockSet(t, actor, input.setId)));
    const file = input.file && input.file.size > 0 ? input.file : null;
    let source: string;
    let sourceName: string | null = null;
    const warnings: string[] = [];
    if (file) {
      if (file.size > maxUploadBytes()) throw new UserError(`Tệp quá lớn: tối đa ${maxUploadMb()} MB.`, { file: `Tệp tối đa ${maxUploadMb()} MB.` });
      const name = typeof (file as File).name === "string" ? (file as File).name : "";
      const read = await readPlanFile(new Uint8Array(await file.arrayBuffer()), name);
      source = read.text;
      sourceName = cleanFileName(name || "bo-tieu-chi");
      warnings.push(...read.warnings);
    } else if (input.text?.trim()) {
      source = input.text;
    } else {
      throw new UserError("Dán bảng tiêu chí hoặc chọn tệp Word (.docx) / Excel (.xlsx).", { text: "Dán nội dung hoặc chọn tệp." });
    }
    const parsed = parseCriteriaText(source);
    const count = parsed.structure.areas.reduce((n, a) => n + a.criteria.reduce((m, c) => m + c.subCriteria.length, 0), 0);
    if (count > LIMIT_SUBS) throw new UserError(`Bảng có ${count} tiêu chí thành phần, quá giới hạn ${LIMIT_SUBS}.`);
    if (!count) throw new UserError(`Không đọc được tiêu chí nào. ${parsed.warnings.slice(0, 2).join(" ")}`.trim());
    return { ...parsed, warnings: [...warnings, ...parsed.warnings], sourceName };
  });
}

const confirmSchema = setRefSchema.extend({ structure: structureSchema });

/** Replaces the draft set's criteria with the previewed ones, all or nothing. */
export async function confirmCriteriaImport(input: { setId: string; version: number; structure: unknown }) {
  return setAction(confirmSchema, input, async (t, actor, set, data) => {
    for (const a of data.structure.areas) for (const c of a.criteria) for (const s of c.subCriteria) {
      const problem = s.figureRule ? ruleProblem(s.figureRule, s.maxPoints) : null;
      if (problem) throw new UserError(`Tiêu chí ${a.code}.${s.code}: ${problem}`);
    }
    assertDraftSet(set);
    if (set.version !== data.version) throw new UserError("Bộ tiêu chí vừa được người khác sửa. Tải lại trang rồi nhập lại.");
    await writeStructure(t, set.id, data.structure);
    await t.assessmentSet.update({ where: { id: set.id }, data: { version: { increment: 1 } } });
    await audit(t, { userId: actor.id, entity: "AssessmentSet", entityId: set.id, action: "import", after: { areas: data.structure.areas.length, warnings: structureWarnings(data.structure) } });
    return { setId: data.setId };
  }, "Đã nhập bộ tiêu chí.");
}

/** Edits one sub-criterion of a draft set. */
export async function updateSubCriterion(_: State, formData: FormData) {
  return setAction(subCriterionSchema, formDataToObject(formData), async (t, actor, set, input) => {
    assertDraftSet(set);
    const sub = await t.assessmentSubCriterion.findFirst({ where: { id: input.id, criterion: { area: { setId: set.id } } } });
    if (!sub) throw new NotFoundError("Tiêu chí không thuộc bộ tiêu chí này.");
    const rule = (sub.figureRule as { steps: { points: number }[] } | null) ?? null;
    const problem = rule ? ruleProblem(rule as never, input.maxPoints) : null;
    if (problem) throw new UserError(problem, { maxPoints: problem });
    const data = { text: input.text, maxPoints: input.maxPoints, allowHalf: input.allowHalf, guidance: input.guidance, expectedEvidence: input.expectedEvidence, scoredBy: input.scoredBy };
    await t.assessmentSubCriterion.update({ where: { id: sub.id }, data });
    await t.assessmentSet.update({ where: { id: set.id }, data: { version: { increment: 1 } } });
    await audit(t, { userId: actor.id, entity: "AssessmentSubCriterion", entityId: sub.id, action: "update", before: { text: sub.text, maxPoints: Number(sub.maxPoints), scoredBy: sub.scoredBy }, after: data });
    return null;
  }, "Đã lưu tiêu chí.");
}

/** Communes of the issuing unit: its children and grandchildren (districts' communes). */
async function communesUnder(t: Tx, issuerUnitId: string): Promise<string[]> {
  const rows = await t.orgUnit.findMany({ where: { level: "COMMUNE", OR: [{ parentId: issuerUnitId }, { parent: { parentId: issuerUnitId } }] }, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * Publishes (locks) a draft set and opens a self-assessment for each commune of the issuing
 * unit. An amendment takes over the assessments of the version it amends that are still being
 * self-scored, carrying their scores over by sub-criterion code.
 */
export async function publishAssessmentSet(input: { setId: string; version: number }) {
  return setAction(setRefSchema, input, async (t, actor, set, data) => {
    assertDraftSet(set);
    if (set.version !== data.version) throw new UserError("Bộ tiêu chí vừa được người khác sửa. Tải lại trang trước khi công bố.");
    const structure = await loadStructure(t, set.id);
    const problems = publishProblems(structure);
    if (problems.length) throw new UserError(`Chưa công bố được: ${problems.slice(0, 3).join(" ")}`);
    await t.assessmentSet.update({ where: { id: set.id }, data: { status: "PUBLISHED", publishedAt: new Date(), version: { increment: 1 } } });
    const subs = await t.assessmentSubCriterion.findMany({ where: { criterion: { area: { setId: set.id } } }, select: { id: true, code: true, criterion: { select: { area: { select: { code: true } } } } } });
    const keyOf = (s: { code: string; criterion: { area: { code: string } } }) => `${s.criterion.area.code}.${s.code}`;
    let moved = 0;
    const amended = set.amendment > 1 && set.basedOnId ? set.basedOnId : null;
    if (amended) {
      const drafts = await t.assessment.findMany({ where: { setId: amended, status: "DRAFT" }, include: { scores: { include: { subCriterion: { select: { code: true, criterion: { select: { area: { select: { code: true } } } } } } } } } });
      const byKey = new Map(subs.map((s) => [keyOf(s), s.id]));
      for (const a of drafts) {
        for (const sc of a.scores) {
          const target = byKey.get(keyOf(sc.subCriterion));
          if (target) await t.assessmentScore.update({ where: { id: sc.id }, data: { subCriterionId: target } });
          else await t.assessmentScore.delete({ where: { id: sc.id } });
        }
        await t.assessment.update({ where: { id: a.id }, data: { setId: set.id, version: { increment: 1 } } });
        moved++;
      }
    }
    const communes = await communesUnder(t, set.issuerUnitId);
    const existing = await t.assessment.findMany({ where: { setId: set.id }, select: { id: true, communeId: true } });
    const have = new Set(existing.map((e) => e.communeId));
    const fresh = communes.filter((c) => !have.has(c));
    const createdAt = new Date();
    for (const communeId of fresh) {
      await t.assessment.create({ data: { setId: set.id, communeId, isDemo: set.isDemo, createdAt } });
    }
    const all = await t.assessment.findMany({ where: { setId: set.id }, select: { id: true, scores: { select: { subCriterionId: true } } } });
    const missing = all.flatMap((a) => {
      const scored = new Set(a.scores.map((s) => s.subCriterionId));
      return subs.filter((s) => !scored.has(s.id)).map((s) => ({ assessmentId: a.id, subCriterionId: s.id }));
    });
    if (missing.length) await t.assessmentScore.createMany({ data: missing });
    await audit(t, { userId: actor.id, entity: "AssessmentSet", entityId: set.id, action: "publish", after: { communes: fresh.length, movedFromAmended: moved } });
    return { communes: fresh.length + moved };
  }, "Đã công bố bộ tiêu chí; các xã đã có phiếu tự chấm.", ["/cham-diem"]);
}

/** Opens an amendment of a published set: a new draft version with the same criteria and the reason. */
export async function amendAssessmentSet(_: State, formData: FormData) {
  return setAction(amendSchema, formDataToObject(formData), async (t, actor, set, input) => {
    if (set.status !== "PUBLISHED") throw new UserError("Chỉ điều chỉnh bộ tiêu chí đã công bố; bản nháp thì sửa trực tiếp.");
    const newer = await t.assessmentSet.findFirst({ where: { issuerUnitId: set.issuerUnitId, year: set.year, amendment: { gt: set.amendment } } });
    if (newer) throw new UserError("Bộ tiêu chí này đã có bản điều chỉnh mới hơn.");
    const copy = await t.assessmentSet.create({
      data: { issuerUnitId: set.issuerUnitId, year: set.year, title: set.title, amendment: set.amendment + 1, amendmentReason: input.reason, basedOnId: set.id, bands: set.bands as Prisma.InputJsonValue, isDemo: set.isDemo },
    });
    await writeStructure(t, copy.id, await loadStructure(t, set.id));
    await audit(t, { userId: actor.id, entity: "AssessmentSet", entityId: copy.id, action: "amend", after: { amends: set.id, amendment: copy.amendment, reason: input.reason } });
    return { id: copy.id };
  }, "Đã tạo bản điều chỉnh (bản nháp).", ["/cham-diem"]);
}
