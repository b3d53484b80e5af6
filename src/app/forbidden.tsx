import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-6">
      <div role="alert" className="card border-red-200 bg-red-50 text-red-900">
        <h1 className="text-lg font-semibold">Không có quyền truy cập</h1>
        <p className="mt-1 text-sm">Vai trò của bạn không được mở trang này.</p>
        <p className="mt-3 text-sm">
          <Link href="/">Về trang chủ</Link>
        </p>
      </div>
    </main>
  );
}
