export function AccessDenied({ message = "Bạn không có quyền xem trang này." }: { message?: string }) {
  return (
    <div role="alert" className="card border-red-200 bg-red-50 text-red-900">
      <h1 className="text-lg font-semibold">Không có quyền truy cập</h1>
      <p className="mt-1 text-sm">{message}</p>
    </div>
  );
}
