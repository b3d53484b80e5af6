import type { NextConfig } from "next";
import { securityHeaders } from "./src/server/security/headers";

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
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

export default nextConfig;
