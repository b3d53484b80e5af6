// Runs before every page: a fresh CSP nonce per request. Next reads the policy from the
// request headers and puts the nonce on the scripts it renders; 'strict-dynamic' lets those
// scripts load the app's chunks. All pages are rendered per request already, so this costs
// no static caching.
import { NextResponse, type NextRequest } from "next/server";
import { embeddablePageCsp, isFrameable, pageCsp } from "@/server/security/headers";

export function proxy(request: NextRequest) {
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
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
