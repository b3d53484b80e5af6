// Prisma CLI configuration. The CLI runs its WebAssembly schema engine through a driver
// adapter, so nothing is downloaded (see README "Database").
import path from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  // PRISMA_MIGRATIONS_DIR: only the restart test points it elsewhere (a copy with one more migration).
  migrations: { path: process.env.PRISMA_MIGRATIONS_DIR || path.join("prisma", "migrations") },
  adapter: async () => {
    const { cliAdapter } = await import("./prisma/cli-adapter");
    return cliAdapter(process.env.DATABASE_URL);
  },
});
