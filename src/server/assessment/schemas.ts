// Input schemas of the assessment actions, with Vietnamese messages.
import { id, optionalText, text, yearField, z } from "@/server/validation";
import { parseViNumber } from "@/domain/format";
import { cleanInput } from "@/domain/text";
import type { NewNode } from "@/domain/assessment";

/** "1,5" or 1.5; blank is null. */
export const points = (label: string) =>
  z
    .union([z.number(), z.string(), z.null()])
    .optional()
    .transform((v, ctx) => {
      if (v === null || v === undefined || v === "") return null;
      const n = typeof v === "number" ? v : parseViNumber(v);
      if (n === null || !Number.isFinite(n)) {
        ctx.addIssue({ code: "custom", message: `${label}: phải là số (ví dụ 1,5).` });
        return z.NEVER;
      }
      return n;
    });

const ruleStep = z.object({ min: z.number().min(0).max(1_000_000), strict: z.boolean().optional(), points: z.number().min(0).max(100) });
export const figureRuleSchema = z
  .object({ steps: z.array(ruleStep).min(1).max(10), unit: z.string().max(20).nullable().optional(), indicatorHint: z.string().max(200).nullable().optional() })
  .nullable();

const sub = z.object({
  code: text("Mã tiêu chí", 20),
  text: text("Nội dung tiêu chí", 1000),
  maxPoints: z.number({ error: "Điểm tối đa không hợp lệ." }).positive("Điểm tối đa phải lớn hơn 0.").max(100, "Điểm tối đa không quá 100."),
  allowHalf: z.boolean(),
  guidance: z.string().max(2000, "Hướng dẫn chấm: tối đa 2000 ký tự.").nullable(),
  expectedEvidence: z.string().max(1000, "Tài liệu kiểm chứng: tối đa 1000 ký tự.").nullable(),
  scoredBy: z.enum(["SELF", "PROVINCE"]),
  figureRule: figureRuleSchema,
});

export const structureSchema = z.object({
  areas: z
    .array(
      z.object({
        code: text("Mã lĩnh vực", 20),
        title: text("Tên lĩnh vực", 500),
        criteria: z.array(z.object({ code: text("Mã tiêu chí", 20), title: text("Tên tiêu chí", 1000), subCriteria: z.array(sub).max(50) })).max(50),
      }),
    )
    .min(1, "Bộ tiêu chí cần ít nhất một lĩnh vực.")
    .max(20, "Tối đa 20 lĩnh vực."),
});

export const createSetSchema = z.object({
  year: yearField(),
  title: text("Tên bộ tiêu chí", 300),
  issuerUnitId: id("Đơn vị ban hành").optional(),
  start: z.enum(["empty", "copy", "demo"], { error: "Chọn cách tạo bộ tiêu chí." }).default("empty"),
});

export const setRefSchema = z.object({ setId: id("Bộ tiêu chí"), version: z.coerce.number().int().min(0) });

export const amendSchema = z.object({ setId: id("Bộ tiêu chí"), reason: text("Lý do điều chỉnh", 1000) });

export const subCriterionSchema = z.object({
  setId: id("Bộ tiêu chí"),
  id: id("Tiêu chí"),
  text: text("Nội dung tiêu chí", 1000),
  maxPoints: points("Điểm tối đa").pipe(z.number({ error: "Điểm tối đa: bắt buộc nhập." }).positive("Điểm tối đa phải lớn hơn 0.").max(100, "Điểm tối đa không quá 100.")),
  allowHalf: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  guidance: optionalText("Hướng dẫn chấm", 2000),
  expectedEvidence: optionalText("Tài liệu kiểm chứng", 1000),
  scoredBy: z.enum(["SELF", "PROVINCE"], { error: "Chọn ai chấm tiêu chí." }),
});

export const selfRowSchema = z.object({
  scoreId: id("Tiêu chí"),
  version: z.number().int().min(0),
  selfScore: points("Điểm tự chấm"),
  selfNote: optionalText("Giải trình khi không có minh chứng", 2000),
  responsibleUnitId: z.string().max(64).nullable().optional(),
  indicatorId: z.string().max(64).nullable().optional(),
});
export const saveSelfSchema = z.object({ assessmentId: id("Bản chấm điểm"), rows: z.array(selfRowSchema).min(1).max(300) });

export const assessmentRefSchema = z.object({ assessmentId: id("Bản chấm điểm") });

export const explanationSchema = z.object({
  assessmentId: id("Bản chấm điểm"),
  rows: z.array(z.object({ scoreId: id("Tiêu chí"), explanation: optionalText("Giải trình", 2000) })).max(300),
});

