"use server";

// The rows of a report's parts (top-level sections), loaded when the clerk opens a part: the
// page renders only the open part's rows (issue 21). Read the same way as the page (the own
// commune's report, snapshot once submitted), so a part opened later shows what the page would.
import { runAction } from "@/server/action";
import { ownCommuneOf } from "@/server/auth/guard";
import { id, periodJsonSchema, z } from "@/server/validation";
import { loadReport } from "./queries";
import { reportFormData, type FormIndicator, type FormTask } from "./form-data";
import { pickGroups } from "./form-outline";

const partsSchema = periodJsonSchema.extend({ parts: z.array(id("Phần")).min(1).max(200) });

export async function reportParts(input: z.input<typeof partsSchema>) {
  return runAction("report.write", partsSchema, input, async (actor, data): Promise<{ indicators: FormIndicator[]; tasks: FormTask[] }> => {
    const report = await loadReport(actor, ownCommuneOf(actor, "report.write"), data.year, data.quarter, { history: false, evidenceCounts: true });
    const picked = pickGroups(reportFormData(report, { onDemand: true }), new Set(data.parts));
    return { indicators: picked.plans.flatMap((p) => p.indicators), tasks: picked.plans.flatMap((p) => p.tasks) };
  });
}
