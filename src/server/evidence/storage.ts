// Evidence files on disk. Files are named by a random key the server generates, never by
// anything the uploader sent, so no upload can choose or escape its location. The folder
// (UPLOAD_DIR) is shared by every app instance, e.g. an NFS mount.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { uploadLimitMb } from "@/server/security/limits";

const DEFAULT_UPLOAD_DIR = "./data/uploads";

/** 128 random bits as 32 lower-case hex digits: the only shape a storage key can take. */
const STORAGE_KEY = /^[0-9a-f]{32}$/;

/** Read on every call so that tests (and a changed environment) take effect without a restart. */
export function uploadRoot(): string {
  const dir = process.env.UPLOAD_DIR?.trim();
  return path.resolve(dir ? dir : DEFAULT_UPLOAD_DIR);
}

export function maxUploadMb(): number {
  return uploadLimitMb();
}

export function maxUploadBytes(): number {
  return Math.floor(maxUploadMb() * 1024 * 1024);
}

export function isStorageKey(key: unknown): key is string {
  return typeof key === "string" && STORAGE_KEY.test(key);
}

/** ab/cd/abcd...: two shard levels keep any one folder small. */
function pathOf(key: string): string {
  if (!isStorageKey(key)) throw new Error("Invalid storage key");
  return path.join(uploadRoot(), key.slice(0, 2), key.slice(2, 4), key);
}

/**
 * Writes the bytes under a new key and returns it. The data goes to a temporary file in the
 * same folder, is flushed, then renamed into place: a reader never sees half a file, and a
 * crash leaves only a ".tmp" file that no key points to.
 */
export async function saveFile(bytes: Uint8Array): Promise<string> {
  const key = randomBytes(16).toString("hex");
  const target = pathOf(key);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(4).toString("hex")}.tmp`;
  const handle = await fs.promises.open(temp, "wx", 0o640);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  return key;
}

/** A stream of the stored file and its size; null when the key is malformed or the file is gone. */
export async function openFile(storageKey: string): Promise<{ stream: Readable; size: number } | null> {
  if (!isStorageKey(storageKey)) return null;
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(pathOf(storageKey), "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    // The stream owns the handle from here and closes it when done or destroyed.
    return { stream: handle.createReadStream(), size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Removes the file; a file already gone is not an error. */
export async function deleteFile(storageKey: string): Promise<void> {
  if (!isStorageKey(storageKey)) throw new Error("Invalid storage key");
  await fs.promises.rm(pathOf(storageKey), { force: true });
}
