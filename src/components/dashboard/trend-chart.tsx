// A quarter-by-quarter chart: the server-drawn sparkline (sparkline.tsx), or with size="full"
// (the indicator page) the interactive chart with labelled axes (trend-chart-full.tsx).
// Pages that draw only sparklines import sparkline.tsx, so recharts does not ship to them.
import { FullTrendChart, type TrendChartProps } from "./trend-chart-full";
import { Sparkline } from "./sparkline";

export function TrendChart(props: TrendChartProps) {
  return props.size === "full" ? <FullTrendChart {...props} /> : <Sparkline {...props} />;
}
