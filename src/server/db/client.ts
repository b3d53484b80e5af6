// The one Prisma client of the app. DATABASE_URL decides the engine (see url.ts);
// nothing else in the app knows which one is in use.
import { PrismaClient } from "@/generated/prisma/client";
import { isPostgresUrl, pglitePath } from "./url";
import { queryLogEnabled, withQueryLog } from "./query-log";

export type Db = PrismaClient;

/**
 * Every transaction in the app: on deadline day many saves queue for a pool connection, and
 * Prisma's 2 s default wait turned that queue into failed saves. Shared by tests' clients.
 */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

export async function createPrismaClient(url: string | undefined = process.env.DATABASE_URL): Promise<Db> {
  if (isPostgresUrl(url)) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    // DB_QUERY_LOG=1 (measurements only) logs every statement; otherwise the adapter is used as is.
    return new PrismaClient({ adapter: queryLogEnabled() ? withQueryLog(adapter) : adapter, transactionOptions: TRANSACTION_OPTIONS });
  }
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const { openEmbeddedDatabase } = await import("./embedded");
  const pglite = await openEmbeddedDatabase(pglitePath(url));
  const adapter = new PrismaPGlite(pglite);
  return new PrismaClient({ adapter: queryLogEnabled() ? withQueryLog(adapter) : adapter, transactionOptions: TRANSACTION_OPTIONS });
}

const globalForDb = globalThis as unknown as { __cchcDb?: Promise<Db> };

/** The process-wide client, created on first use. Tests replace it with setDatabase(). */
export function getDb(): Promise<Db> {
  globalForDb.__cchcDb ??= createPrismaClient();
  return globalForDb.__cchcDb;
}

/** Points the server layer at another client (integration tests, scripts). */
export function setDatabase(db: Db): void {
  globalForDb.__cchcDb = Promise.resolve(db);
}
