// What the server accepts as a plan: the corrected import preview (a whole ParsedPlan sent
// back by the browser) and the hand-editing forms. The browser is never trusted: sizes,
// enums, dates and every row index are checked here, and each refusal says which row and
// what is wrong, in Vietnamese.
import "server-only";
import { cleanFileName } from "@/domain/file-type";
import type { ParsedPlan } from "@/domain/plan-import/types";
import { targetProblem } from "@/domain/plan-import/target";
import { cleanInput } from "@/domain/text";
import { isoDateField, yearField, z } from "@/server/validation";

export const PLAN_KINDS = ["PAR_SIPAS", "CCHC_YEARLY", "TTHC_CONTROL", "DIGITAL_TRANSFORMATION", "OTHER"] as const;
export const INDICATOR_GROUPS = ["PAR_INDEX", "SIPAS", "PCI", "DTI", "ONLINE_SERVICES", "OTHER"] as const;
export const TARGET_RULES = ["AT_LEAST", "MORE_THAN", "AT_MOST", "FULL", "BETTER_RANK", "LOWER_THAN_LAST_YEAR", "DONE", "NONE"] as const;
export const VALUE_KINDS = ["RATIO", "NUMBER", "RANK", "BOOLEAN"] as const;
export const DEADLINE_KINDS = ["DATE", "PERIOD", "RECURRING", "ONGOING", "DEPENDENT", "NONE"] as const;

export const LIMITS = {
  rows: 2000,
  title: 500,
  sectionTitle: 1000,
  content: 5000,
  name: 2000,
  code: 30,
  unitName: 200,
  unitsPerCell: 30,
  unitCell: 2000,
  deadline: 500,
  target: 500,
  measurementUnit: 50,
  documentNumber: 100,
  warnings: 50,
  warning: 1000,
  raw: 20_000,
  sourceText: 2_000_000,
  pastedText: 2_000_000,
} as const;

/** Keeps line breaks (a task's content is often a list), tidies spaces inside each line. */
function tidyMultiline(s: string): string {
  return cleanInput(
    s
      .replace(/\r\n?/g, "\n")
      .split("\n")
      .map((line) => cleanInput(line).replace(/[\t\u00a0 ]+/g, " "))
      .join("\n")
      .replace(/\n{3,}/g, "\n\n"),
  );
}

/** Required multi-line text. */
export const multiline = (label: string, max: number) =>
  z
    .string({ error: `${label}: bắt buộc nhập.` })
    .max(max * 2, `${label}: tối đa ${max} ký tự.`)
    .transform(tidyMultiline)
    .pipe(z.string().min(1, `${label}: bắt buộc nhập.`).max(max, `${label}: tối đa ${max} ký tự.`));

/** Optional multi-line text: blank (or missing) is null. */
export const optionalMultiline = (label: string, max: number) =>
  z
    .string({ error: `${label} không hợp lệ.` })
    .max(max * 2, `${label}: tối đa ${max} ký tự.`)
    .nullish()
    .transform((s) => (s ? tidyMultiline(s) : ""))
    .pipe(z.string().max(max, `${label}: tối đa ${max} ký tự.`))
    .transform((s) => s || null);

export const planYear = yearField("Năm kế hoạch");

const unitName = z
  .string({ error: "Tên đơn vị không hợp lệ." })
  .transform((s) => cleanInput(s).replace(/\s+/g, " "))
  .pipe(z.string().min(1, "Tên đơn vị không được để trống.").max(LIMITS.unitName, `Tên đơn vị: tối đa ${LIMITS.unitName} ký tự.`));

const unitList = (label: string, max: number) =>
  z.array(unitName, { error: `${label} không hợp lệ.` }).max(max, `${label}: tối đa ${max} đơn vị.`);

const index = (label: string) =>
  z.number({ error: `${label} không hợp lệ.` }).int(`${label} không hợp lệ.`).min(0, `${label} không hợp lệ.`).nullable();

const rowBase = {
  code: optionalMultiline("Số thứ tự", LIMITS.code),
  parentIndex: index("Mục chứa dòng"),
  // Recomputed from the parents on the server; only bounded here.
  depth: z.number().int().min(0).max(50).catch(0),
  warnings: z
    .array(z.string().max(LIMITS.warning, `Cảnh báo: tối đa ${LIMITS.warning} ký tự.`))
    .max(LIMITS.warnings, `Tối đa ${LIMITS.warnings} cảnh báo mỗi dòng.`),
  raw: z.string().max(LIMITS.raw, `Dữ liệu gốc của dòng quá dài (tối đa ${LIMITS.raw} ký tự).`),
};

