"use client";

// Issue 14: a plan in force changes only by amendment (điều chỉnh), with its reason.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { amendPlan } from "@/server/review/actions";

export function AmendPlanForm({ planId }: { planId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <details className="card mb-4">
      <summary className="cursor-pointer font-semibold">Điều chỉnh kế hoạch đang có hiệu lực</summary>
      <p className="mt-2 text-sm text-slate-700">
        Kế hoạch đang có hiệu lực: chỉ tiêu, đơn vị tính và thời hạn bị khóa. Điều chỉnh phải nêu lý do; kế hoạch mở lại để sửa rồi nộp cấp trên xét duyệt như kế hoạch mới.
        Phiên bản hiện hành được lưu lại; các báo cáo đã nộp giữ nguyên nội dung đã được đánh giá.
      </p>
      <label htmlFor="amend-reason" className="mt-2 block text-sm font-medium">
        Lý do điều chỉnh
      </label>
      <textarea id="amend-reason" className="input mt-1 w-full" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button
        type="button"
        className="btn mt-2"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await amendPlan({ planId, reason });
            setMessage(result.ok ? { ok: true, text: result.message ?? "Đã mở để điều chỉnh." } : { ok: false, text: result.error });
            if (result.ok) router.refresh();
          })
        }
      >
        Mở kế hoạch để điều chỉnh
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`mt-1 text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}>
          {message.text}
        </p>
      )}
    </details>
  );
}
