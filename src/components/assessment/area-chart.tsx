// Per-area bars drawn on the server as SVG: no chart library shipped to the browser.
import { formatNumber } from "@/domain/format";

export function AreaBars({ title, max, values }: { title: string; max: number; values: { label: string; value: number }[] }) {
  const rowH = 22;
  const labelW = 120;
  const width = 320;
  const height = values.length * rowH + 8;
  const scale = max > 0 ? (width - labelW - 40) / max : 0;
  return (
    <figure className="card">
      <figcaption className="mb-1 text-sm font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title}: ${values.map((v) => `${v.label} ${formatNumber(v.value, { maxDecimals: 2 })}`).join(", ")} trên ${formatNumber(max, { maxDecimals: 2 })} điểm`}>
        {values.map((v, i) => (
          <g key={v.label} transform={`translate(0 ${i * rowH + 4})`}>
            <text x={0} y={14} fontSize={11} fill="#1e293b">{v.label.slice(0, 20)}</text>
            <rect x={labelW} y={3} width={(max * scale) || 0} height={14} fill="#e2e8f0" />
            <rect x={labelW} y={3} width={Math.max(0, v.value * scale)} height={14} fill="#1d4ed8" />
            <text x={labelW + max * scale + 4} y={14} fontSize={11} fill="#1e293b">{formatNumber(v.value, { maxDecimals: 2 })}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