export const appraisalSchema = z.object({
  assessmentId: id("Bản chấm điểm"),
  rows: z.array(z.object({ scoreId: id("Tiêu chí"), version: z.number().int().min(0), appraisedScore: points("Điểm thẩm định"), comment: optionalText("Nhận xét", 2000) })).min(1).max(300),
});

export const sendAppraisalSchema = z.object({
  assessmentId: id("Bản chấm điểm"),
  explainDueDate: z.string({ error: "Hạn giải trình: bắt buộc nhập." }).transform((s, ctx) => {
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null;
    if (!iso || Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) {
      ctx.addIssue({ code: "custom", message: "Hạn giải trình không hợp lệ (ngày/tháng/năm)." });
      return z.NEVER;
    }
    return iso;
  }),
  comment: optionalText("Ý kiến chung", 2000),
});

export const decideSchema = z.object({
  assessmentId: id("Bản chấm điểm"),
  rows: z.array(z.object({ scoreId: id("Tiêu chí"), decision: z.enum(["ACCEPTED", "REJECTED"], { error: "Chọn chấp nhận hoặc giữ điểm thẩm định." }), comment: optionalText("Ý kiến", 2000) })).max(300),
});

export const evidenceRefSchema = z.object({
  assessmentId: id("Bản chấm điểm"),
  scoreId: id("Tiêu chí"),
  existingEvidenceId: z.string().max(64).optional(),
  docNumber: optionalText("Số, ký hiệu văn bản", 100),
  docSummary: optionalText("Trích yếu", 500),
});

export const detachSchema = z.object({ assessmentId: id("Bản chấm điểm"), scoreId: id("Tiêu chí"), evidenceId: id("Minh chứng") });

/** The band editor posts fixed rows band.0.label / band.0.min …; blank rows are dropped. */
export const bandsSchema = z
  .object({ setId: id("Bộ tiêu chí"), version: z.coerce.number().int().nonnegative() })
  .catchall(z.unknown())
  .transform((raw, ctx) => {
    const bands: { label: string; min: number }[] = [];
    for (let i = 0; i < 8; i++) {
      const label = typeof raw[`label${i}`] === "string" ? cleanInput(raw[`label${i}`] as string).slice(0, 60) : "";
      const minText = typeof raw[`min${i}`] === "string" ? (raw[`min${i}`] as string).trim() : "";
      if (!label && !minText) continue;
      const min = parseViNumber(minText);
      if (!label) ctx.addIssue({ code: "custom", path: [`label${i}`], message: "Nhập tên mức xếp loại." });
      if (min === null) ctx.addIssue({ code: "custom", path: [`min${i}`], message: "Điểm từ phải là số (ví dụ 85 hoặc 82,5)." });
      else bands.push({ label, min });
    }
    return { setId: raw.setId, version: raw.version, bands };
  });

const nodeBase = z.object({ setId: id("Bộ tiêu chí"), version: z.coerce.number().int().nonnegative() });
const nodeCode = (label: string) => text(label, 20);

/** One area, criterion or sub-criterion added by hand; the sub-criterion's parent comes as "I|1" (area|criterion). */
export const addNodeSchema = z
  .discriminatedUnion("kind", [
    nodeBase.extend({ kind: z.literal("area"), code: nodeCode("Mã lĩnh vực"), title: text("Tên lĩnh vực", 500) }),
    nodeBase.extend({ kind: z.literal("criterion"), areaCode: nodeCode("Lĩnh vực"), code: nodeCode("Mã tiêu chí"), title: text("Tên tiêu chí", 500) }),
    subCriterionSchema.omit({ id: true }).extend({
      version: z.coerce.number().int().nonnegative(),
      kind: z.literal("sub"),
      parent: z.string({ error: "Chọn tiêu chí." }).regex(/^[^|]{1,20}\|[^|]{1,20}$/, "Chọn tiêu chí."),
      code: nodeCode("Mã tiêu chí thành phần"),
    }),
  ], { error: "Chọn loại mục cần thêm." })
  .transform((d) => {
    const node: NewNode =
      d.kind === "area"
        ? { kind: "area", code: d.code, title: d.title }
        : d.kind === "criterion"
          ? { kind: "criterion", areaCode: d.areaCode, code: d.code, title: d.title }
          : {
              kind: "sub",
              areaCode: d.parent.split("|")[0],
              criterionCode: d.parent.split("|")[1],
              sub: { code: d.code, text: d.text, maxPoints: d.maxPoints, allowHalf: d.allowHalf, guidance: d.guidance, expectedEvidence: d.expectedEvidence, scoredBy: d.scoredBy, figureRule: null },
            };
    return { setId: d.setId, version: d.version, node };
  });
