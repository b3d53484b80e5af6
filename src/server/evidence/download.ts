// HTTP details of evidence downloads, kept pure so they are unit-tested.

import "server-only";
/**
 * Content-Disposition for a download under the original (display) name. Vietnamese names
 * need RFC 5987 filename*; the plain filename is an ASCII stand-in for old clients, with
 * diacritics folded ("Báo cáo" -> "Bao cao") and anything that could break the quoted string
 * or the header (quotes, backslashes, %, control and non-ASCII characters) replaced.
 */
export function contentDisposition(fileName: string): string {
  const name = fileName.normalize("NFC");
  const fallback =
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .replace(/[^\x20-\x7e]|["\\%]/g, "_")
      .trim() || "tai-lieu-minh-chung";
  // encodeURIComponent leaves ' ( ) * as they are, which RFC 5987 does not allow.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
