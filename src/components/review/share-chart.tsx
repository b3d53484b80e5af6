// Share of indicators đạt per commune, as horizontal bars drawn on the server (SVG): the chart
// has no interaction, so the page ships no chart library for it.
const ROW = 22;
const NAME_W = 160;
const BAR_W = 420;
const RIGHT = 56;

export function ShareChart({ data }: { data: { name: string; share: number }[] }) {
  const height = data.length * ROW + 24;
  const pct = (v: number) => `${v.toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`;
  return (
    <svg
      role="img"
      aria-label={`Tỷ lệ chỉ tiêu đạt: ${data.map((d) => `${d.name} ${pct(d.share)}`).join("; ")}`}
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
      {/* 150 bars: what every bar shares is said once, on the group (issue 21). */}
      <g fill="#0f172a">
        {data.map((d, i) => {
          const w = Math.round((Math.min(100, Math.max(0, d.share)) / 100) * BAR_W);
          const y = i * ROW;
          return (
            <g key={i}>
              <text x={NAME_W - 6} y={y + ROW / 2 + 4} textAnchor="end">
                {d.name}
              </text>
              <rect x={NAME_W} y={y + 4} width={w} height={ROW - 8} fill="#1d5fbf" />
              <text x={NAME_W + w + 4} y={y + ROW / 2 + 4} fontSize={11}>
                {pct(d.share)}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
