// What an uploaded evidence file really is, decided from its bytes and never from its name or
// the browser's Content-Type (both are chosen by the uploader). Only document and image types
// a commune office actually exchanges are accepted; anything a browser could run or render as
// a page (HTML, SVG, scripts), executables, installers (MSI is OLE2 too) and plain archives are
// refused. Pure: no Node APIs, so it is unit-tested on synthetic bytes.

export interface SniffedType {
  mime: string;
  /** Canonical extension, without the dot. */
  ext: string;
  /** Vietnamese name shown to users. */
  label: string;
}

interface TypeInfo extends SniffedType {
  /** Extensions a correctly named file of this type may carry (lower case, no dot). */
  extensions: string[];
}

const TYPES = {
  pdf: { mime: "application/pdf", ext: "pdf", label: "PDF", extensions: ["pdf"] },
  png: { mime: "image/png", ext: "png", label: "ảnh PNG", extensions: ["png"] },
  jpeg: { mime: "image/jpeg", ext: "jpg", label: "ảnh JPEG", extensions: ["jpg", "jpeg", "jpe", "jfif"] },
  gif: { mime: "image/gif", ext: "gif", label: "ảnh GIF", extensions: ["gif"] },
  webp: { mime: "image/webp", ext: "webp", label: "ảnh WEBP", extensions: ["webp"] },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ext: "docx",
    label: "Word (DOCX)",
    extensions: ["docx"],
  },
  xlsx: {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ext: "xlsx",
    label: "Excel (XLSX)",
    extensions: ["xlsx"],
  },
  pptx: {
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ext: "pptx",
    label: "PowerPoint (PPTX)",
    extensions: ["pptx"],
  },
  odt: { mime: "application/vnd.oasis.opendocument.text", ext: "odt", label: "OpenDocument văn bản (ODT)", extensions: ["odt"] },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", ext: "ods", label: "OpenDocument bảng tính (ODS)", extensions: ["ods"] },
  odp: { mime: "application/vnd.oasis.opendocument.presentation", ext: "odp", label: "OpenDocument trình chiếu (ODP)", extensions: ["odp"] },
  doc: { mime: "application/msword", ext: "doc", label: "Word 97–2003 (DOC)", extensions: ["doc"] },
  xls: { mime: "application/vnd.ms-excel", ext: "xls", label: "Excel 97–2003 (XLS)", extensions: ["xls"] },
  ppt: { mime: "application/vnd.ms-powerpoint", ext: "ppt", label: "PowerPoint 97–2003 (PPT)", extensions: ["ppt"] },
} as const satisfies Record<string, TypeInfo>;

type TypeKey = keyof typeof TYPES;

export const ALLOWED_TYPES_LABEL = "PDF, ảnh (PNG, JPEG, GIF, WEBP), Word, Excel, PowerPoint, OpenDocument";

/** Comma-separated list for the file input's accept attribute (a hint only: the server sniffs). */
export const ACCEPT_ATTRIBUTE = Object.values(TYPES)
  .flatMap((t) => t.extensions.map((e) => `.${e}`))
  .join(",");

function result(key: TypeKey): SniffedType {
  const { mime, ext, label } = TYPES[key];
  return { mime, ext, label };
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[offset + i] !== signature[i]) return false;
  return true;
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

function latin1(bytes: Uint8Array, start: number, length: number): string {
  let s = "";
  const end = Math.min(bytes.length, start + length);
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii("GIF87a");
const GIF89 = ascii("GIF89a");
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_CENTRAL = [0x50, 0x4b, 0x01, 0x02];
const ZIP_END = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** How far into a zip the local file headers are read; Office and ODF put the telling entries first. */
const ZIP_SCAN_BYTES = 64 * 1024;

export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, PDF)) return result("pdf");
  if (startsWith(bytes, PNG)) return result("png");
  if (startsWith(bytes, JPEG)) return result("jpeg");
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return result("gif");
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return result("webp");
  if (startsWith(bytes, ZIP_LOCAL)) {
    const key = sniffZip(bytes);
    return key ? result(key) : null;
  }
  if (startsWith(bytes, OLE2)) {
    const key = sniffOle2(bytes);
    return key ? result(key) : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// ZIP containers: OOXML (DOCX/XLSX/PPTX) and OpenDocument. A plain zip, a JAR or an APK is not.

const ODF_MIMES: Record<string, TypeKey> = {
  [TYPES.odt.mime]: "odt",
  [TYPES.ods.mime]: "ods",
  [TYPES.odp.mime]: "odp",
};

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataStart: number;
}

