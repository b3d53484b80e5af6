// Which database DATABASE_URL points at. Unset or a folder path: embedded PGlite.
// "postgres://" or "postgresql://": a PostgreSQL server. "memory://": in-memory PGlite (tests).
import path from "node:path";

export const DEFAULT_PGLITE_DIR = "./data/db";

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export function pglitePath(url: string | undefined): string | undefined {
  if (url === "memory://") return undefined;
  const dir = url && url.trim() !== "" ? url.replace(/^file:(\/\/)?/, "") : DEFAULT_PGLITE_DIR;
  return path.resolve(dir);
}
