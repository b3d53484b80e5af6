import Link from "next/link";
import { connection } from "next/server";

export default async function NotFound() {
  // Rendered per request, not prerendered: a prerendered page's inline scripts cannot carry
  // the request's CSP nonce (src/proxy.ts), so the browser would block them.
  await connection();
  return (
    <main className="mx-auto max-w-lg p-6">
      <div className="card">
        <h1 className="text-lg font-semibold">Không tìm thấy trang</h1>
        <p className="mt-1 text-sm text-slate-700">Trang bạn tìm không tồn tại hoặc đã được chuyển.</p>
        <p className="mt-3 text-sm">
          <Link href="/">Về trang chủ</Link>
        </p>
      </div>
    </main>
  );
}
