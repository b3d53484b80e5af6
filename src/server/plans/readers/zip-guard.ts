// .docx and .xlsx are zip files. Before mammoth or exceljs inflates one, every entry is inflated
// once here as a stream (yauzl), counting the bytes that actually come out and stopping at a
// cap per entry and in total. The sizes an archive declares are not trusted: a 150 KB file can
// declare 1,000 bytes for an entry that inflates to 150 MB (a "zip bomb"). yauzl reads the
// central directory, as jszip (inside mammoth and exceljs) does, so what is counted here is
// what those libraries would inflate; it also refuses an entry that inflates to more than it
// declared, so a lying header is caught within one chunk of its claim.
import "server-only";
import yauzl from "yauzl";

/** A plan's largest part (word/document.xml, a sheet) is a few megabytes; this is ample. */
export const MAX_ENTRY_BYTES = 32 * 1024 * 1024;
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
export const MAX_ENTRIES = 5_000;

const UNREADABLE = "Tệp bị hỏng hoặc không phải tệp Word/Excel (không đọc được cấu trúc nén).";
const TOO_MANY = "Tệp có cấu trúc quá lớn, không phải một văn bản kế hoạch.";
const TOO_BIG = `Nội dung tệp sau khi giải nén quá lớn (trên ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB), không phải một văn bản kế hoạch.`;

class Refusal extends Error {}

export interface ZipLimits {
  entryBytes: number;
  totalBytes: number;
  entries: number;
}

/**
 * Null when the archive may be opened; otherwise why not, in Vietnamese. Inflates everything
 * once (up to the caps) and keeps nothing: memory stays at one chunk.
 */
export async function zipProblem(
  bytes: Uint8Array,
  limits: ZipLimits = { entryBytes: MAX_ENTRY_BYTES, totalBytes: MAX_UNZIPPED_BYTES, entries: MAX_ENTRIES },
): Promise<string | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        // validateEntrySizes: an entry that inflates to more or less than it declared is an error.
        { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true },
        (error, file) => (error || !file ? reject(error) : resolve(file)),
      ),
    );
  } catch {
    return UNREADABLE;
  }
  if (zip.entryCount > limits.entries) {
    zip.close();
    return TOO_MANY;
  }
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        if (/\/$/.test(entry.fileName)) return zip.readEntry();
        // A declared size over the cap is refused before inflating anything.
        if (entry.uncompressedSize > limits.entryBytes) return reject(new Refusal(TOO_BIG));
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return reject(error ?? new Error("no stream"));
          let inEntry = 0;
          stream.on("data", (chunk: Buffer) => {
            inEntry += chunk.length;
            total += chunk.length;
            if (inEntry > limits.entryBytes || total > limits.totalBytes) {
              stream.destroy();
              reject(new Refusal(TOO_BIG));
            }
          });
          stream.on("error", reject);
          stream.on("end", () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
    return null;
  } catch (error) {
    return error instanceof Refusal ? error.message : UNREADABLE;
  } finally {
    zip.close();
  }
}
