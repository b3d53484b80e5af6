// Security headers. Pages get a Content-Security-Policy with a fresh script nonce per request
// (src/proxy.ts), so no inline script runs unless Next rendered it for that response; every
// other response (API, static files) gets the same policy with no inline scripts at all.

const COMMON_DIRECTIVES = [
  "default-src 'self'",
  // Tailwind output is a file, but React and Recharts set style attributes inline.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
];

/** The page policy: scripts only with this response's nonce, and what those scripts load. */
export function pageCsp(nonce: string): string {
  const dev = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";
  return [`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev}`, ...COMMON_DIRECTIVES].join("; ");
}

/**
 * Issue 20: the commune's public results (/cong-khai/…) are meant to be embedded in the
 * commune's own website, so only they may be framed, by any site. Nothing there needs a session.
 */
export const FRAMEABLE_PREFIX = "/cong-khai/";

export function isFrameable(pathname: string): boolean {
  return pathname.startsWith(FRAMEABLE_PREFIX);
}

/** The page policy for a frameable page: the same, except who may frame it. */
export function embeddablePageCsp(nonce: string): string {
  return pageCsp(nonce).replace("frame-ancestors 'none'", "frame-ancestors *");
}

/** For responses that are not pages: no script may run inline. */
export function staticCsp(): string {
  return ["script-src 'self'", ...COMMON_DIRECTIVES].join("; ");
}

export function securityHeaders(options: { frameable?: boolean } = {}): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    ...(options.frameable ? [] : [{ key: "X-Frame-Options", value: "DENY" }]),
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
