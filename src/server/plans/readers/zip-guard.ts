// .docx and .xlsx are zip files. Before a library inflates one, its central directory is read
// to refuse archives that declare far more content than any plan has (a "zip bomb" of a few
// kilobytes can claim gigabytes). Declared sizes can lie; the upload size limit and the
// signed-in commune users who may upload are the other half of the defence.

import "server-only";
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/** Null when the archive may be opened; otherwise why not, in Vietnamese. */
export function zipProblem(bytes: Uint8Array): string | null {
  const unreadable = "Tệp bị hỏng hoặc không phải tệp Word/Excel (không đọc được cấu trúc nén).";
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return unreadable;
  const entries = u16(bytes, eocd + 10);
  const directoryOffset = u32(bytes, eocd + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff || entries > MAX_ENTRIES) return "Tệp có cấu trúc quá lớn, không phải một văn bản kế hoạch.";
  let offset = directoryOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || u32(bytes, offset) !== CENTRAL) return unreadable;
    const size = u32(bytes, offset + 24);
    if (size === 0xffffffff) return "Tệp có cấu trúc quá lớn, không phải một văn bản kế hoạch.";
    total += size;
    if (total > MAX_UNZIPPED_BYTES) return "Nội dung tệp sau khi giải nén quá lớn (trên 100 MB), không phải một văn bản kế hoạch.";
    offset += 46 + u16(bytes, offset + 28) + u16(bytes, offset + 30) + u16(bytes, offset + 32);
  }
  return null;
}
