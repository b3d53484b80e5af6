// File types are decided from content: every accepted type from small synthetic files, and
// the look-alikes that must be refused (HTML, plain zip, other OLE2 files, random bytes).
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import {
  ALLOWED_TYPES_LABEL,
  cleanFileName,
  displayFileName,
  extensionOf,
  fileTypeError,
  sniffFileType,
} from "@/domain/file-type";
import { contentDisposition } from "@/server/evidence/download";
import { seededBytes } from "../support/random";

const enc = new TextEncoder();
const bytesOf = (...parts: (string | number[] | Uint8Array)[]) => {
  const chunks = parts.map((p) => (typeof p === "string" ? enc.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
};

// --- A minimal zip writer (STORED entries, valid CRCs and central directory) -----------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
const le16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

function zip(entries: [name: string, content: string][]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = enc.encode(name);
    const data = enc.encode(content);
    const crc = crc32(data);
    const common = [...le16(20), ...le16(0), ...le16(0), ...le16(0), ...le16(0x21), ...le32(crc), ...le32(data.length), ...le32(data.length), ...le16(nameBytes.length), ...le16(0)];
    const local = bytesOf([0x50, 0x4b, 0x03, 0x04], common, nameBytes, data);
    centrals.push(bytesOf([0x50, 0x4b, 0x01, 0x02], le16(20), common, le16(0), le16(0), le16(0), le32(0), le32(offset), nameBytes));
    locals.push(local);
    offset += local.length;
  }
  const central = bytesOf(...centrals);
  const end = bytesOf([0x50, 0x4b, 0x05, 0x06], le16(0), le16(0), le16(entries.length), le16(entries.length), le32(central.length), le32(offset), le16(0));
  return bytesOf(...locals, central, end);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;
/** What Word and PowerPoint write: the main part's content type names the document kind. */
const contentTypes = (part: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="${part}" ContentType="${type}"/></Types>`;
const docx = () =>
  zip([
    ["[Content_Types].xml", contentTypes("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")],
    ["_rels/.rels", "<Relationships/>"],
    ["word/document.xml", "<w:document/>"],
  ]);
const pptx = () =>
  zip([
    ["[Content_Types].xml", contentTypes("/ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")],
    ["_rels/.rels", "<Relationships/>"],
    ["ppt/presentation.xml", "<p:presentation/>"],
  ]);
const odf = (mimetype: string) =>
  zip([
    ["mimetype", mimetype],
    ["META-INF/manifest.xml", "<manifest/>"],
    ["content.xml", "<office:document-content/>"],
  ]);

// --- A minimal OLE2 compound file: header, one FAT sector, one directory sector -----------------

function ole2(streams: string[], layout: "child" | "right-sibling" = "child"): Uint8Array {
  const file = new Uint8Array(512 * 3);
  const view = new DataView(file.buffer);
  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true); // 512-byte sectors
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // directory starts at sector 1
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, 0xfffffffe, true);
  view.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = 512; // sector 0
  for (let i = 0; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  view.setUint32(fat, 0xfffffffd, true); // sector 0 is the FAT
  view.setUint32(fat + 4, 0xfffffffe, true); // sector 1: directory, end of chain
  const dir = 1024; // sector 1
  const entry = (index: number, name: string, type: number, left: number, right: number, child: number) => {
    const o = dir + index * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(o + i * 2, name.charCodeAt(i), true);
    view.setUint16(o + 0x40, (name.length + 1) * 2, true);
    file[o + 0x42] = type;
    view.setUint32(o + 0x44, left, true);
    view.setUint32(o + 0x48, right, true);
    view.setUint32(o + 0x4c, child, true);
  };
  const NONE = 0xffffffff;
  entry(0, "Root Entry", 5, NONE, NONE, 1);
  if (layout === "child") {
    streams.forEach((name, i) => entry(i + 1, name, 2, NONE, i + 2 <= streams.length ? i + 2 : NONE, NONE));
  } else {
    entry(1, "\u0005SummaryInformation", 2, NONE, 2, NONE);
    streams.forEach((name, i) => entry(i + 2, name, 2, NONE, NONE, NONE));
  }
  return file;
}


describe("sniffFileType", () => {
  it("recognises PDF and images by their signatures", async () => {
    expect(await sniffFileType(bytesOf("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"))).toEqual({ mime: "application/pdf", ext: "pdf", label: "PDF" });
    expect((await sniffFileType(bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR")))?.mime).toBe("image/png");
    expect(await sniffFileType(bytesOf([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF"))).toMatchObject({ mime: "image/jpeg", ext: "jpg" });
    expect((await sniffFileType(bytesOf("GIF89a", [1, 0, 1, 0])))?.mime).toBe("image/gif");
    expect((await sniffFileType(bytesOf("GIF87a", [1, 0, 1, 0])))?.mime).toBe("image/gif");
    expect((await sniffFileType(bytesOf("RIFF", le32(20), "WEBPVP8 ")))?.mime).toBe("image/webp");
  });

  it("recognises a real XLSX written by exceljs", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Chỉ tiêu").addRow(["Tỷ lệ hồ sơ trực tuyến", 95]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await sniffFileType(bytes)).toEqual({
      mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ext: "xlsx",
      label: "Excel (XLSX)",
    });
  });

  it("recognises DOCX and PPTX by their parts", async () => {
    expect(await sniffFileType(docx())).toMatchObject({ ext: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    expect(await sniffFileType(pptx())).toMatchObject({ ext: "pptx", mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation" });
  });

  it("recognises OpenDocument text and spreadsheet by the mimetype entry", async () => {
    expect(await sniffFileType(odf("application/vnd.oasis.opendocument.text"))).toMatchObject({ ext: "odt", mime: "application/vnd.oasis.opendocument.text" });
    expect(await sniffFileType(odf("application/vnd.oasis.opendocument.spreadsheet"))).toMatchObject({ ext: "ods" });
    expect(await sniffFileType(odf("application/vnd.oasis.opendocument.graphics"))).toBeNull();
  });

  it("tells legacy Word, Excel and PowerPoint apart inside OLE2, and refuses other OLE2 files", async () => {
    expect(await sniffFileType(ole2(["WordDocument", "1Table"]))).toMatchObject({ ext: "doc", mime: "application/msword" });
    expect(await sniffFileType(ole2(["Workbook"]))).toMatchObject({ ext: "xls", mime: "application/vnd.ms-excel" });
    expect(await sniffFileType(ole2(["Book"], "right-sibling"))).toMatchObject({ ext: "xls" });
    expect(await sniffFileType(ole2(["WordDocument"], "right-sibling"))).toMatchObject({ ext: "doc" });
    expect(await sniffFileType(ole2(["PowerPoint Document"]))).toMatchObject({ ext: "ppt" });
    // An MSI installer is an OLE2 file too.
    expect(await sniffFileType(ole2(["\u4840\u3f3f\u4577\u446c"]))).toBeNull();
    // The signature alone is not enough.
    expect(await sniffFileType(bytesOf([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(600).fill(0)))).toBeNull();
  });

  it("refuses HTML, SVG, scripts and executables", async () => {
    expect(await sniffFileType(bytesOf("<!DOCTYPE html><html><script>alert(1)</script></html>"))).toBeNull();
    expect(await sniffFileType(bytesOf(" <html><body>%PDF-1.4</body></html>"))).toBeNull();
    expect(await sniffFileType(bytesOf('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBeNull();
    expect(await sniffFileType(bytesOf("#!/bin/sh\nrm -rf /\n"))).toBeNull();
    expect(await sniffFileType(bytesOf("MZ", [0x90, 0, 3, 0], "This program cannot be run in DOS mode"))).toBeNull();
    expect(await sniffFileType(bytesOf([0x7f], "ELF", [2, 1, 1]))).toBeNull();
  });

  it("refuses a plain zip and zips that only look like Office documents", async () => {
    expect(await sniffFileType(zip([["bao-cao.txt", "xin chào"]]))).toBeNull();
    expect(await sniffFileType(zip([["META-INF/MANIFEST.MF", "Manifest-Version: 1.0"], ["a/B.class", "\u00ca\u00fe"]]))).toBeNull();
    // Content types without a Word/Excel/PowerPoint part, and a word/ folder without content types.
    expect(await sniffFileType(zip([["[Content_Types].xml", CONTENT_TYPES], ["payload.exe", "MZ"]]))).toBeNull();
    expect(await sniffFileType(zip([["word/document.xml", "<w:document/>"]]))).toBeNull();
  });

  it("refuses macro-enabled Office files and other formats the file-type package knows", async () => {
    const docm = zip([
      ["[Content_Types].xml", contentTypes("/word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml")],
      ["word/document.xml", "<w:document/>"],
    ]);
    expect(await sniffFileType(docm)).toBeNull();
    expect(await sniffFileType(bytesOf([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]))).toBeNull(); // gzip
    expect(await sniffFileType(bytesOf("Rar!", [0x1a, 7, 1, 0]))).toBeNull();
  });

  it("refuses random bytes, empty input and truncated signatures", async () => {
    for (let seed = 1; seed <= 20; seed++) expect(await sniffFileType(new Uint8Array(seededBytes(4096, seed)))).toBeNull();
    expect(await sniffFileType(new Uint8Array())).toBeNull();
    expect(await sniffFileType(bytesOf("%PD"))).toBeNull();
    expect(await sniffFileType(bytesOf([0x50, 0x4b, 0x03]))).toBeNull();
    expect(await sniffFileType(bytesOf("RIFF", le32(20), "WAVEfmt "))).toBeNull();
  });
});

describe("file names", () => {
  it("keeps the last path segment only, whichever separator the browser used", async () => {
    expect(cleanFileName("../../etc/passwd.pdf")).toBe("passwd.pdf");
    expect(cleanFileName("C:\\Users\\Văn phòng\\Báo cáo.pdf")).toBe("Báo cáo.pdf");
    expect(cleanFileName("..")).toBe("tai-lieu-minh-chung");
    expect(cleanFileName("", "pdf")).toBe("tai-lieu-minh-chung.pdf");
  });

  it("strips control and bidi-override characters and characters Windows refuses, and normalises to NFC", async () => {
    expect(cleanFileName("bao\u0000cao\r\n.pdf")).toBe("baocao.pdf");
    expect(cleanFileName("hoa-don\u202Efdp.exe")).toBe("hoa-donfdp.exe");
    expect(cleanFileName('Quyết định "48":QĐ?.pdf')).toBe("Quyết định _48__QĐ_.pdf");
    const nfd = "Ba\u0301o ca\u0301o Quy\u0301 III.pdf";
    expect(cleanFileName(nfd)).toBe("Báo cáo Quý III.pdf");
    expect(cleanFileName(nfd)).toBe(cleanFileName(nfd).normalize("NFC"));
  });

  it("cuts long names to 200 characters and keeps the extension", async () => {
    const long = cleanFileName(`${"Kế hoạch cải cách hành chính ".repeat(20)}.docx`);
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith(".docx")).toBe(true);
  });

  it("finds extensions that contain a letter", async () => {
    expect(extensionOf("a.PDF")).toBe("pdf");
    expect(extensionOf("Quyết định 48.2025")).toBe("");
    expect(extensionOf("scan")).toBe("");
  });

  it("refuses a name whose extension claims another accepted type, with the Vietnamese message", async () => {
    const pdf = (await sniffFileType(bytesOf("%PDF-1.4")))!;
    const png = (await sniffFileType(bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR")))!;
    expect(fileTypeError("bao-cao.pdf", null)).toBe(
      `Loại tệp không được chấp nhận (chỉ nhận ${ALLOWED_TYPES_LABEL}). Tệp có đuôi .pdf nhưng nội dung không phải PDF.`,
    );
    expect(fileTypeError("trang.html", null)).toBe(`Loại tệp không được chấp nhận (chỉ nhận ${ALLOWED_TYPES_LABEL}).`);
    expect(fileTypeError("anh.pdf", png)).toMatch(/^Tên tệp và nội dung không khớp: tệp có đuôi \.pdf nhưng nội dung là ảnh PNG/);
    expect(fileTypeError("bao-cao.PDF", pdf)).toBeNull();
    expect(fileTypeError("anh.jpeg", await sniffFileType(bytesOf([0xff, 0xd8, 0xff, 0xe1])))).toBeNull();
    expect(fileTypeError("scan", pdf)).toBeNull();
    expect(ALLOWED_TYPES_LABEL).toBe("PDF, ảnh (PNG, JPEG, GIF, WEBP), Word, Excel, PowerPoint, OpenDocument");
  });

  it("adds the real extension when the name has none or an unrelated one", async () => {
    const pdf = (await sniffFileType(bytesOf("%PDF-1.4")))!;
    expect(displayFileName("scan", pdf)).toBe("scan.pdf");
    expect(displayFileName("x.exe", pdf)).toBe("x.exe.pdf");
    expect(displayFileName("Báo cáo.pdf", pdf)).toBe("Báo cáo.pdf");
  });
});

describe("contentDisposition", () => {
  it("offers the Vietnamese name as UTF-8 and an ASCII stand-in, always as an attachment", async () => {
    expect(contentDisposition("Báo cáo Quý III (Đợt 1).pdf")).toBe(
      `attachment; filename="Bao cao Quy III (Dot 1).pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20Qu%C3%BD%20III%20%28%C4%90%E1%BB%A3t%201%29.pdf`,
    );
  });

  it("cannot be broken out of by quotes, backslashes or line breaks", async () => {
    const header = contentDisposition('a"; filename="evil.html\\\r\nX-Evil: 1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('attachment; filename="a_; filename=_evil.html___X-Evil: 1.pdf"; filename*=')).toBe(true);
  });
});
