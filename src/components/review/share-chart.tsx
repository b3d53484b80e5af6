// Share of indicators đạt per commune, as horizontal bars in SVG: the chart has no interaction,
// so no chart library. Drawn with the comparison table from the same compact data (issue 21):
// the bars are one path and what the labels share is said once on their group, so 150
// communes cost a few bytes each.
const ROW = 22;
const NAME_W = 160;
const BAR_W = 420;
const RIGHT = 56;

/** `label` is the share as the page shows it ("87,5%"), formatted on the server. */
export function ShareChart({ data }: { data: { name: string; share: number; label: string }[] }) {
  const height = data.length * ROW + 24;
  const width = (share: number) => Math.round((Math.min(100, Math.max(0, share)) / 100) * BAR_W);
  const baseline = (i: number) => i * ROW + ROW / 2 + 4;
  const bars = data.map((d, i) => `M${NAME_W} ${i * ROW + 4}h${width(d.share)}v${ROW - 8}H${NAME_W}z`).join("");
  return (
    <svg
      role="img"
      aria-label={`Tỷ lệ chỉ tiêu đạt: ${data.map((d) => `${d.name} ${d.label}`).join("; ")}`}
      width={NAME_W + BAR_W + RIGHT}
      height={height}
      viewBox={`0 0 ${NAME_W + BAR_W + RIGHT} ${height}`}
      fontSize={12}
    >
      {[0, 25, 50, 75, 100].map((t) => (
        <g key={t}>
          <line x1={NAME_W + (t / 100) * BAR_W} x2={NAME_W + (t / 100) * BAR_W} y1={0} y2={height - 20} stroke="#cbd5e1" strokeDasharray="3 3" />
          <text x={NAME_W + (t / 100) * BAR_W} y={height - 6} textAnchor="middle" fontSize={11} fill="#475569">
            {t}%
          </text>
        </g>
      ))}
      <path d={bars} fill="#1d5fbf" />
      <g fill="#0f172a" textAnchor="end">
        {data.map((d, i) => (
          <text key={i} x={NAME_W - 6} y={baseline(i)}>
            {d.name}
          </text>
        ))}
      </g>
      <g fill="#0f172a" fontSize={11}>
        {data.map((d, i) => (
          <text key={i} x={NAME_W + width(d.share) + 4} y={baseline(i)}>
            {d.label}
          </text>
        ))}
      </g>
    </svg>
  );
}
