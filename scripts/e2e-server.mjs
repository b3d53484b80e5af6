// The server Playwright tests run against: a fresh embedded database seeded with the demo.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { root, run } from "./lib.mjs";

const dir = path.join(root, "data", "e2e-db");
fs.rmSync(dir, { recursive: true, force: true });
const port = process.env.E2E_PORT || "3100";
const env = {
  DATABASE_URL: dir,
  NEXTAUTH_SECRET: "e2e-secret-not-for-production",
  NEXTAUTH_URL: `http://localhost:${port}`,
  UPLOAD_DIR: path.join(root, "data", "e2e-uploads"),
  NEXT_TELEMETRY_DISABLED: "1",
};
Object.assign(process.env, env);
run("npx", ["prisma", "migrate", "deploy"]);
run("npx", ["tsx", "prisma/seed.ts"]);
const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", port], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
