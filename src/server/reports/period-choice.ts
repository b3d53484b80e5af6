// Which year and quarter a page opens on when the URL does not say.
import "server-only";
import { todayInVietnam } from "@/domain/format";
import { quarterOf } from "@/domain/period";
import { readPeriod } from "@/domain/routes";
import { yearsWithPlans } from "@/server/review/queries";

/** `asked`: the page's searchParams or the request's URL parameters (`nam`, `quy`). */
export async function choosePeriod(communeIds: string[], asked: Parameters<typeof readPeriod>[0]) {
  const years = await yearsWithPlans(communeIds);
  const today = todayInVietnam();
  const currentYear = Number(today.slice(0, 4));
  const chosen = readPeriod(asked);
  const year = chosen.year ?? (years.includes(currentYear) || years.length === 0 ? currentYear : years[0]);
  const quarter = chosen.quarter ?? (year === currentYear ? quarterOf(today) : 4);
  return { year, quarter, years, today };
}
