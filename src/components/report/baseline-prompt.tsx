"use client";

// Issue 17: a target judged against last year, in a plan that does not say last year's figure.
// The chairman gives it once, here; others are told who can. The row's status then works.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { setIndicatorBaseline } from "@/server/reports/baseline-actions";
import { baselineLabel, baselineYear, readBaseline } from "@/domain/reporting/baseline";

export function BaselinePrompt({ ind, planYear, canSet }: { ind: { id: string; targetRule: string; referenceYear?: number | null }; planYear: number; canSet: boolean }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const label = baselineLabel(ind.targetRule, baselineYear(planYear, ind.referenceYear));
  const inputId = `${ind.id}-baseline`;

  if (!canSet)
    return (
      <p className="mt-1 rounded border border-amber-400 bg-amber-50 px-2 py-1 text-xs text-amber-950">
        Kế hoạch chưa có {label.toLowerCase()}: chưa đánh giá được. Chủ tịch UBND xã nhập một lần trên trang này.
      </p>
    );

  function save() {
    const read = readBaseline(ind.targetRule, text);
    if (!read.ok) return setError(read.error);
    setError(null);
    start(async () => {
      const result = await setIndicatorBaseline({ indicatorId: ind.id, value: text });
      if (!result.ok) return setError(result.fieldErrors?.value ?? result.error);
      router.refresh();
    });
  }

  return (
    <div role="group" aria-label={`Nhập ${label.toLowerCase()}`} className="mt-1 rounded border border-amber-400 bg-amber-50 p-2 text-xs text-amber-950">
      <p>Kế hoạch chưa có {label.toLowerCase()} để so sánh. Nhập một lần để đánh giá được chỉ tiêu này.</p>
      <label htmlFor={inputId} className="mt-1 block font-semibold">
        {label}
      </label>
      <div className="flex gap-1">
        <input
          id={inputId}
          className={`input w-24 tabular-nums ${error ? "border-red-600" : ""}`}
          inputMode={ind.targetRule === "BETTER_RANK" ? "numeric" : "decimal"}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              save();
            }
          }}
          aria-invalid={!!error}
          aria-describedby={error ? `${inputId}-err` : undefined}
        />
        <button type="button" className="btn whitespace-nowrap px-2 py-0.5 text-xs" disabled={pending} onClick={save}>
          {pending ? "Đang ghi…" : "Ghi nhận"}
        </button>
      </div>
      {error && (
        <p id={`${inputId}-err`} role="alert" className="mt-0.5 font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
