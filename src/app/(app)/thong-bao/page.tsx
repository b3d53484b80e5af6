import type { Metadata } from "next";
import { requirePageActor } from "@/server/auth/guard";
import { myNotifications } from "@/server/notifications/queries";
import { markAllNotificationsRead, openNotification } from "@/server/notifications/actions";
import { formatDateTime } from "@/domain/format";
import { KIND_LABEL, type NoticeKind } from "@/domain/notifications";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ActionForm } from "@/components/forms/action-form";

export const metadata: Metadata = { title: "Thông báo" };

// A plain form post: opening a notice marks it read on the server and redirects to its page,
// with no client script. (The action answers a refusal instead of redirecting.)
const open = openNotification as unknown as (formData: FormData) => Promise<void>;

export default async function NotificationsPage() {
  const actor = await requirePageActor("notification.read");
  const items = await myNotifications(actor);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader title="Thông báo" subtitle={unread ? `${unread} thông báo chưa đọc` : "Không có thông báo mới"} />
      {unread > 0 && (
        <div className="mb-3">
          <ActionForm action={markAllNotificationsRead} submitLabel="Đánh dấu tất cả đã đọc">
            {null}
          </ActionForm>
        </div>
      )}
      {items.length === 0 ? (
        <p className="card text-sm text-slate-600">Chưa có thông báo nào.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Danh sách thông báo">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? "p-3" : "bg-blue-50 p-3"}>
              <form action={open}>
                <input type="hidden" name="id" value={n.id} />
                <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  {!n.readAt && <Badge tone="blue">Mới</Badge>}
                  <span>{KIND_LABEL[n.kind as NoticeKind] ?? n.kind}</span>
                  <span>{formatDateTime(n.createdAt)}</span>
                </div>
                <button type="submit" className="mt-1 block text-left font-medium text-brand-700 underline hover:text-brand-800">
                  {n.title}
                </button>
                {n.body && <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{n.body}</p>}
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
