// The server Playwright tests run against: `npm start` itself, on a fresh embedded database
// (so the tests also prove the start path: migrate, seed the demo, serve).
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { root } from "./lib.mjs";

const dir = path.join(root, "data", "e2e-db");
fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(`${dir}.lock`, { force: true });
const port = process.env.E2E_PORT || "3100";
const env = {
  DATABASE_URL: dir,
  PORT: port,
  NEXTAUTH_SECRET: "e2e-secret-not-for-production",
  NEXTAUTH_URL: `http://localhost:${port}`,
  UPLOAD_DIR: path.join(root, "data", "e2e-uploads"),
  NEXT_TELEMETRY_DISABLED: "1",
};
const server = spawn("npx", ["tsx", "scripts/start.mjs"], { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
