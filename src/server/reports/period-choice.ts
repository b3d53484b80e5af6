// Which year and quarter a page opens on when the URL does not say.
import { todayInVietnam } from "@/domain/format";
import { yearsWithPlans } from "@/server/review/queries";

export async function choosePeriod(communeIds: string[], params: { nam?: string; quy?: string }) {
  const years = await yearsWithPlans(communeIds);
  const today = todayInVietnam();
  const currentYear = Number(today.slice(0, 4));
  const currentQuarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const askedYear = Number(params.nam);
  const year = Number.isInteger(askedYear) && askedYear >= 2000 && askedYear <= 2100 ? askedYear : years.includes(currentYear) || years.length === 0 ? currentYear : years[0];
  const askedQuarter = Number(params.quy);
  const quarter = [1, 2, 3, 4].includes(askedQuarter) ? askedQuarter : year === currentYear ? currentQuarter : 4;
  return { year, quarter, years, today };
}
