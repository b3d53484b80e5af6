// `npm start`: migrate the database (embedded PGlite by default), load the demo data when it
// is empty, build when the build is missing or stale, and serve on $PORT (3000). Run through
// tsx (package.json) so it shares the app's own database rules. Safe to run again on existing
// data: every step ends on its own or is stopped with a clear message, never waited on forever.
import { spawn } from "node:child_process";
import { buildIsStale, ensureAuthSecret, root, runBounded } from "./lib.mjs";
import { isPostgresUrl, pglitePath } from "../src/server/db/url.ts";
import { LOCK_OWNER_ENV, lockEmbeddedDatabase } from "../src/server/db/embedded.ts";

const port = process.env.PORT || "3000";
const env = {
  NEXTAUTH_SECRET: ensureAuthSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
Object.assign(process.env, env);

const MINUTE = 60_000;
try {
  // PGlite allows one process per folder: this process holds the folder's lock from here to
  // its exit, and its children (migrate, seed, the server) work under it.
  if (!isPostgresUrl(process.env.DATABASE_URL)) {
    lockEmbeddedDatabase(pglitePath(process.env.DATABASE_URL));
    process.env[LOCK_OWNER_ENV] = String(process.pid);
  }
  await runBounded("Cập nhật cấu trúc cơ sở dữ liệu", "npx", ["prisma", "migrate", "deploy"], { timeoutMs: 5 * MINUTE });
  // react-server: server modules carry the "server-only" marker, which resolves to its empty
  // build under this condition, as it does inside Next's server build.
  await runBounded("Nạp dữ liệu mẫu (chỉ khi cơ sở dữ liệu trống)", "npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { timeoutMs: 10 * MINUTE });
  if (buildIsStale()) await runBounded("Biên dịch ứng dụng", "npx", ["next", "build"], { timeoutMs: 30 * MINUTE });
} catch (error) {
  console.error(`\nKhông khởi động được ứng dụng: ${error.message}`);
  process.exit(error.exitCode ?? 1);
}

console.log(`\nỨng dụng chạy tại ${env.NEXTAUTH_URL} (Ctrl+C để dừng)`);
const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", port], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
