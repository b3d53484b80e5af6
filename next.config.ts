import type { NextConfig } from "next";
import { securityHeaders, staticCsp } from "./src/server/security/headers";
import { actionBodyLimitBytes } from "./src/server/security/limits";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "exceljs"],
  poweredByHeader: false,
  // A second build folder lets a preview server run while another build happens.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
    authInterrupts: true,
    // Evidence uploads go through a server action. One limit for the action body and for what
    // src/proxy.ts passes on (its default, 10 MB, cut larger bodies short: a 500, issue 18).
    serverActions: { bodySizeLimit: actionBodyLimitBytes() },
    proxyClientMaxBodySize: actionBodyLimitBytes(),
  },
  async headers() {
    return [
      // Every path but the public results (issue 20), which the commune's website may frame.
      { source: "/:path((?!cong-khai/).*)", headers: securityHeaders() },
      { source: "/cong-khai/:path*", headers: securityHeaders({ frameable: true }) },
      // Pages get a per-request nonce policy from src/proxy.ts; everything else this one.
      // Not on evidence downloads: their route sets "default-src 'none'; sandbox", and a
      // matching entry here would replace it (headers from next.config win over a route's).
      { source: "/api/:path((?!minh-chung/).*)", headers: [{ key: "Content-Security-Policy", value: staticCsp() }] },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: staticCsp() }] },
    ];
  },
};

export default nextConfig;
