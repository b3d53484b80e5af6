// Optional SQL statement log, for measuring (npm run bench) and for tests that count queries.
// It wraps the driver adapter, below Prisma, so it sees each statement that reaches the
// database (a nested `include` that Prisma splits into several statements counts as several).
// It is installed only when DB_QUERY_LOG=1 or by a test: otherwise the app's path is untouched.
import fs from "node:fs";

export interface LoggedQuery {
  sql: string;
  args: unknown[];
  /** Wall time of the round trip as the adapter saw it. */
  ms: number;
  /** Which request issued it: the `x-query-marker` header of the HTTP request, when there is one. */
  marker: string | null;
  /** Inside an interactive transaction (BEGIN, COMMIT and ROLLBACK count as statements). */
  inTransaction: boolean;
}

type SqlQuery = { sql: string; args: unknown[] };
type Queryable = { queryRaw(q: SqlQuery): Promise<unknown>; executeRaw(q: SqlQuery): Promise<unknown> };
type TransactionLike = Queryable & { commit(): Promise<void>; rollback(): Promise<void> };
type AdapterLike = Queryable & { startTransaction(...args: unknown[]): Promise<TransactionLike> };
type FactoryLike = { connect(): Promise<unknown> };


export const QUERY_MARKER_HEADER = "x-query-marker";

/** The marker header of the Next.js request being served, if any (never throws). */
async function requestMarker(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get(QUERY_MARKER_HEADER);
  } catch {
    return null; // outside a request: scripts, tests, background work
  }
}

/** Where DB_QUERY_LOG=1 writes: one JSON line per statement to DB_QUERY_LOG_FILE, or stderr. */
function defaultSink(entry: LoggedQuery): void {
  const line = JSON.stringify(entry) + "\n";
  const file = process.env.DB_QUERY_LOG_FILE;
  if (file) fs.appendFileSync(file, line);
  else process.stderr.write(`[db-query] ${line}`);
}

/** Values as JSON can carry them (Decimal and Date become strings, bigint a string). */
function plainArgs(args: unknown[]): unknown[] {
  return JSON.parse(JSON.stringify(args, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

function record(
  sql: string,
  args: unknown[],
  started: number,
  inTransaction: boolean,
  sink: (q: LoggedQuery) => void,
): Promise<void> | void {
  const ms = performance.now() - started;
  if (sink !== defaultSink) {
    sink({ sql, args: plainArgs(args), ms, marker: null, inTransaction });
    return;
  }
  return requestMarker().then((marker) => sink({ sql, args: plainArgs(args), ms, marker, inTransaction }));
}

function wrapQueryable<T extends Queryable>(target: T, inTransaction: boolean, sink: (q: LoggedQuery) => void): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj);
      if (prop === "queryRaw" || prop === "executeRaw") {
        return async (query: SqlQuery) => {
          // Read before the round trip: the driver may resolve in another async context.
          const started = performance.now();
          const result = await (value as (q: SqlQuery) => Promise<unknown>).call(obj, query);
          await record(query.sql, query.args, started, inTransaction, sink);
          return result;
        };
      }
      // With "phantom" transactions (PGlite) Prisma sends no COMMIT/ROLLBACK: commit() and
      // rollback() end the transaction themselves, so they are the statement.
      const phantom = (obj as { options?: { usePhantomQuery?: boolean } }).options?.usePhantomQuery;
      if (inTransaction && phantom && (prop === "commit" || prop === "rollback")) {
        return async () => {
          const started = performance.now();
          await (value as () => Promise<void>).call(obj);
          await record(prop === "commit" ? "COMMIT" : "ROLLBACK", [], started, true, sink);
        };
      }
      if (!inTransaction && prop === "startTransaction") {
        return async (...args: unknown[]) => {
          const started = performance.now();
          const tx = await (value as (...a: unknown[]) => Promise<TransactionLike>).apply(obj, args);
          // The adapter sends BEGIN itself, past this wrapper: log it as the statement it is.
          await record("BEGIN", [], started, true, sink);
          return wrapQueryable(tx, true, sink);
        };
      }
      return typeof value === "function" ? value.bind(obj) : value;
    },
  });
}

/** Wraps a Prisma driver adapter factory so that every statement is logged or collected. */
export function withQueryLog<F extends FactoryLike>(factory: F, sink: (q: LoggedQuery) => void = defaultSink): F {
  return new Proxy(factory, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj);
      if (prop === "connect") {
        return async () => wrapQueryable((await (value as () => Promise<AdapterLike>).call(obj)) as AdapterLike, false, sink);
      }
      return typeof value === "function" ? value.bind(obj) : value;
    },
  });
}

export function queryLogEnabled(): boolean {
  return process.env.DB_QUERY_LOG === "1";
}