const sectionRow = z.object({
  type: z.literal("section"),
  ...rowBase,
  title: multiline("Tên mục", LIMITS.sectionTitle),
});

const deadline = z.object({
  text: z.string().max(LIMITS.deadline, `Thời hạn: tối đa ${LIMITS.deadline} ký tự.`).transform(cleanInput),
  kind: z.enum(DEADLINE_KINDS, { error: "Loại thời hạn không hợp lệ." }),
  dueDate: isoDateField("Hạn hoàn thành").nullable(),
  periodStart: isoDateField("Ngày bắt đầu kỳ").nullable(),
  periodEnd: isoDateField("Ngày kết thúc kỳ").nullable(),
  occurrences: z.array(isoDateField("Hạn định kỳ")).max(366, "Quá nhiều hạn định kỳ.").optional(),
});

const taskRow = z.object({
  type: z.literal("task"),
  ...rowBase,
  content: multiline("Nội dung nhiệm vụ", LIMITS.content),
  requirement: optionalMultiline("Yêu cầu", LIMITS.content),
  expectedResult: optionalMultiline("Kết quả, sản phẩm", LIMITS.content),
  deadline,
  leadUnits: unitList("Đơn vị chủ trì", LIMITS.unitsPerCell),
  coordinatingUnits: unitList("Đơn vị phối hợp", LIMITS.unitsPerCell),
  leadUnitText: optionalMultiline("Ô đơn vị chủ trì", LIMITS.unitCell),
  coordinatingText: optionalMultiline("Ô đơn vị phối hợp", LIMITS.unitCell),
  note: optionalMultiline("Ghi chú", LIMITS.content).optional(),
});

const target = z.object({
  text: z.string().max(LIMITS.target, `Chỉ tiêu phấn đấu: tối đa ${LIMITS.target} ký tự.`).transform(cleanInput),
  rule: z.enum(TARGET_RULES, { error: "Cách hiểu chỉ tiêu phấn đấu không hợp lệ." }),
  value: z
    .number({ error: "Mức chỉ tiêu phải là một số." })
    .finite("Mức chỉ tiêu phải là một số.")
    .nullable(),
  unit: optionalMultiline("Đơn vị của chỉ tiêu", LIMITS.measurementUnit),
  referenceYear: z.number().int().min(1900).max(2200).nullable(),
})
  // The same bound and refusals as the hand editor (one rule for both).
  .superRefine((t, ctx) => {
    const problem = targetProblem(t);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  });

const indicatorRow = z.object({
  type: z.literal("indicator"),
  ...rowBase,
  name: multiline("Tên chỉ tiêu", LIMITS.name),
  group: z.enum(INDICATOR_GROUPS, { error: "Nhóm chỉ tiêu không hợp lệ." }),
  measurementUnit: optionalMultiline("Đơn vị tính", LIMITS.measurementUnit),
  valueKind: z.enum(VALUE_KINDS, { error: "Cách nhập số liệu không hợp lệ." }),
  target,
  monitoringUnits: unitList("Đơn vị theo dõi", LIMITS.unitsPerCell),
  implementingUnits: unitList("Đơn vị thực hiện", LIMITS.unitsPerCell),
  monitoringUnitText: optionalMultiline("Ô đơn vị theo dõi", LIMITS.unitCell),
  implementingUnitText: optionalMultiline("Ô đơn vị thực hiện", LIMITS.unitCell),
  numeratorLabel: optionalMultiline("Tử số", LIMITS.target),
  denominatorLabel: optionalMultiline("Mẫu số", LIMITS.target),
  parentIndicatorIndex: index("Chỉ tiêu cha"),
  note: optionalMultiline("Ghi chú", LIMITS.content).optional(),
  deadline: deadline.nullish(),
  baselineValue: z.number({ error: "Số liệu năm so sánh phải là một số." }).finite("Số liệu năm so sánh phải là một số.").min(-1e9).max(1e9).nullish(),
});

const row = z.discriminatedUnion("type", [sectionRow, taskRow, indicatorRow], { error: "Loại dòng không hợp lệ (mục, nhiệm vụ hoặc chỉ tiêu)." });

