// Download of an evidence file. Anyone who may read the commune's report may download its
// evidence: the commune itself and the reviewers above it. The file is always sent as an
// attachment with the type sniffed at upload, so a browser never renders it as a page.
import { Readable } from "node:stream";
import { requireActor, assertCommuneInScope, UnauthenticatedError } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { ForbiddenError } from "@/server/errors";
import { openFile } from "@/server/evidence/storage";
import { contentDisposition } from "@/server/evidence/download";
import { staticCsp } from "@/server/security/headers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

// next.config.ts leaves this route's policy to the route (a config entry would replace it):
// the refusals get the policy of every other API answer, the file its sandbox.
function refuse(status: 401 | 403 | 404, error: string): Response {
  return Response.json({ error }, { status, headers: { ...NO_STORE, "Content-Security-Policy": staticCsp() } });
}

const NOT_FOUND = "Không tìm thấy tệp minh chứng.";

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  let actor;
  try {
    actor = await requireActor("evidence.read");
  } catch (error) {
    if (error instanceof UnauthenticatedError) return refuse(401, error.message);
    if (error instanceof ForbiddenError) return refuse(403, error.message);
    throw error;
  }

  const { id } = await context.params;
  // Ids are cuids; anything else cannot exist and is not worth a query.
  if (typeof id !== "string" || !/^[a-z0-9]{1,64}$/i.test(id)) return refuse(404, NOT_FOUND);
  const db = await getDb();
  const evidence = await db.evidence.findUnique({
    where: { id },
    select: { communeId: true, storageKey: true, fileName: true, mimeType: true },
  });
  // A document reference has no file to download.
  if (!evidence || !evidence.storageKey) return refuse(404, NOT_FOUND);

  try {
    await assertCommuneInScope(actor, evidence.communeId);
  } catch (error) {
    if (error instanceof ForbiddenError) return refuse(403, error.message);
    throw error;
  }

  const file = await openFile(evidence.storageKey);
  if (!file) {
    console.error("Evidence file missing from storage", id, evidence.storageKey);
    return refuse(404, NOT_FOUND);
  }
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      ...NO_STORE,
      "Content-Type": evidence.mimeType ?? "application/octet-stream",
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(evidence.fileName ?? "tai-lieu-minh-chung"),
      // Should a browser still try to show it, it runs nothing and loads nothing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
