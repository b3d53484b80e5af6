// Driver adapter used only by the Prisma CLI (migrate deploy/status, db push).
// Never imported by the app: the app's client lives in src/server/db.
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import fs from "node:fs";
import pg from "pg";
import { isPostgresUrl, pglitePath } from "../src/server/db/url";

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
  const dir = pglitePath(url);
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  return new PrismaPGlite(client);
}
