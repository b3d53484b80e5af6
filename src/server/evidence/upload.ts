// The checks every evidence upload passes, wherever the evidence is attached (a report row, a
// PAR Index sub-criterion): size on the server (never trusted from the browser), not empty,
// type read from the content and allowed; then the file goes to disk before the transaction
// (which should not wait on file I/O) and is removed again if that transaction fails.
import "server-only";
import { z } from "@/server/validation";
import { UserError } from "@/server/errors";
import { cleanFileName, displayFileName, fileTypeError, sniffFileType } from "@/domain/file-type";
import { formatNumber } from "@/domain/format";
import { deleteFile, maxUploadBytes, maxUploadMb, saveFile } from "./storage";

/** The file field of an upload form. A Blob, not a File check: FormData parsers in different runtimes hand over their own File class. */
export const uploadField = z.custom<Blob>((v) => typeof Blob !== "undefined" && v instanceof Blob, { error: "Vui lòng chọn tệp minh chứng." });

export interface CheckedUpload {
  bytes: Uint8Array;
  /** The name shown to people: cleaned, with the extension of what the content really is. */
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

function refuse(message: string): never {
  throw new UserError(message, { file: message });
}

/** Reads and checks an uploaded file; refuses with a message for the file field. */
export async function checkUpload(file: Blob): Promise<CheckedUpload> {
  const limit = maxUploadBytes();
  const tooLarge = `Tệp quá lớn: tối đa ${formatNumber(maxUploadMb(), { maxDecimals: 2 })} MB.`;
  if (file.size > limit) refuse(tooLarge);
  if (file.size === 0) refuse("Tệp rỗng, không có nội dung. Vui lòng chọn lại tệp.");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > limit) refuse(tooLarge);
  const uploadedName = typeof (file as File).name === "string" ? (file as File).name : "";
  const sniffed = await sniffFileType(bytes);
  const typeError = fileTypeError(cleanFileName(uploadedName), sniffed);
  if (typeError || !sniffed) refuse(typeError ?? "Loại tệp không được chấp nhận.");
  return { bytes, fileName: displayFileName(cleanFileName(uploadedName, sniffed.ext), sniffed), mimeType: sniffed.mime, sizeBytes: bytes.length };
}

/**
 * Stores the checked file, then runs `record` (the transaction that points at it). If `record`
 * fails, the file is removed so that nothing points nowhere or lies unused.
 */
export async function storeUpload<T>(upload: CheckedUpload, record: (storageKey: string) => Promise<T>): Promise<T> {
  const storageKey = await saveFile(upload.bytes);
  try {
    return await record(storageKey);
  } catch (error) {
    await deleteFile(storageKey).catch((cleanupError: unknown) => {
      console.error("Could not remove the file of a failed evidence upload", storageKey, cleanupError);
    });
    throw error;
  }
}
