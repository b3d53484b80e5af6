// Shared helpers for the project's scripts (start, tests, CI).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

// The Prisma CLI's update check calls a host these machines cannot reach and holds every
// migrate open until it times out (~10 s); nothing here needs it. Children inherit this.
process.env.CHECKPOINT_DISABLE ??= "1";

export function run(cmd, args, opts = {}) {
  console.log(`\n▶ ${[cmd, ...args].join(" ")}`);
  const res = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts, env: { ...process.env, ...opts.env } });
  if (res.status !== 0) {
    const err = new Error(`${cmd} ${args.join(" ")} failed with exit code ${res.status}`);
    err.exitCode = res.status ?? 1;
    throw err;
  }
}

/**
 * Runs a step that must end: a child (and everything it started) still running after
 * `timeoutMs` is killed and the step fails with a message saying which step and what to do.
 */
export function runBounded(label, cmd, args, { timeoutMs, env } = {}) {
  console.log(`\n▶ ${label}: ${[cmd, ...args].join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env }, detached: true });
    const killGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    // Ctrl+C reaches the whole terminal group; a plain kill of this process must not leave the step behind.
    const onExit = () => killGroup("SIGTERM");
    process.once("exit", onExit);
    const timer = setTimeout(() => {
      killGroup("SIGKILL");
      const err = new Error(
        `bước "${label}" chưa xong sau ${Math.round(timeoutMs / 1000)} giây nên đã bị dừng. ` +
          `Chạy lại lệnh; nếu vẫn vậy, chạy riêng \`${[cmd, ...args].join(" ")}\` để xem nó dừng ở đâu.`,
      );
      err.exitCode = 124;
      reject(err);
    }, timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      process.removeListener("exit", onExit);
      if (code === 0) return resolve();
      const err = new Error(`bước "${label}" thất bại (${signal ? `tín hiệu ${signal}` : `mã ${code}`}).`);
      err.exitCode = code || 1;
      reject(err);
    });
  });
}

export function has(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

export function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

let aptUpdated = false;
export function aptInstall(pkgs) {
  if (!isRoot() || !has("apt-get")) return false;
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    run("apt-get", ["update", "-qq"], { env });
    aptUpdated = true;
  }
  run("apt-get", ["install", "-y", "-qq", ...pkgs], { env });
  return true;
}

/** A stable secret for next-auth: from the environment, or kept in data/ for the embedded setup. */
export function ensureAuthSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(root, "data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** Starts a long-running child; resolves when `ready` text appears in its output. */
export function startServer(cmd, args, { env, ready, timeoutMs = 120_000, label = cmd, cwd = root }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let done = false;
    const timer = setTimeout(() => {
      if (!done) {
        done = true;
        reject(new Error(`${label} did not start within ${timeoutMs} ms`));
      }
    }, timeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      process.stdout.write(`[${label}] ${text}`);
      if (!done && text.includes(ready)) {
        done = true;
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        reject(new Error(`${label} exited with code ${code}`));
      }
    });
  });
}

export function stopServer(child) {
  if (!child || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
}

/** True when the build in .next is older than any source file. */
export function buildIsStale() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newer = (dir) =>
    fs.existsSync(dir) &&
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name !== "generated" && newer(p);
      return fs.statSync(p).mtimeMs > builtAt;
    });
  return newer(path.join(root, "src")) || ["package.json", "next.config.ts", "prisma/schema.prisma"].some((f) => fs.statSync(path.join(root, f)).mtimeMs > builtAt);
}

/**
 * Named checks for the script-driven tests (restart, scale-out): each runs, prints ✓ or ✗ with
 * the error, and the run ends with the count and exit code 1 if any failed.
 */
export function checklist(title) {
  let passed = 0;
  let failed = 0;
  return {
    async check(name, fn) {
      try {
        await fn();
        passed++;
        console.log(`  ✓ ${name}`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${name}\n    ${error.stack ?? error.message}`);
      }
    },
    /** A failure outside any named check (setup, teardown). */
    fail(error) {
      failed++;
      console.error(error);
    },
    finish() {
      console.log(`\n${title}: ${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
}
