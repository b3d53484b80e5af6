// Runs before every page, and before every server action (actions are POSTs to a page's URL):
// - a fresh CSP nonce per request. Next reads the policy from the request headers and puts the
//   nonce on the scripts it renders; 'strict-dynamic' lets those scripts load the app's
//   chunks. All pages are rendered per request already, so this costs no static caching.
//   Prefetches get it too: they are full HTML responses like any other.
// - a server action from another origin is refused here with a 403 in Vietnamese (Next's own
//   check answered 500, and "Invalid URL" for an Origin it could not parse);
// - a body over the action limit is refused with a 413 in Vietnamese before anything reads it.
import { NextResponse, type NextRequest } from "next/server";
import { embeddablePageCsp, isFrameable, pageCsp, staticCsp } from "@/server/security/headers";
import { actionBodyLimitBytes, tooLargeMessage } from "@/server/security/limits";

function refuse(status: 403 | 413, message: string): NextResponse {
  return new NextResponse(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": staticCsp(), "Cache-Control": "no-store" },
  });
}

/** The host the browser addressed, as Next compares it (the proxy's X-Forwarded-Host first). */
function requestHost(request: NextRequest): string | null {
  return request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
}

/** Null when the action may run; otherwise the refusal. Exported for the unit test. */
export function actionRefusal(method: string, headers: Headers, host: string | null): { status: 403 | 413; message: string } | null {
  if (method !== "POST" || !headers.has("next-action")) return null;
  const origin = headers.get("origin");
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || !host || originHost !== host) {
    return { status: 403, message: "Yêu cầu bị từ chối: thao tác phải được gửi từ chính trang của ứng dụng (nguồn gửi không hợp lệ)." };
  }
  const length = Number(headers.get("content-length") ?? "0");
  if (Number.isFinite(length) && length > actionBodyLimitBytes()) return { status: 413, message: tooLargeMessage() };
  return null;
}

export function proxy(request: NextRequest) {
  const refusal = actionRefusal(request.method, request.headers, requestHost(request));
  if (refusal) return refuse(refusal.status, refusal.message);
  const nonce = btoa(crypto.randomUUID());
  const csp = isFrameable(request.nextUrl.pathname) ? embeddablePageCsp(nonce) : pageCsp(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png).*)"],
};
