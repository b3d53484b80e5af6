import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatNumber } from "@/domain/format";

export const pts = (n: number | null | undefined) => (n === null || n === undefined ? "—" : formatNumber(n, { maxDecimals: 2 }));

export function StageBadge({ status, stage }: { status: string; stage: string }) {
  const tone: BadgeTone = status === "APPROVED" ? "green" : status === "RETURNED" ? "amber" : status === "SUBMITTED" ? "blue" : "gray";
  return <Badge tone={tone}>{stage}</Badge>;
}

export function DemoNote() {
  return (
    <p className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      Bộ tiêu chí mẫu để minh họa (dữ liệu mẫu), <strong>không phải bộ tiêu chí chính thức</strong> của tỉnh nào.
    </p>
  );
}
