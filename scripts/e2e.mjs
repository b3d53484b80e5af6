// End-to-end tests: production build, served on a fresh embedded database with the demo
// data, driven by Playwright in Debian's Chromium.
import { ensureChromium } from "./chromium.mjs";
import { buildIsStale, run } from "./lib.mjs";

try {
  ensureChromium();
  if (buildIsStale()) run("npx", ["next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
  run("npx", ["playwright", "test", ...process.argv.slice(2)]);
} catch (error) {
  console.error(error.message);
  process.exit(error.exitCode ?? 1);
}
