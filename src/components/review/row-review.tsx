// The reviewer's view of one row of a report (issue 17): what changed since it was returned,
// before → after, and a comment written on the row itself, sent with the decision.
import { useId, useState } from "react";
import type { SnapshotChange } from "@/domain/reporting/snapshot";

/** Lets the rows of a report take comments for the decision form named by formId. */
export interface RowCommenting {
  formId: string;
  value: string;
  onChange: (text: string) => void;
}

export function ChangedSinceReturn({ changes }: { changes?: SnapshotChange[] }) {
  if (!changes?.length) return null;
  return (
    <div role="group" aria-label="Đã sửa sau khi trả lại" className="mt-1 rounded border border-sky-500 bg-sky-50 px-2 py-1 text-xs text-sky-950" data-changed-since-return>
      <p className="font-semibold">✎ Đã sửa sau khi trả lại</p>
      <ul className="mt-0.5 space-y-0.5">
        {changes.map((c, i) => (
          <li key={i}>
            {c.what}: <del className="text-slate-600">{c.before}</del> → <ins className="font-semibold no-underline">{c.after}</ins>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RowComment({ commenting, rowName }: { commenting?: RowCommenting; rowName: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  if (!commenting) return null;
  if (!open && !commenting.value)
    return (
      <button type="button" className="btn mt-1 px-2 py-0.5 text-xs no-print" onClick={() => setOpen(true)} aria-label={`Nhận xét dòng: ${rowName}`}>
        Nhận xét dòng này
      </button>
    );
  return (
    <div className="mt-1">
      <label htmlFor={id} className="block text-xs font-semibold text-slate-800">
        Nhận xét của cấp trên cho dòng này (gửi kèm khi trả lại)
      </label>
      <textarea id={id} className="input text-xs" rows={2} autoFocus={open && !commenting.value} value={commenting.value} onChange={(e) => commenting.onChange(e.target.value)} />
    </div>
  );
}
