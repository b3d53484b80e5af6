// The request-body limit for server actions, in one place: next.config.ts gives it to Next
// (serverActions.bodySizeLimit, and proxyClientMaxBodySize, the part of a body src/proxy.ts
// lets through, 10 MB by default), and src/proxy.ts refuses a larger body up front with a
// Vietnamese 413. With the two Next limits apart, an upload just over 10 MB was cut short by
// the proxy and the action failed with a 500 before its own "Tệp quá lớn" check could run.

/** The evidence upload limit in MB (UPLOAD_MAX_MB, default 10); the action checks the file against it. */
export function uploadLimitMb(): number {
  const mb = Number(process.env.UPLOAD_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? mb : 10;
}

/** Room for the form's other fields and the multipart framing around the file. */
const MULTIPART_ROOM_MB = 1;

export function actionBodyLimitBytes(): number {
  return Math.floor((uploadLimitMb() + MULTIPART_ROOM_MB) * 1024 * 1024);
}

export function tooLargeMessage(): string {
  return `Tệp quá lớn: tối đa ${uploadLimitMb().toLocaleString("vi-VN")} MB.`;
}
