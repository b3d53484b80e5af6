// `npm run bench -- --baseline <ref>`: a production build of another git ref (the previous
// release), to be measured in the same run as the working tree. Budgets are ratios to it:
// absolute figures on a shared 2-core machine move by 1.5–2× between runs, a ratio measured
// with the cases interleaved does not.
//
// The ref is checked out with `git worktree add --detach` into the temp folder (once per
// commit; later runs reuse the folder and its build). node_modules is a hard-link copy of ours
// (`cp -al`: seconds, no space; the folder must be on the same filesystem), so the baseline
// runs on the same installed versions; its own prisma client is generated from its schema.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root, run } from "./lib.mjs";

function git(args, cwd = root) {
  const res = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (res.status !== 0) throw new Error(`git ${args.join(" ")}: ${res.stderr.trim()}`);
  return res.stdout.trim();
}

/** The folder of a built checkout of `ref`: { dir, commit }. Builds when not built yet. */
export function prepareBaseline(ref) {
  const commit = git(["rev-parse", "--verify", `${ref}^{commit}`]);
  const dir = path.join(os.tmpdir(), `cchc-bench-baseline-${commit.slice(0, 12)}`);
  if (!fs.existsSync(path.join(dir, ".git"))) {
    fs.rmSync(dir, { recursive: true, force: true });
    git(["worktree", "prune"]);
    run("git", ["worktree", "add", "--detach", dir, commit]);
  }
  if (!fs.existsSync(path.join(dir, "node_modules"))) run("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
  if (!fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    run("npx", ["prisma", "generate"], { cwd: dir });
    run("npx", ["next", "build"], { cwd: dir, env: { NEXT_TELEMETRY_DISABLED: "1" } });
  }
  return { dir, commit };
}

// Standalone: `node scripts/bench-baseline.mjs <ref>` prepares the build ahead of a bench run.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { dir, commit } = prepareBaseline(process.argv[2] ?? "HEAD~1");
  console.log(`baseline ${commit} built in ${dir}`);
}
