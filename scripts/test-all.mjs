// `npm test`: everything, in the order that fails fastest. Type check, lint, unit tests,
// integration tests on embedded PGlite and on PostgreSQL, then end-to-end in Chromium, then
// two app instances sharing one PostgreSQL.
import { ensureTestPostgres } from "./postgres.mjs";
import { run } from "./lib.mjs";

const steps = [
  ["Kiểm tra kiểu (tsc)", () => run("npx", ["tsc", "--noEmit"])],
  ["Lint (eslint)", () => run("npx", ["eslint", ".", "--max-warnings", "0"])],
  ["Kiểm thử đơn vị", () => run("npx", ["vitest", "run", "--project", "unit"])],
  ["Kiểm thử tích hợp trên PGlite", () => run("npx", ["vitest", "run", "--project", "integration"], { env: { TEST_DATABASE_URL: "" } })],
  [
    "Kiểm thử tích hợp trên PostgreSQL",
    async () => {
      const url = await ensureTestPostgres();
      run("npx", ["vitest", "run", "--project", "integration"], { env: { TEST_DATABASE_URL: url } });
    },
  ],
  ["Kiểm thử đầu-cuối (Playwright, Chromium)", () => run("node", ["scripts/e2e.mjs"])],
  // `npm start` twice on the same embedded data, a second start beside the first, an upgrade.
  ["Khởi động lại trên dữ liệu có sẵn (npm start nhiều lần)", () => run("node", ["scripts/restart-test.mjs"])],
  // Two instances on one PostgreSQL behave as one app: sessions, saves and uploads cross over.
  ["Hai máy chủ dùng chung PostgreSQL (scale-out)", () => run("node", ["scripts/scale-out-test.mjs"])],
];

const only = process.env.TEST_STEPS?.split(",").map(Number);
const started = Date.now();
for (const [index, [name, step]] of steps.entries()) {
  if (only && !only.includes(index + 1)) continue;
  console.log(`\n=== ${index + 1}/${steps.length} ${name}`);
  try {
    await step();
  } catch (error) {
    console.error(`\n✖ ${name}: ${error.message}`);
    process.exit(error.exitCode ?? 1);
  }
}
console.log(`\n✔ Tất cả kiểm thử đạt (${Math.round((Date.now() - started) / 1000)} s).`);
