import type { NextConfig } from "next";
import { securityHeaders, staticCsp } from "./src/server/security/headers";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "exceljs"],
  poweredByHeader: false,
  // A second build folder lets a preview server run while another build happens.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
    authInterrupts: true,
    // Evidence uploads go through a server action: leave room above the upload limit.
    serverActions: { bodySizeLimit: `${Number(process.env.UPLOAD_MAX_MB ?? 10) + 2}mb` },
  },
  async headers() {
    return [
      // Every path but the public results (issue 20), which the commune's website may frame.
      { source: "/:path((?!cong-khai/).*)", headers: securityHeaders() },
      { source: "/cong-khai/:path*", headers: securityHeaders({ frameable: true }) },
      // Pages get a per-request nonce policy from src/proxy.ts; everything else this one.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: staticCsp() }] },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: staticCsp() }] },
    ];
  },
};

export default nextConfig;
