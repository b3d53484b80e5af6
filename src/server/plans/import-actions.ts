"use server";

// Importing a plan: preview (the server reads the pasted text or the uploaded file and
// returns what it understood; nothing is written) and confirm (the corrected plan comes back
// from the browser, is validated as untrusted input, and is written in one transaction as a
// draft of the user's own commune).
import { parsePlanText } from "@/domain/plan-import";
import { write } from "@/server/db/write";
import type { ParsedPlan } from "@/domain/plan-import/types";
import { cleanFileName } from "@/domain/file-type";
import { formatNumber } from "@/domain/format";
import { runAction } from "@/server/action";
import { UserError } from "@/server/errors";
import { maxUploadBytes, maxUploadMb } from "@/server/evidence/storage";
import { revalidate } from "@/server/revalidate";
import { formDataToObject, z } from "@/server/validation";
import { ownCommuneOf } from "@/server/auth/guard";
import { readPlanFile } from "./readers";
import { rememberAliases, saveParsedPlan } from "./save-parsed-plan";
import { asParsedPlan, confirmImportSchema, LIMITS, planYear, type ConfirmImportInput } from "./schemas";

const previewSchema = z.object({
  text: z
    .string()
    .max(LIMITS.pastedText, `Nội dung dán vào quá dài (tối đa ${formatNumber(LIMITS.pastedText)} ký tự).`)
    .optional(),
  // A Blob, not a File check: FormData parsers in different runtimes hand over their own File class.
  file: z.custom<Blob>((v) => typeof Blob !== "undefined" && v instanceof Blob, { error: "Tệp tải lên không hợp lệ." }).optional(),
  year: planYear.optional(),
});

export interface PlanPreview {
  plan: ParsedPlan;
  sourceText: string;
  sourceName: string | null;
}

/** Reads the pasted text or the uploaded .docx/.xlsx; writes nothing. */
export async function previewPlanImport(formData: FormData) {
  return runAction("plan.import", previewSchema, formDataToObject(formData), async (actor, input): Promise<PlanPreview> => {
    ownCommuneOf(actor, "plan.import");
    const file = input.file && input.file.size > 0 ? input.file : null;
    let sourceText: string;
    let sourceName: string | null = null;
    const warnings: string[] = [];
    if (file) {
      if (file.size > maxUploadBytes()) {
        throw new UserError(`Tệp quá lớn: tối đa ${maxUploadMb()} MB.`, { file: `Tệp tối đa ${maxUploadMb()} MB.` });
      }
      const name = typeof (file as File).name === "string" ? (file as File).name : "";
      const read = await readPlanFile(new Uint8Array(await file.arrayBuffer()), name);
      sourceText = read.text;
      sourceName = cleanFileName(name || "ke-hoach");
      warnings.push(...read.warnings);
    } else if (input.text && input.text.trim()) {
      sourceText = input.text.normalize("NFC");
    } else {
      throw new UserError("Vui lòng dán nội dung kế hoạch hoặc chọn tệp Word (.docx) / Excel (.xlsx).", {
        text: "Dán nội dung hoặc chọn tệp.",
      });
    }
    const plan = parsePlanText(sourceText, input.year ? { year: input.year } : {});
    plan.warnings.push(...warnings);
    if (plan.rows.length > LIMITS.rows) {
      throw new UserError(`Văn bản có ${plan.rows.length} dòng, quá giới hạn ${LIMITS.rows} dòng của một kế hoạch.`);
    }
    return { plan, sourceText: sourceText.length > LIMITS.sourceText ? sourceText.slice(0, LIMITS.sourceText) : sourceText, sourceName };
  });
}

/** Writes the corrected plan as a draft of the user's commune, in one transaction. */
export async function confirmPlanImport(input: ConfirmImportInput) {
  return runAction(
    "plan.import",
    confirmImportSchema,
    input,
    async (actor, data) => {
      const communeId = ownCommuneOf(actor, "plan.import");
      const parsed = asParsedPlan(data.plan);
      const { planId } = await write(async (tx) => {
        // Mappings first: the plan's rows then find the chosen units through the new aliases.
        await rememberAliases(tx, communeId, actor.id, data.unitAliases);
        return saveParsedPlan(tx, {
            communeId,
            parsed,
            year: parsed.year,
            sourceText: data.sourceText,
            sourceName: data.sourceName,
            actorId: actor.id,
        });
      });
      revalidate("/ke-hoach");
      return { planId };
    },
    "Đã lưu kế hoạch dưới dạng bản nháp.",
  );
}
