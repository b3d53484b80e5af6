// Issue 14: an approved report is a record. The province approves Diên Khánh's Q2/2025; the
// clerk then changes the earlier, still-draft Q1 figure; the reviewer and the commune see
// "đã thay đổi sau khi duyệt" with what changed, the approved year-to-date and verdict stay as
// approved, and the Word report downloaded again is the one that was approved.
//
// Its own commune and quarters: the demo seeds no report for Diên Khánh's Q1 and Q2, and no
// other journey touches them (the others use Diên Khánh's Q3, Hành Dũng's Q3/Q4, Tây Thuận and
// Tân Đức), so this journey neither depends on nor disturbs their state. Its row is one no other
// journey fills.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { explainRedRows, expectSubmitted, findRow, noSeriousAxe, shot, signIn } from "./helpers";
import { unzip } from "../support/zip";

const YEAR = 2025;
const ROW = "Tỷ lệ cấp kết quả giải quyết TTHC điện tử"; // target: 100%
const url = (quarter: number) => `/bao-cao?nam=${YEAR}&quy=${quarter}`;
const row = (page: Page) => page.locator("tr[data-row]").filter({ hasText: ROW }).first();

async function fill(page: Page, quarter: number, numerator: string, denominator: string) {
  await page.goto(url(quarter));
  await findRow(page, ROW);
  await row(page).getByLabel("Tử số").fill(numerator);
  await row(page).getByLabel("Mẫu số").fill(denominator);
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.locator("[data-report-form] [role=status]").filter({ hasText: "Đã lưu 1 dòng" })).toBeVisible();
}

/** The row as approved: year-to-date 105/105 = 100 %, Đạt. */
async function expectApprovedFigures(page: Page) {
  // In whichever part of the report it is: one part is shown at a time (issue 21).
  await findRow(page, ROW);
  await expect(row(page).locator('td[data-label="Lũy kế năm"]')).toContainText("100%");
  await expect(row(page).locator('td[data-label="Lũy kế năm"]')).toContainText("105/105");
  await expect(row(page).locator('td[data-label="Trạng thái"]')).toContainText("✔Đạt");
}

/**
 * No serious or critical axe finding; screenshots at 1366 and 390 px wide (looked at by hand).
 * `top`: the screen as it opens (where the record's notice and flag are) rather than the whole
 * page: a report is 70 rows, over 20 000 px tall on a phone, slow to capture on a busy machine.
 */
async function checkPage(page: Page, name: string, { top = false } = {}) {
  await noSeriousAxe(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ ...shot(`${name}-1366`), fullPage: !top });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ ...shot(`${name}-390`), fullPage: !top });
  await page.setViewportSize({ width: 1366, height: 768 });
}

async function wordText(page: Page): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải báo cáo (Word)" }).click();
  const file = await (await download).path();
  return unzip(fs.readFileSync(file!)).get("word/document.xml")!.toString("utf8");
}

