// What an uploaded evidence file really is, decided from its bytes and never from its name or
// the browser's Content-Type (both are chosen by the uploader). Only document and image types
// a commune office actually exchanges are accepted; anything a browser could run or render as
// a page (HTML, SVG, scripts), executables, installers (MSI is OLE2 too) and plain archives are
// refused. Pure: no Node APIs (file-type/core works on bytes), unit-tested on synthetic bytes.
import { fileTypeFromBuffer } from "file-type/core";

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

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/** What the `file-type` package may answer and we accept; anything else it knows is refused. */
const FROM_FILE_TYPE: Record<string, TypeKey> = {
  pdf: "pdf",
  png: "png",
  apng: "png",
  jpg: "jpeg",
  gif: "gif",
  webp: "webp",
  docx: "docx",
  xlsx: "xlsx",
  pptx: "pptx",
  odt: "odt",
  ods: "ods",
  odp: "odp",
};

/**
 * The type of a file from its content, by the `file-type` package (which knows several hundred
 * formats, so executables, archives, macro-enabled Office files (docm/xlsm) and the rest are
 * recognised and refused, not merely unknown). Its zip probing has its own byte limits. For a
 * legacy Office compound file it answers only "cfb" (the container shared by .doc, .xls, .ppt,
 * but also MSI installers and Outlook messages): those are told apart by the streams under the
 * root storage, below. Text formats (HTML, SVG, scripts) have no signature and are refused.
 */
export async function sniffFileType(bytes: Uint8Array): Promise<SniffedType | null> {
  if (bytes.length === 0) return null;
  let detected: { ext: string } | undefined;
  try {
    detected = await fileTypeFromBuffer(bytes);
  } catch {
    // A file the detector gives up on (over its limits, malformed) is not one we accept.
    return null;
  }
  if (!detected) return null;
  if (detected.ext === "cfb") {
    const key = sniffOle2(bytes);
    return key ? result(key) : null;
  }
  const key = FROM_FILE_TYPE[detected.ext];
  return key ? result(key) : null;
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