/** Local file headers in the first ZIP_SCAN_BYTES, in order. */
function localEntries(bytes: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const limit = Math.min(bytes.length, ZIP_SCAN_BYTES);
  let offset = 0;
  while (offset + 30 <= limit && startsWith(bytes, ZIP_LOCAL, offset) && entries.length < 1000) {
    const flags = u16(bytes, offset + 6);
    const method = u16(bytes, offset + 8);
    const compressedSize = u32(bytes, offset + 18);
    const nameLength = u16(bytes, offset + 26);
    const extraLength = u16(bytes, offset + 28);
    const dataStart = offset + 30 + nameLength + extraLength;
    entries.push({ name: latin1(bytes, offset + 30, nameLength), method, compressedSize, dataStart });
    // With a data descriptor (flag bit 3) the sizes come after the data: look for the next header.
    const sizeKnown = (flags & 0x08) === 0 && compressedSize !== 0xffffffff;
    if (sizeKnown) {
      offset = dataStart + compressedSize;
    } else {
      const next = indexOf(bytes, ZIP_LOCAL, dataStart, limit);
      if (next < 0) break;
      offset = next;
    }
  }
  return entries;
}

/** Names from the central directory at the end of the file (when the whole file is at hand). */
function centralNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (startsWith(bytes, ZIP_END, i)) {
      end = i;
      break;
    }
  }
  if (end < 0) return names;
  const count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  for (let n = 0; n < count && n < 10_000; n++) {
    if (offset + 46 > bytes.length || !startsWith(bytes, ZIP_CENTRAL, offset)) break;
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    names.push(latin1(bytes, offset + 46, nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function indexOf(bytes: Uint8Array, needle: readonly number[], from: number, to: number): number {
  outer: for (let i = Math.max(0, from); i + needle.length <= to; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function sniffZip(bytes: Uint8Array): TypeKey | null {
  const local = localEntries(bytes);
  // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the document type.
  const first = local[0];
  if (first && first.name === "mimetype" && first.method === 0) {
    const mimetype = latin1(bytes, first.dataStart, Math.min(first.compressedSize, 100)).trim();
    if (ODF_MIMES[mimetype]) return ODF_MIMES[mimetype];
  }
  const names = new Set([...local.map((e) => e.name), ...centralNames(bytes)]);
  if (!names.has("[Content_Types].xml")) return null;
  // The main part decides; folder prefixes are the fallback for unusual part names.
  if (names.has("word/document.xml")) return "docx";
  if (names.has("xl/workbook.xml")) return "xlsx";
  if (names.has("ppt/presentation.xml")) return "pptx";
  const all = [...names];
  if (all.some((n) => n.startsWith("word/"))) return "docx";
  if (all.some((n) => n.startsWith("xl/"))) return "xlsx";
  if (all.some((n) => n.startsWith("ppt/"))) return "pptx";
  return null;
}

// ---------------------------------------------------------------------------------------------
// OLE2 compound files: legacy Word/Excel/PowerPoint, told apart by the streams under the root
// storage. Other compound files (MSI installers, Outlook messages, ...) are refused.

const ENDOFCHAIN = 0xfffffffe;
const NOSTREAM = 0xffffffff;

function sniffOle2(bytes: Uint8Array): TypeKey | null {
  const names = ole2RootStreamNames(bytes);
  if (!names) return null;
  if (names.has("WordDocument")) return "doc";
  if (names.has("Workbook") || names.has("Book")) return "xls";
  if (names.has("PowerPoint Document")) return "ppt";
  return null;
}

function ole2RootStreamNames(bytes: Uint8Array): Set<string> | null {
  if (bytes.length < 512) return null;
  const shift = u16(bytes, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const fatSectorCount = u32(bytes, 0x2c);
  // FAT sectors listed in the header (the first 109 are enough to reach the directory chain).
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(fatSectorCount, 109); i++) fatSectors.push(u32(bytes, 0x4c + i * 4));
  const entriesPerFatSector = sectorSize / 4;
  const nextSector = (sector: number): number => {
    const fatSector = fatSectors[Math.floor(sector / entriesPerFatSector)];
    if (fatSector === undefined) return ENDOFCHAIN;
    const at = sectorOffset(fatSector) + (sector % entriesPerFatSector) * 4;
    return at + 4 <= bytes.length ? u32(bytes, at) : ENDOFCHAIN;
  };

  // Directory entries (128 bytes each) along the directory sector chain.
  const entries: { name: string; type: number; left: number; right: number; child: number }[] = [];
  const seen = new Set<number>();
  let sector = u32(bytes, 0x30);
  while (sector < 0xfffffffa && !seen.has(sector) && seen.size < 4096) {
    seen.add(sector);
    const start = sectorOffset(sector);
    if (start + sectorSize > bytes.length) break;
    for (let o = start; o < start + sectorSize; o += 128) {
      const nameBytes = Math.min(u16(bytes, o + 0x40), 64);
      let name = "";
      // Name length counts the UTF-16 terminator.
      for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(u16(bytes, o + i));
      entries.push({ name, type: bytes[o + 0x42], left: u32(bytes, o + 0x44), right: u32(bytes, o + 0x48), child: u32(bytes, o + 0x4c) });
    }
    sector = nextSector(sector);
  }
  const root = entries[0];
  if (!root || root.type !== 5) return null;

  // The root's children form a tree through left/right sibling links.
  const names = new Set<string>();
  const visited = new Set<number>();
  const stack = [root.child];
  while (stack.length) {
    const index = stack.pop()!;
    if (index === NOSTREAM || index >= entries.length || visited.has(index)) continue;
    visited.add(index);
    const entry = entries[index];
    if (entry.type === 2) names.add(entry.name);
    stack.push(entry.left, entry.right);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// File names: kept for display only, never used as a path.

const MAX_FILE_NAME = 200;

/**
 * The extension of a file name, lower case without the dot; "" when there is none. It must
 * hold a letter: "Quyết định 48.2025" has no extension.
 */
export function extensionOf(fileName: string): string {
  const match = /\.([a-z0-9]*[a-z][a-z0-9]*)$/i.exec(fileName);
  return match && match[1].length <= 10 ? match[1].toLowerCase() : "";
}

/**
 * A browser-supplied name made safe to show and to offer as a download name: the last path
 * segment only (both separators: Windows browsers may send C:\...), no control or bidi
 * override characters (which can disguise "gpj.exe" as "exe.jpg"), no characters Windows
 * refuses in names, NFC, at most 200 characters with the extension kept. Falls back to
 * "tai-lieu-minh-chung" plus the sniffed extension when nothing usable is left.
 */
export function cleanFileName(raw: string, fallbackExt?: string): string {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let name = base
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (!name) name = fallbackExt ? `tai-lieu-minh-chung.${fallbackExt}` : "tai-lieu-minh-chung";
  if (name.length > MAX_FILE_NAME) {
    const ext = extensionOf(name);
    const keep = ext ? MAX_FILE_NAME - ext.length - 1 : MAX_FILE_NAME;
    // Cut on code points so a surrogate pair is never split.
    const stem = Array.from(ext ? name.slice(0, -(ext.length + 1)) : name)
      .slice(0, keep)
      .join("")
      .trimEnd();
    name = ext ? `${stem}.${ext}` : stem;
    while (name.length > MAX_FILE_NAME) name = Array.from(name).slice(0, -1).join("");
  }
  return name;
}

const TYPE_BY_EXTENSION = new Map<string, TypeInfo>(
  Object.values(TYPES).flatMap((t) => t.extensions.map((e) => [e, t as TypeInfo] as const)),
);

function typeInfoOf(sniffed: SniffedType): TypeInfo | undefined {
  return Object.values(TYPES).find((t) => t.mime === sniffed.mime);
}

/**
 * Null when the file may be stored under this name; otherwise why not, in Vietnamese. The
 * content must be an accepted type, and a name ending in another accepted type's extension
 * is refused: a PNG named .pdf would open in the wrong program for whoever downloads it, and
 * the uploader has most likely picked the wrong file.
 */
export function fileTypeError(fileName: string, sniffed: SniffedType | null): string | null {
  const ext = extensionOf(fileName);
  const claimed = ext ? TYPE_BY_EXTENSION.get(ext) : undefined;
  if (!sniffed) {
    const base = `Loại tệp không được chấp nhận (chỉ nhận ${ALLOWED_TYPES_LABEL}).`;
    return claimed ? `${base} Tệp có đuôi .${ext} nhưng nội dung không phải ${claimed.label}.` : base;
  }
  if (!claimed || claimed.mime === sniffed.mime) return null;
  return `Tên tệp và nội dung không khớp: tệp có đuôi .${ext} nhưng nội dung là ${sniffed.label}. Vui lòng kiểm tra lại tệp.`;
}

/**
 * The name to show and to offer on download: the cleaned name when its extension fits the
 * content, otherwise with the content's extension added ("scan" -> "scan.pdf",
 * "x.exe" holding a PDF -> "x.exe.pdf"), so the downloaded file opens in the right program.
 */
export function displayFileName(cleaned: string, sniffed: SniffedType): string {
  const info = typeInfoOf(sniffed);
  const ext = extensionOf(cleaned);
  if (ext && info && (info.extensions as readonly string[]).includes(ext)) return cleaned;
  return cleanFileName(`${cleaned}.${sniffed.ext}`);
}
