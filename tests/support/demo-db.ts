// The one way an integration test file gets a database with the demo data: a fresh database
// per file (PGlite in memory, or a new PostgreSQL database), seeded before the file's own
// `beforeAll` hooks run (Vitest runs them in registration order), closed after the file.
import { afterAll, beforeAll } from "vitest";
import { seedDemo } from "@/server/seed/demo";
import { actAs } from "./actors";
import { createTestDb, type AdapterWrapper, type TestDb } from "./db";

type Seeded = Awaited<ReturnType<typeof seedDemo>>;

export interface DemoDb extends TestDb {
  /** What the seed returned (the demo accounts and their passwords). */
  readonly seeded: Seeded;
}

/** Seeding the four demo communes takes a while on PGlite under load. */
const SETUP_TIMEOUT_MS = 180_000;

/**
 * Registers the hooks and returns a handle whose fields are usable from the first test on.
 * `seed: false` gives an empty migrated database (for tests that build their own data).
 */
export function setupTestDb(options: { seed?: boolean; wrapAdapter?: AdapterWrapper } = {}): DemoDb {
  let current: TestDb | undefined;
  let seeded: Seeded | undefined;
  const open = (): TestDb => {
    if (!current) throw new Error("The test database is used before beforeAll ran");
    return current;
  };
  beforeAll(async () => {
    current = await createTestDb({ wrapAdapter: options.wrapAdapter });
    if (options.seed !== false) seeded = await seedDemo(current.db);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await actAs(null);
    await current?.close();
  });
  return {
    get db() {
      return open().db;
    },
    get engine() {
      return open().engine;
    },
    get url() {
      return open().url;
    },
    get seeded() {
      if (!seeded) throw new Error("This test database was not seeded");
      return seeded;
    },
    close: () => open().close(),
  };
}
