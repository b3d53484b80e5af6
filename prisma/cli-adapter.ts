// Driver adapter used only by the Prisma CLI (migrate deploy/status, db push).
// Never imported by the app: the app's client lives in src/server/db.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { isPostgresUrl, pglitePath } from "../src/server/db/url";
import { openEmbeddedDatabase } from "../src/server/db/embedded";

/**
 * Works around prisma/orm#27403: the schema engine reads catalog columns of type `name` (oid 19)
 * and `"char"` (oid 18), which adapter-pg refuses to deserialize. Report them as text (oid 25).
 */
class CatalogFriendlyPool extends pg.Pool {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    if (result && typeof result.then === "function") {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return result.then((res: any) => {
        for (const field of res?.fields ?? []) {
          if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
        }
        return res;
      });
    }
    return result;
  }
}

/**
 * adapter-pg runs a migration by splitting it on every ";", which cuts a function body
 * ($$ ... $$, e.g. the audit log's append-only trigger) in pieces. PostgreSQL's simple query
 * protocol takes the whole script at once, as psql would send it.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = new CatalogFriendlyPool({ connectionString: this.url });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const onError = (adapter as any).onError?.bind(adapter) ?? ((e: unknown) => { throw e; });
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        onError(error);
      }
    };
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await pool.end();
      await dispose();
    };
    return adapter;
  }

  constructor(private readonly url: string) {
    super(new CatalogFriendlyPool({ connectionString: url }));
  }
}

export async function cliAdapter(url: string | undefined) {
  if (isPostgresUrl(url)) {
    return new WholeScriptPg(url);
  }
  letEmbeddedTimersIdle();
  const client = await openEmbeddedDatabase(pglitePath(url));
  // The CLI never disposes its adapter and ends by letting the event loop drain; close the
  // database (and release its lock) once nothing else is left to do.
  let closing = false;
  process.on("beforeExit", () => {
    if (closing) return;
    closing = true;
    void client.close();
  });
  return new PrismaPGlite(client);
}

/**
 * PostgreSQL inside PGlite arms timers (setitimer → setTimeout) for its own housekeeping and
 * re-arms them forever, so an open PGlite keeps Node alive: `prisma migrate deploy` printed
 * its result and then never exited (issue 12). In the CLI process only, those timers are
 * unref'd: they still fire while the CLI works, and no longer hold the process once it is done.
 */
function letEmbeddedTimersIdle() {
  const realSetTimeout = globalThis.setTimeout;
  const fromPGlite = () => new Error().stack?.includes("@electric-sql/pglite") ?? false;
  globalThis.setTimeout = function (this: unknown, ...args: Parameters<typeof setTimeout>) {
    const timer = realSetTimeout.apply(this, args);
    if (fromPGlite()) timer.unref?.();
    return timer;
  } as typeof setTimeout;
}
