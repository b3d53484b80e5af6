"use client";

// A report row's change history, fetched when the clerk asks for it (the page does not send
// every row's history), with "Khôi phục" on each earlier value: written again as a new change
// through the normal save (checked, audited, refused if someone saved the row since).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { rowHistory, restoreRowValue } from "@/server/reports/history-actions";
import type { RowHistoryItem } from "@/server/reports/history";
import { formatDateTime } from "@/domain/format";
import { TASK_STATUS_LABEL, type TaskStatus } from "@/domain/evaluation/tasks";

/** A stored row value in words (history entries store the row's fields as JSON). */
export function describe(value: unknown): string {
  if (!value || typeof value !== "object") return "(trống)";
  const v = value as Record<string, unknown>;
  const parts: string[] = [];
  if (v.numerator !== undefined || v.denominator !== undefined) parts.push(`${v.numerator ?? "?"}/${v.denominator ?? "?"}`);
  if (v.value !== undefined && v.value !== null) parts.push(String(v.value));
  if (v.done !== undefined && v.done !== null) parts.push(v.done ? "hoàn thành" : "chưa hoàn thành");
  if (typeof v.status === "string") parts.push(TASK_STATUS_LABEL[v.status as TaskStatus] ?? v.status);
  if (typeof v.note === "string" && v.note) parts.push(`“${v.note}”`);
  if (typeof v.resultText === "string" && v.resultText) parts.push(`“${v.resultText.slice(0, 60)}”`);
  return parts.join(", ") || "(trống)";
}

export function RowHistory({ kind, rowId, year, quarter, version, editable }: { kind: "indicator" | "task"; rowId: string; year: number; quarter: number; version: number | null; editable: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [items, setItems] = useState<RowHistoryItem[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = () =>
    start(async () => {
      const result = await rowHistory({ kind, rowId, year, quarter });
      if (result.ok) setItems(result.data);
      else setMessage({ ok: false, text: result.error });
    });

  const restore = (item: RowHistoryItem) => {
    if (!window.confirm(`Khôi phục giá trị ${describe(item.after)} (lưu lúc ${formatDateTime(item.at)})?`)) return;
    start(async () => {
      const result = await restoreRowValue({ kind, rowId, year, quarter, auditId: item.id, version });
      setMessage(result.ok ? { ok: true, text: result.message ?? "Đã khôi phục." } : { ok: false, text: result.error });
      if (result.ok) {
        setItems(null);
        router.refresh();
      }
    });
  };

  return (
    <div className="border-t border-slate-200 pt-2">
      {items === null ? (
        <button type="button" className="text-brand-700 underline" onClick={load} disabled={pending}>
          {pending ? "Đang tải lịch sử…" : "Xem lịch sử thay đổi"}
        </button>
      ) : (
        <>
          <p className="font-medium">Lịch sử thay đổi</p>
          {items.length === 0 && <p className="text-slate-500">Chưa có thay đổi nào.</p>}
          <ul className="space-y-0.5">
            {items.map((h, i) => (
              <li key={h.id}>
                {formatDateTime(h.at)} – {h.by}: {h.action === "create" ? `nhập ${describe(h.after)}` : `${describe(h.before)} → ${describe(h.after)}`}
                {/* The newest entry is the current value: nothing to restore. */}
                {editable && i > 0 && (
                  <button type="button" className="ml-1 text-brand-700 underline" onClick={() => restore(h)} disabled={pending} aria-label={`Khôi phục giá trị ${describe(h.after)} lưu lúc ${formatDateTime(h.at)}`}>
                    Khôi phục
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "text-red-800"}>
          {message.text}
        </p>
      )}
    </div>
  );
}
