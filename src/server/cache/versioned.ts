// A cache for what many people read and few change (the reviewer matrix, the comparison, the
// completeness board, a commune's dashboard), correct across several app instances.
//
// Each instance keeps results in its own memory, but a result is reused only while the version
// of its scopes in the database is the one it was computed under. Database triggers bump the
// version of a commune ("commune:<id>") on every write to its plans, reports, figures and
// decisions, and a "global" version on writes to units and deadlines (migration
// 20261127210500_cache_versions), in the writing transaction. Pages that show only statuses
// (the matrix, the completeness board) read a second counter per commune ("status:<id>", bumped
// only by submissions, decisions and plan/report status changes: migration
// 20261128012200_cache_status_versions), so a draft save does not invalidate them. So any instance's next request
// after a save commits sees a new version and reloads: a page is never stale after its own
// user's save, whichever instance served either request.
//
// Why not Next's own cache (`"use cache"` / `unstable_cache` + `revalidateTag`): its default
// handler keeps entries per instance and `revalidateTag` reaches only the instance that ran the
// action, so the other instance of a two-instance deployment would serve stale pages; a shared
// handler would need a shared store (Redis) this deployment does not have. The counter costs one
// indexed read per request, on the database every instance already shares.
import "server-only";
import { cache } from "react";
import { getDb } from "@/server/db";

/** Entries kept per instance; the oldest used go first. */
const MAX_ENTRIES = Number(process.env.PAGE_CACHE_ENTRIES ?? 400);

type Entry = { version: string; value: unknown };

/** Which counter of each commune a page depends on: every write ("data") or status changes only ("status"). */
export type VersionCounter = "data" | "status";

export class VersionedCache {
  private entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  constructor(private readonly max = MAX_ENTRIES) {}

  /**
   * `load()`'s result for `key`, reused while the version of `communeIds` (and of the global
   * scope) is unchanged. The version is read before loading: a write that commits during the
   * load leaves the entry under the older version, so the next request reloads.
   * Callers authorize before calling; the value is shared between requests and must not be mutated.
   */
  async get<T>(kind: string, communeIds: readonly string[], key: readonly unknown[], load: () => Promise<T>, counter: VersionCounter = "data"): Promise<T> {
    if (process.env.PAGE_CACHE === "off") return load();
    const version = await versionOfRender(communeIds.join(","), counter);
    // The counter is part of the key: the same loader may be cached under either (yearsInScope), and two counters can hold equal sums.
    const id = JSON.stringify([kind, counter, scopeId(communeIds), ...key]);
    const entry = this.entries.get(id);
    if (entry && entry.version === version) {
      this.hits++;
      this.entries.delete(id); // most recently used last
      this.entries.set(id, entry);
      return entry.value as T;
    }
    this.misses++;
    const value = await load();
    this.entries.delete(id);
    this.entries.set(id, { version, value });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear() {
    this.entries.clear();
  }
}

/** The sum of the scopes' counters: rows are never deleted and each bump adds 1, so any write to any of them changes it. */
export async function scopeVersion(communeIds: readonly string[], counter: VersionCounter = "data"): Promise<string> {
  const db = await getDb();
  const prefix = counter === "status" ? "status" : "commune";
  const scopes = ["global", ...communeIds.map((id) => `${prefix}:${id}`)];
  const rows = await db.$queryRaw<{ v: string }[]>`
    select coalesce(sum("version"), 0)::text as "v" from "CacheVersion" where "scope" = any(${scopes}::text[])`;
  return rows[0].v;
}

/**
 * Once per page render for the same scope and counter: a page whose parts are cached separately
 * (the comparison and the years it offers) reads the version once. React's cache() scopes it to
 * the render; outside one (actions, route handlers, tests) it reads every time, so a read after a
 * write always sees the write.
 */
const versionOfRender = cache((ids: string, counter: VersionCounter) => scopeVersion(ids ? ids.split(",") : [], counter));

/** A short identity of a set of communes (the scope of a reviewer, or one commune). */
function scopeId(communeIds: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const id of [...communeIds].sort()) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 44, 0x01000193);
  }
  return `${communeIds.length}:${(h >>> 0).toString(36)}`;
}

/** The instance's page cache (module state: one per server process). */
export const pageCache = new VersionedCache();
