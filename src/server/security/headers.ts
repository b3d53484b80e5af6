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

/** For responses that are not pages: no script may run inline. */
export function staticCsp(): string {
  return ["script-src 'self'", ...COMMON_DIRECTIVES].join("; ");
}

export function securityHeaders(): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
