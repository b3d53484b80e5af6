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

export async function cliAdapter(url: string | undefined) {
  if (isPostgresUrl(url)) {
    return new PrismaPg(new CatalogFriendlyPool({ connectionString: url }));
  }
  const dir = pglitePath(url);
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  return new PrismaPGlite(client);
}
