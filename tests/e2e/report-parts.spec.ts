// Issue 21: the report page shows one part (top-level section) at a time, the others as headings
// with their counts. A clerk types figures in one part, opens another, types there, and one
// "Lưu" saves both; a part opens from its heading, from its link (?phan=, without the finder)
// and from a link to one of its rows (#dong-<id>). At 1366 px and on a phone.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { noSeriousAxe, signIn } from "./helpers";

const URL = "/bao-cao?nam=2025&quy=3";

/** A figure other than the one the field holds, so that every run changes the row. */
async function another(input: Locator) {
  return String(1 + (Number((await input.inputValue()) || 0) % 7));
}

const ratioRows = (page: Page) => page.locator("[data-report-form] tr[data-row]").filter({ has: page.getByLabel("Tử số") });

test("figures typed in two parts go in one save; a part opens from its heading, its link and a row's link", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, "hanhdung.canbo");
  await page.goto(URL);
  const parts = page.locator("[data-report-form] a[data-part]");
  expect(await parts.count()).toBeGreaterThan(2);
  const first = parts.first();
  const other = parts.filter({ hasText: "Thực hiện, giải quyết TTHC" }).first();
  // Only the open part's rows are on the page; the others are headings with their counts.
  await expect(first).toHaveAttribute("aria-expanded", "true");
  await expect(other).toHaveAttribute("aria-expanded", "false");
  await expect(other).toContainText(/\d+ dòng · đã nhập \d+\/\d+/);
  const shownFirst = await page.locator("[data-report-form] tr[data-row]").count();
  expect(shownFirst).toBeLessThan(33);

  // Part one: the second ratio row (the first is report-panel.spec's).
  const a = ratioRows(page).nth(1);
  const aId = (await a.getAttribute("data-row"))!;
  const aFigure = await another(a.getByLabel("Tử số"));
  await a.getByLabel("Tử số").fill(aFigure);
  await a.getByLabel("Mẫu số").fill("10");
  await expect(first).toContainText("1 dòng chưa lưu");

  // Another part, opened by its heading: loaded then, the first part's typing kept.
  await other.click();
  await expect(other).toHaveAttribute("aria-expanded", "true");
  await expect(first).toHaveAttribute("aria-expanded", "false");
  const b = ratioRows(page).first();
  await expect(b).toBeVisible();
  const bId = (await b.getAttribute("data-row"))!;
  const bFigure = await another(b.getByLabel("Tử số"));
  await b.getByLabel("Tử số").fill(bFigure);
  await b.getByLabel("Mẫu số").fill("10");
  await expect(page.getByText("2 dòng chưa lưu", { exact: true })).toBeVisible();
  await expect(first).toContainText("1 dòng chưa lưu");
  await noSeriousAxe(page);
  await page.screenshot({ path: "tests/e2e/screenshots/report-parts-1366.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await other.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/e2e/screenshots/report-parts-390.png" });
  await page.setViewportSize({ width: 1366, height: 768 });

  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu 2 dòng" })).toBeVisible();
  await expect(page.getByText("Không có thay đổi chưa lưu")).toBeVisible();

  // The part's link opens it from the server (works without JavaScript, can be sent).
  await page.goto((await other.getAttribute("href"))!);
  await expect(other).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator(`tr[data-row="${bId}"]`).getByLabel("Tử số")).toHaveValue(bFigure);
  // A link to a row opens the row's part (here not the one the page opens with) and shows it.
  await page.goto(`${URL}#dong-${bId}`);
  await expect(page.locator(`tr[data-row="${bId}"]`).getByLabel("Tử số")).toHaveValue(bFigure);
  await expect(page.locator(`tr[data-row="${bId}"]`)).toBeInViewport();
  await expect(other).toHaveAttribute("aria-expanded", "true");
  // The first part kept what was saved in it.
  await first.click();
  await expect(page.locator(`tr[data-row="${aId}"]`).getByLabel("Tử số")).toHaveValue(aFigure);
});
