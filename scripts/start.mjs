// `npm start`: migrate the database (embedded PGlite by default), load the demo data when
// it is empty, build when the build is missing or stale, and serve on $PORT (3000).
import { spawn } from "node:child_process";
import { buildIsStale, ensureAuthSecret, root, run } from "./lib.mjs";

const port = process.env.PORT || "3000";
const env = {
  NEXTAUTH_SECRET: ensureAuthSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
Object.assign(process.env, env);

try {
  // PGlite allows one process per folder: migrate and seed before the server opens it.
  run("npx", ["prisma", "migrate", "deploy"]);
  run("npx", ["tsx", "prisma/seed.ts"]);
  if (buildIsStale()) run("npx", ["next", "build"]);
} catch (error) {
  console.error(`\nKhông khởi động được ứng dụng: ${error.message}`);
  process.exit(error.exitCode ?? 1);
}

console.log(`\nỨng dụng chạy tại ${env.NEXTAUTH_URL} (Ctrl+C để dừng)`);
const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", port], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
