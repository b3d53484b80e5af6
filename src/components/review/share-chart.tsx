"use client";

// Share of indicators đạt per commune, as horizontal bars.
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";

export function ShareChart({ data }: { data: { name: string; share: number }[] }) {
  const height = Math.max(120, data.length * 26 + 40);
  return (
    <div role="img" aria-label={`Tỷ lệ chỉ tiêu đạt: ${data.map((d) => `${d.name} ${d.share.toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`).join("; ")}`}>
      <BarChart layout="vertical" width={640} height={height} data={data} margin={{ top: 8, right: 48, bottom: 8, left: 8 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} tickFormatter={(v) => `${v}%`} fontSize={11} />
        <YAxis type="category" dataKey="name" width={150} fontSize={12} />
        <Bar dataKey="share" fill="#1d5fbf" isAnimationActive={false}>
          <LabelList dataKey="share" position="right" formatter={(v) => `${Number(v).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`} fontSize={11} />
        </Bar>
      </BarChart>
    </div>
  );
}