/** Rows in document order; every link points at an earlier row of the right kind. */
const rows = z
  .array(row, { error: "Danh sách dòng không hợp lệ." })
  .min(1, "Kế hoạch chưa có mục, nhiệm vụ hay chỉ tiêu nào để lưu.")
  .max(LIMITS.rows, `Kế hoạch quá dài: tối đa ${LIMITS.rows} dòng.`)
  .superRefine((list, ctx) => {
    list.forEach((r, i) => {
      const at = `Dòng ${i + 1}${r.code ? ` (STT ${r.code})` : ""}`;
      if (r.parentIndex !== null && (r.parentIndex >= i || list[r.parentIndex]?.type !== "section")) {
        ctx.addIssue({ code: "custom", path: [i, "parentIndex"], message: `${at}: mục chứa dòng phải là một mục đứng trước dòng.` });
      }
      if (r.type === "indicator" && r.parentIndicatorIndex !== null) {
        const parent = list[r.parentIndicatorIndex];
        if (r.parentIndicatorIndex >= i || parent?.type !== "indicator" || parent.parentIndicatorIndex !== null) {
          ctx.addIssue({ code: "custom", path: [i, "parentIndicatorIndex"], message: `${at}: chỉ tiêu cha phải là một chỉ tiêu chính đứng trước dòng.` });
        } else if (parent.parentIndex !== r.parentIndex) {
          ctx.addIssue({ code: "custom", path: [i, "parentIndex"], message: `${at}: dòng con phải cùng mục với chỉ tiêu cha.` });
        }
      }
      if (r.type === "indicator" && ["AT_LEAST", "MORE_THAN", "AT_MOST"].includes(r.target.rule) && r.target.value === null) {
        ctx.addIssue({ code: "custom", path: [i, "target", "value"], message: `${at}: chỉ tiêu phấn đấu “${r.target.text}” cần một con số.` });
      }
    });
  })
  // Depth is derived, never taken from the browser.
  .transform((list) => {
    const depths: number[] = [];
    list.forEach((r, i) => {
      const parent = r.type === "indicator" && r.parentIndicatorIndex !== null ? r.parentIndicatorIndex : r.parentIndex;
      depths[i] = parent === null ? 0 : depths[parent] + 1;
    });
    return list.map((r, i) => ({ ...r, depth: depths[i] }));
  });

export const parsedPlanSchema = z.object({
  kind: z.enum(PLAN_KINDS, { error: "Loại kế hoạch không hợp lệ." }),
  title: multiline("Tên kế hoạch", LIMITS.title).transform((s) => s.replace(/\s+/g, " ")),
  documentNumber: optionalMultiline("Số văn bản", LIMITS.documentNumber),
  documentDate: isoDateField("Ngày ban hành").nullable(),
  documentDateText: optionalMultiline("Ngày ban hành (như văn bản)", 200),
  year: planYear,
  communeName: optionalMultiline("Tên xã", 200),
  rows,
  warnings: z.array(z.string().max(LIMITS.warning)).max(200).catch([]),
});

export const confirmImportSchema = z.object({
  plan: parsedPlanSchema,
  /** Phrases the clerk mapped to a register unit in the preview: each becomes that unit's alias. */
  unitAliases: z
    .array(z.object({ unitId: z.string().min(1).max(64, "Đơn vị không hợp lệ."), phrase: multiline("Tên đơn vị trong văn bản", 200) }), { error: "Danh sách ghép đơn vị không hợp lệ." })
    .max(200, "Quá nhiều tên đơn vị được ghép.")
    .optional()
    .transform((list) => list ?? []),
  sourceText: z
    .string()
    .max(LIMITS.sourceText, `Nội dung văn bản gốc quá dài (tối đa ${LIMITS.sourceText.toLocaleString("vi-VN")} ký tự).`)
    .nullish()
    .transform((s) => s ?? null),
  sourceName: z
    .string()
    .max(500, "Tên tệp quá dài.")
    .nullish()
    .transform((s) => (s ? cleanFileName(s) : null)),
});

export type ConfirmImportInput = z.input<typeof confirmImportSchema>;

/** The validated plan is a ParsedPlan (nulls and enums as the parser gives them). */
export function asParsedPlan(plan: z.output<typeof parsedPlanSchema>): ParsedPlan & { year: number } {
  return plan as ParsedPlan & { year: number };
}
