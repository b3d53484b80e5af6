import { expect, test, type Page } from "@playwright/test";
import { explainRedRows, findRow, noSeriousAxe, shot, signIn, expectSubmitted } from "./helpers";

const RATIO = "Tỷ lệ hồ sơ trực tuyến toàn trình";

/** Today as the pages print it (dd/mm/yyyy, Vietnam). */
function todayVn() {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());
}

/** The row, in whichever part of the report it is (one part is shown at a time, issue 21). */
async function reportRow(page: Page) {
  return findRow(page, RATIO);
}

// The first sign-in after the server starts is slow on a busy machine: done once before the journey.
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill("dienkhanh.chutich");
  await page.getByLabel("Mật khẩu").fill("Demo@2025");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/dang-nhap/, { timeout: 60_000 });
  await page.close();
});

// Its own quarter: Diên Khánh Q4 2025, which no other spec touches (reporting.spec submits Q3;
// unit-register.spec imports its draft plan into 2026, so Diên Khánh's 2025 plans stay in force).
// The journey ends where it began (report reopened to the commune, the clerk's permission to
// submit withdrawn), so it does the same whatever ran before, itself included (--repeat-each).
const YEAR = 2025;
const QUARTER = 4;
const REPORT = `/bao-cao?nam=${YEAR}&quy=${QUARTER}`;

