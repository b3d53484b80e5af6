// What the report download routes share: who may ask for which commune, and how files and
// refusals go back to the browser (Vietnamese messages, never cached).
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { assertCommuneInScope, requireActor, UnauthenticatedError } from "@/server/auth/guard";
import { choosePeriod } from "@/server/reports/period-choice";
import { ForbiddenError, NotFoundError, UserError } from "@/server/errors";
import { foldText } from "@/domain/text";
import { isCommuneUser } from "@/domain/policy";
import { loadReportDocument, placeName, type ReportDocument } from "./report-content";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The report a download route serves. Commune users get their own commune whatever `xa` says;
 * reviewers name one with `xa`, which must be under their unit.
 */
export async function requestedReport(request: Request): Promise<{ actor: Actor; doc: ReportDocument }> {
  const actor = await requireActor("report.export");
  const url = new URL(request.url);
  let communeId = actor.orgUnitId;
  if (!isCommuneUser(actor)) {
    const xa = url.searchParams.get("xa");
    if (!xa) throw new UserError("Chọn xã cần tải báo cáo.");
    await assertCommuneInScope(actor, xa);
    communeId = xa;
  }
  const { year, quarter, today } = await choosePeriod([communeId], url.searchParams);
  return { actor, doc: await loadReportDocument(actor, communeId, year, quarter, today) };
}

/** "bao-cao-cchc-tan-duc-2024-quy-3": ASCII, so every browser keeps the name. */
export function fileBase(prefix: string, name: string, year: number, quarter: number): string {
  const slug = foldText(placeName(name)).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${prefix}-${slug}-${year}-${quarter === 4 ? "nam" : `quy-${quarter}`}`;
}

export function download(body: Buffer, fileName: string, contentType: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

export function refusal(error: unknown): Response {
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (error instanceof UnauthenticatedError) return new Response(error.message, { status: 401, headers });
  if (error instanceof ForbiddenError) return new Response(error.message, { status: 403, headers });
  if (error instanceof NotFoundError) return new Response(error.message, { status: 404, headers });
  if (error instanceof UserError) return new Response(error.message, { status: 400, headers });
  throw error;
}
