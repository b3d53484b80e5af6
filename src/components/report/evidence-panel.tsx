"use client";

// A report row's "Minh chứng · Lịch sử" panel. Closed, it is one summary line; its body (the
// evidence list and forms, the history) is rendered only once opened, from a chunk loaded
// then: the page used to render every row's forms closed, about 40 % of its HTML. React.lazy
// (what next/dynamic wraps) without next/dynamic's loader runtime, ~2.5 KB gzip of first-load
// JavaScript this page has no room for (issue 21).
import { lazy, Suspense, useState } from "react";
import { useRowHistoryOnDemand } from "./row-history-context";
import type { RowPanelProps } from "./row-panel-body";

const RowPanelBody = lazy(() => import("./row-panel-body"));

export function EvidencePanel({ evidence, evidenceCount, ...props }: Omit<RowPanelProps, "evidence"> & { evidence?: RowPanelProps["evidence"]; evidenceCount?: number }) {
  // The commune's own page sends a count and loads the list (and the history) when opened.
  const onDemand = useRowHistoryOnDemand();
  // Stays rendered once opened: closing and reopening keeps what was typed in its forms.
  const [opened, setOpened] = useState(false);
  const { history, savedAt } = props;
  const count = onDemand ? (evidenceCount ?? 0) : (evidence?.length ?? 0);
  const suffix = history.length ? ` · Lịch sử (${history.length})` : onDemand && savedAt ? " · Lịch sử" : "";
  return (
    <details className="mt-1 text-xs" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer text-brand-700">{`Minh chứng (${count})${suffix}`}</summary>
      {opened && (
        <Suspense fallback={<p className="mt-1 text-slate-600">Đang tải…</p>}>
          <RowPanelBody {...props} evidence={onDemand ? null : (evidence ?? [])} onDemand={onDemand} />
        </Suspense>
      )}
    </details>
  );
}
