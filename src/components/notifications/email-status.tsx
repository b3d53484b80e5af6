// The admin's view of email: on or off, what waits, and every send that failed (never lost
// silently: a failed email stays here with its error until it is sent or given up).
import { emailStatus } from "@/server/notifications/queries";
import { formatDateTime } from "@/domain/format";

export async function EmailStatusPanel() {
  const s = await emailStatus();
  return (
    <section className={`card mb-4 ${s.failed ? "border-red-300" : ""}`} aria-labelledby="email-status-h">
      <h2 id="email-status-h" className="mb-1 font-semibold">
        Email thông báo
      </h2>
      {s.enabled ? (
        <p className="text-sm">
          Email đang <strong>bật</strong> (máy chủ SMTP trong biến môi trường). Chờ gửi: {s.pending} · đã gửi: {s.sent} · lỗi không gửi được: <strong className={s.failed ? "text-red-800" : ""}>{s.failed}</strong>
        </p>
      ) : (
        <p className="text-sm">
          Email đang <strong>tắt</strong>: chưa cấu hình SMTP (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_FROM). Người dùng chỉ nhận thông báo trong ứng dụng.
        </p>
      )}
      {s.failures.length > 0 && (
        <div className="mt-2 overflow-x-auto">
          <table className="table-basic text-sm">
            <caption className="text-left text-xs text-slate-600">Thư gửi lỗi (đang thử lại hoặc đã dừng)</caption>
            <thead>
              <tr>
                <th scope="col">Người nhận</th>
                <th scope="col">Tiêu đề</th>
                <th scope="col">Số lần thử</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Lỗi</th>
              </tr>
            </thead>
            <tbody>
              {s.failures.map((f) => (
                <tr key={f.id}>
                  <td>{f.toAddress}</td>
                  <td>{f.subject}</td>
                  <td>{f.attempts}</td>
                  <td>{f.status === "FAILED" ? "Đã dừng thử lại" : `Thử lại lúc ${formatDateTime(f.nextAttemptAt)}`}</td>
                  <td className="max-w-xs break-words text-xs">{f.lastError}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
