"use client";

// A report row's "Minh chứng · Lịch sử" panel. Closed, it is one summary line; its body (the
// evidence list and forms, the history) is rendered only once opened, from a chunk loaded
// then (next/dynamic): the page used to render every row's forms closed, about half its HTML.
import { useState } from "react";
import dynamic from "next/dynamic";
import { useRowHistoryOnDemand } from "./row-history-context";
import type { RowPanelProps } from "./row-panel-body";

const RowPanelBody = dynamic(() => import("./row-panel-body"), {
  loading: () => <p className="mt-1 text-slate-600">Đang tải…</p>,
});

export function EvidencePanel(props: RowPanelProps) {
  const onDemand = useRowHistoryOnDemand();
  // Stays rendered once opened: closing and reopening keeps what was typed in its forms.
  const [opened, setOpened] = useState(false);
  const { evidence, history, savedAt } = props;
  const suffix = history.length ? ` · Lịch sử (${history.length})` : onDemand && savedAt ? " · Lịch sử" : "";
  return (
    <details className="mt-1 text-xs" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer text-brand-700">{`Minh chứng (${evidence.length})${suffix}`}</summary>
      {opened && <RowPanelBody {...props} onDemand={onDemand} />}
    </details>
  );
}