test("Diên Khánh Q4: submitted by the clerk, returned with a row comment, corrected, resubmitted, approved and locked, then reopened", async ({ browser }) => {
  // The whole cycle, by three people, twice over, then reopened: longer than one page's journey
  // (2.5–3.5 min here, over 5 under a load of ~20 on the shared 2 cores).
  test.setTimeout(480_000);
  const chairman = await browser.newPage();
  await signIn(chairman, "dienkhanh.chutich");
  // The chairman lets the clerk submit on the commune's behalf (withdrawn again at the end).
  await chairman.goto("/tai-khoan");
  const toggle = chairman.getByLabel(/Công chức Văn phòng – Diên Khánh: được nộp/);
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(chairman.getByText("Đã cho phép nộp báo cáo.")).toBeVisible();

  const clerk = await browser.newPage();
  await signIn(clerk, "dienkhanh.canbo");
  await clerk.goto(REPORT);
  await expect(clerk.getByRole("heading", { level: 1 })).toHaveText(`Báo cáo Quý IV năm ${YEAR}`);
  const first = await reportRow(clerk);
  await first.getByLabel("Tử số").fill("40");
  await first.getByLabel("Mẫu số").fill("60");
  await clerk.getByRole("button", { name: "Lưu" }).click();
  await expect(clerk.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
  // Issue 17: red rows go up with their reason.
  await explainRedRows(clerk);
  clerk.once("dialog", (d) => d.accept());
  await clerk.getByRole("button", { name: "Nộp báo cáo" }).click();
  await expectSubmitted(clerk);
  // The read-only page keeps saying it went up, and when (the form's own message is gone).
  await expect(clerk.getByRole("status").filter({ hasText: "đang chờ cấp trên xét duyệt" })).toContainText(`Đã nộp ngày ${todayVn()}`);
  await clerk.setViewportSize({ width: 1366, height: 768 });
  await clerk.screenshot({ path: "tests/e2e/screenshots/report-submitted-notice-1366.png" });

  // The province reviewer sees it waiting in the matrix and returns it with a row comment.
  // Its own context: axe needs one.
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "khanhhoa.thamdinh");
  await expect(reviewer).toHaveURL(/xet-duyet/);
  await reviewer.goto(`/xet-duyet?nam=${YEAR}`);
  const matrixRow = reviewer.getByRole("row", { name: /Xã Diên Khánh/ });
  await expect(matrixRow.getByRole("link", { name: "Xã Diên Khánh Quý IV: Đã nộp" })).toBeVisible();
  // The chips count the cells the matrix shows (one commune: its four quarters).
  const submittedCells = await matrixRow.getByRole("link", { name: /: Đã nộp$/ }).count();
  await expect(reviewer.locator("[data-chip=SUBMITTED]")).toHaveText(`Đã nộp: ${submittedCells}`);
  await reviewer.screenshot(shot("review-matrix"));
  await reviewer.setViewportSize({ width: 390, height: 844 });
  await reviewer.screenshot(shot("review-matrix-390"));
  await reviewer.setViewportSize({ width: 1366, height: 768 });
  await reviewer.getByRole("link", { name: "Xã Diên Khánh Quý IV: Đã nộp" }).click();
  await expect(reviewer.getByRole("heading", { level: 1 })).toContainText(`Xã Diên Khánh: báo cáo Quý IV năm ${YEAR}`);
  await reviewer.getByLabel("Ý kiến chung (bắt buộc khi trả lại)").fill("Đề nghị rà soát lại số liệu hồ sơ trực tuyến.");
  // Issue 17: the row comment is written on the row itself, not picked from a list above.
  const commented = await reportRow(reviewer);
  await commented.getByRole("button", { name: /Nhận xét dòng/ }).click();
  await commented.getByLabel("Nhận xét của cấp trên cho dòng này (gửi kèm khi trả lại)").fill("Mẫu số chưa khớp số liệu trên Cổng dịch vụ công.");
  // Hiding the row with a filter keeps what was typed on it.
  await reviewer.getByLabel("Tìm chỉ tiêu, nhiệm vụ").fill("khong co dong nao nhu vay");
  await reviewer.getByLabel("Tìm chỉ tiêu, nhiệm vụ").fill("");
  await expect((await reportRow(reviewer)).getByLabel("Nhận xét của cấp trên cho dòng này (gửi kèm khi trả lại)")).toHaveValue("Mẫu số chưa khớp số liệu trên Cổng dịch vụ công.");
  await reviewer.screenshot(shot("review-page"));
  await reviewer.getByRole("button", { name: "↩ Trả lại" }).click();
  await expect(reviewer.getByText("Đã trả lại cho xã kèm ý kiến.")).toBeVisible();

  // The clerk sees the return in the menu, at the top of the report and on the row.
  await clerk.goto("/tong-quan");
  await expect(clerk.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: /Báo cáo quý.*trả lại/ })).toBeVisible();
  await clerk.goto(REPORT);
  await expect(clerk.getByRole("alert").filter({ hasText: "Báo cáo bị trả lại" })).toContainText("Đề nghị rà soát lại số liệu hồ sơ trực tuyến.");
  const row = await reportRow(clerk);
  await expect(row.getByRole("note")).toContainText("Mẫu số chưa khớp số liệu trên Cổng dịch vụ công.");
  await row.getByLabel("Mẫu số").fill("64");
  await clerk.getByRole("button", { name: "Lưu" }).click();
  await expect(clerk.getByRole("status").filter({ hasText: "Đã lưu 1 dòng" })).toBeVisible();
  await explainRedRows(clerk);
  clerk.once("dialog", (d) => d.accept());
  await clerk.getByRole("button", { name: "Nộp báo cáo" }).click();
  await expectSubmitted(clerk);

  // Issue 17: the reviewer sees what changed since the return, on the row, before → after,
  // beside the comment left on it; at 1366 px and on a phone.
  await reviewer.reload();
  await expect(reviewer.getByRole("note").filter({ hasText: "Nộp lại sau khi trả lại" })).toContainText("dòng đã sửa");
  const changedRow = await reportRow(reviewer);
  await expect(changedRow.getByRole("group", { name: "Đã sửa sau khi trả lại" })).toContainText(/Số liệu Quý IV: \S+\/[\d.]+ → \S+\/64/);
  await expect(changedRow.getByRole("note")).toContainText("Mẫu số chưa khớp số liệu trên Cổng dịch vụ công.");
  const allRows = await reviewer.locator("tr[data-row]").count();
  await reviewer.getByRole("button", { name: "Chỉ xem các dòng đã sửa" }).click();
  // Only changed rows remain, the corrected one among them, and fewer than before.
  await expect(reviewer.locator("tr[data-row]:not(:has([data-changed-since-return]))")).toHaveCount(0);
  await expect(reviewer.locator("tr[data-row]").filter({ hasText: RATIO })).not.toHaveCount(0);
  expect(await reviewer.locator("tr[data-row]").count()).toBeLessThan(allRows);
  await reviewer.screenshot(shot("review-changed-since-return"));
  await noSeriousAxe(reviewer);
  await reviewer.setViewportSize({ width: 390, height: 844 });
  await expect(changedRow.getByRole("group", { name: "Đã sửa sau khi trả lại" })).toBeVisible();
  await changedRow.scrollIntoViewIfNeeded();
  await reviewer.screenshot({ path: "tests/e2e/screenshots/review-changed-since-return-390.png" });
  await noSeriousAxe(reviewer);
  await reviewer.setViewportSize({ width: 1366, height: 768 });

  // The reviewer approves; the report is locked for the clerk; history shows every step.
  await reviewer.reload();
  reviewer.once("dialog", (d) => d.accept());
  await reviewer.getByRole("button", { name: "✔ Duyệt" }).click();
  await expect(reviewer.getByText("Đã duyệt.")).toBeVisible();
  await clerk.reload();
  await expect(clerk.getByText("Báo cáo đã được duyệt và khóa.")).toBeVisible();
  // A locked report is shown as text, not as (disabled) inputs.
  await expect((await reportRow(clerk)).getByLabel("Mẫu số")).toHaveCount(0);
  await expect(clerk.getByRole("button", { name: "Lưu" })).toHaveCount(0);
  const history = clerk.getByRole("region", { name: "Lịch sử nộp và xét duyệt" });
  // Newest first: approved, the clerk's resubmission, the return, the first submission.
  const steps = history.getByRole("listitem");
  await expect(steps.nth(0)).toContainText(/^Duyệt – .*\(Đã nộp → Đã duyệt\)/);
  await expect(steps.nth(1)).toContainText(/^Nộp – .*→ Đã nộp\)/);
  await expect(steps.nth(2)).toContainText(/^Trả lại – .*\(Đã nộp → Trả lại\)/);
  await expect(steps.nth(3)).toContainText(/^Nộp – .*→ Đã nộp\)/);
  await expect(history).toContainText("Trả lại – Cán bộ thẩm định – Tỉnh Khánh Hòa");
  await expect(history).toContainText("Duyệt – Cán bộ thẩm định – Tỉnh Khánh Hòa");

  // The reviewer reopens it with a reason: it goes back to the commune, editable again.
  await reviewer.getByLabel("Lý do mở lại (bắt buộc)").fill("Mở lại để xã bổ sung số liệu quý IV (kiểm thử).");
  await reviewer.getByRole("button", { name: "Mở lại hồ sơ" }).click();
  await expect(reviewer.getByText("Đã mở lại hồ sơ và chuyển về xã.")).toBeVisible();
  await clerk.reload();
  await expect((await reportRow(clerk)).getByLabel("Mẫu số")).toHaveValue("64");
  await expect(clerk.getByRole("button", { name: "Nộp báo cáo" })).toBeVisible();
  // The chairman withdraws the clerk's permission again.
  await chairman.reload();
  await toggle.uncheck();
  await expect(chairman.getByText("Đã thu hồi quyền nộp báo cáo.")).toBeVisible();
  await chairman.close();

  // Comparison across the reviewer's communes.
  await reviewer.goto(`/so-sanh?nam=${YEAR}&quy=${QUARTER}`);
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText("So sánh các xã");
  await expect(reviewer.getByRole("row", { name: /Xã Diên Khánh/ })).toBeVisible();
  // Issue 17: a whole group by default, and it says how many indicators the ranking covers.
  await expect(reviewer.getByRole("status").filter({ hasText: "Đang so sánh" })).toContainText(/Đang so sánh \d+ chỉ tiêu – cả nhóm /);
  await expect(reviewer.getByRole("radio", { checked: true })).toHaveCount(1);
  // Issue 21: a cell is its figure; its status words are stated once in the table's style and
  // still reach what a screen reader announces for the row.
  await expect(reviewer.getByRole("row", { name: /Xã Diên Khánh .*(✔ Đạt|✖ Chưa đạt|⚠ Có nguy cơ|… Chưa có số liệu|○ Không đặt chỉ tiêu)/ })).toBeVisible();
  await expect(reviewer.getByRole("img", { name: /^Tỷ lệ chỉ tiêu đạt: .*Xã Diên Khánh \d/ })).toBeVisible();
  await noSeriousAxe(reviewer);
  await reviewer.screenshot(shot("review-comparison"));
  await reviewer.setViewportSize({ width: 390, height: 844 });
  await reviewer.screenshot(shot("review-comparison-390"));
  await reviewer.setViewportSize({ width: 1366, height: 768 });
  await clerk.close();
  await reviewer.context().close();
});