test("approved Q2 keeps its figures after the clerk edits Q1; the reviewer and the commune see what changed", async ({ browser }) => {
  // Four people in turn, each signing in (a slow password check on a shared machine), two
  // downloads, axe on two long pages: about 4 minutes here, more when the machine is busy.
  test.setTimeout(600_000);
  const clerk = await browser.newPage();
  await signIn(clerk, "dienkhanh.canbo");
  await fill(clerk, 1, "50", "50");
  await fill(clerk, 2, "55", "55");

  const chairman = await browser.newPage();
  await signIn(chairman, "dienkhanh.chutich");
  await chairman.goto(url(2));
  await expectApprovedFigures(chairman);
  // Issue 17: red rows go up with their cause and remedy.
  await explainRedRows(chairman);
  chairman.once("dialog", (d) => d.accept());
  await chairman.getByRole("button", { name: "Nộp báo cáo" }).click();
  await expectSubmitted(chairman);
  // Submitted with the Q1 figure it adds up: nothing has changed since.
  await expect(chairman.getByText(/Đã thay đổi sau khi/)).toHaveCount(0);
  await chairman.close();

  // A page of its own context: axe analyses only such pages.
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "khanhhoa.thamdinh");
  await reviewer.goto(`/xet-duyet?nam=${YEAR}`);
  await reviewer.getByRole("link", { name: /Xã Diên Khánh Quý II: Đã nộp/ }).click();
  await expect(reviewer.getByRole("heading", { level: 1 })).toContainText(`Xã Diên Khánh: báo cáo Quý II năm ${YEAR}`);
  reviewer.once("dialog", (d) => d.accept());
  await reviewer.getByRole("button", { name: "✔ Duyệt" }).click();
  await expect(reviewer.getByText("Đã duyệt.")).toBeVisible();
  await reviewer.reload();
  await expectApprovedFigures(reviewer);
  // Submitted after the quarter ended: judged as of its last day, and the page says which day.
  await expect(reviewer.getByText(/^Nội dung báo cáo như đã nộp lúc/)).toContainText(`thời hạn nhiệm vụ được xét tại ngày 30/06/${YEAR} (ngày cuối quý).`);
  const approvedWord = await wordText(reviewer);
  expect(approvedWord).toContain(ROW);
  expect(approvedWord).not.toContain("DỰ THẢO");
  await expect(reviewer.getByText(/Đã thay đổi sau khi duyệt/)).toHaveCount(0);

  // The clerk changes the earlier quarter (Q1 is still a draft): live, the year-to-date would
  // now be 95/105, chưa đạt.
  await fill(clerk, 1, "40", "50");

  await reviewer.reload();
  const flag = reviewer.getByRole("alert").filter({ hasText: "Đã thay đổi sau khi duyệt" });
  await expect(flag).toBeVisible();
  const change = flag.getByRole("row").filter({ hasText: ROW }).filter({ hasText: "Số liệu Quý I" });
  await expect(change).toContainText("50/50");
  await expect(change).toContainText("40/50");
  // The report keeps what was approved: year-to-date and verdict, and the same Word document.
  await expectApprovedFigures(reviewer);
  await expect(reviewer.getByRole("button", { name: "Mở lại hồ sơ" })).toBeVisible();
  expect(await wordText(reviewer)).toBe(approvedWord);
  await checkPage(reviewer, "record-changed-after-approval", { top: true });

  // The commune sees the same flag on its own approved report.
  await clerk.goto(url(2));
  await expect(clerk.getByRole("alert").filter({ hasText: "Đã thay đổi sau khi duyệt" })).toBeVisible();
  await expectApprovedFigures(clerk);
  await clerk.setViewportSize({ width: 390, height: 844 });
  await clerk.screenshot({ ...shot("record-commune-view-390"), fullPage: false });

  // ...and on the chairman's dashboard of that period, which reads the approved record too.
  const board = await (await browser.newContext()).newPage();
  await signIn(board, "dienkhanh.chutich");
  await board.goto(`/tong-quan?nam=${YEAR}&quy=2`);
  const boardFlag = board.getByRole("alert").filter({ hasText: "Đã thay đổi sau khi duyệt" });
  await expect(boardFlag).toBeVisible();
  await expect(boardFlag.getByRole("row").filter({ hasText: "Số liệu Quý I" })).toContainText("40/50");
  await checkPage(board, "record-dashboard-flag");
});

test("the admin sets whether a province reviews its communes' plans", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await admin.getByRole("link", { name: "Thẩm định kế hoạch" }).first().click();
  await expect(admin.getByRole("heading", { name: "Thẩm định kế hoạch của xã" })).toBeVisible();
  await checkPage(admin, "plan-review-setting");

  const first = admin.getByRole("listitem").filter({ has: admin.getByRole("button", { name: "Lưu cài đặt" }) }).first();
  await expect(first.getByText("Có thẩm định", { exact: true })).toBeVisible();
  await first.getByLabel("Có hiệu lực khi xã ban hành (tỉnh không thẩm định)").check();
  await first.getByRole("button", { name: "Lưu cài đặt" }).click();
  await expect(first.getByText("Đã lưu cài đặt thẩm định kế hoạch.")).toBeVisible();
  await admin.reload();
  await expect(first.getByText("Không thẩm định", { exact: true })).toBeVisible();
  // Back to the demo's setting, for the other journeys.
  await first.getByLabel("Có hiệu lực khi cấp trên phê duyệt (tỉnh thẩm định)").check();
  await first.getByRole("button", { name: "Lưu cài đặt" }).click();
  await expect(first.getByText("Đã lưu cài đặt thẩm định kế hoạch.")).toBeVisible();
});
