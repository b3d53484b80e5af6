import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { shot, signIn } from "./helpers";

test("the Tây Thuận chairman reads the dashboard, switches period, opens an indicator and exports it", async ({ page }) => {
  test.setTimeout(240_000); // five accessibility scans and two viewports, on a shared machine
  await signIn(page, "taythuan.chutich");
  await expect(page).toHaveURL(/viec-can-lam/);
  await page.goto("/tong-quan?nam=2025&quy=3");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng quan – Xã Tây Thuận");
  await expect(page.getByText("Năm 2025, số liệu lũy kế tính đến hết Quý III")).toBeVisible();
  const cards = page.getByRole("region", { name: "Số liệu chính" });
  const card = (label: string) => cards.locator("div.rounded-lg").filter({ has: page.getByText(label, { exact: true }) }).locator("div.text-2xl");
  // Issue 21: groups start closed: counts by status and every lagging row with its unit, no table, no sparkline.
  const groups = page.locator("#chi-tieu section");
  expect(await groups.count()).toBeGreaterThan(1);
  await expect(page.locator("#chi-tieu table")).toHaveCount(0);
  await expect(page.locator("#chi-tieu svg")).toHaveCount(0);
  // Every red row is named, with who answers for it: as many as the "Chưa đạt" card says.
  const red = page.locator("#chi-tieu li").filter({ hasText: /^✖ Chưa đạt:/ });
  await expect(red).toHaveCount(Number(await card("✖ Chưa đạt").innerText()));
  await expect(page.locator("#chi-tieu li").filter({ hasText: /^⚠ Có nguy cơ:/ })).toHaveCount(Number(await card("⚠ Có nguy cơ").innerText()));
  if ((await red.count()) > 0) await expect(red.first()).toContainText(" – ");
  await expect(page.getByRole("heading", { name: "Trách nhiệm theo đơn vị" })).toBeVisible();
  await page.screenshot(shot("dashboard-1366"));
  const closedAxe = await new AxeBuilder({ page }).analyze();
  expect(closedAxe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

  // Opening one group shows its rows with targets, year to date and the quarter sparklines.
  await page.getByRole("link", { name: "Mở nhóm Chỉ số CCHC (PAR Index)" }).click();
  await expect(page).toHaveURL(/nhom=par/);
  await expect(page.locator("#nhom-par table tbody tr").first()).toBeVisible();
  await expect(page.locator("#chi-tieu table")).toHaveCount(1);
  await page.screenshot(shot("dashboard-group-1366"));

  // With every group open, each status card counts exactly the indicator rows that carry that status.
  await page.getByRole("link", { name: "Mở tất cả các nhóm" }).click();
  await expect(page).toHaveURL(/nhom=tat-ca/);
  const statusCells = page.locator("#chi-tieu tbody tr td:nth-child(5) > span:first-child");
  const shown = (await statusCells.allInnerTexts()).map((s) => s.replace(/^\S+\s*/, "").trim());
  expect(shown.length).toBeGreaterThan(5);
  for (const [label, status] of [
    ["✔ Đạt", "Đạt"],
    ["⚠ Có nguy cơ", "Có nguy cơ"],
    ["✖ Chưa đạt", "Chưa đạt"],
    ["… Chưa có số liệu", "Chưa có số liệu"],
  ]) {
    await expect(card(label), label).toHaveText(String(shown.filter((s) => s === status).length));
  }
  expect(shown.filter((s) => s === "Đạt").length + shown.filter((s) => s === "Chưa đạt").length).toBeGreaterThan(0);
  // Issue 17: the sparklines say their figures and their target line in words.
  await expect(page.getByRole("img", { name: /Quý I: .*; chỉ tiêu \d+%$/ }).first()).toBeVisible();

  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

  // Switch the "as of" quarter: the subtitle and figures follow.
  await page.getByRole("navigation", { name: "Chọn quý" }).getByRole("link", { name: "Quý I", exact: true }).click();
  await expect(page).toHaveURL(/nam=2025&quy=1/);
  await expect(page.getByText(/tính đến hết Quý I ·/)).toBeVisible();

  // Detail of the PAR Index row.
  await page.getByRole("link", { name: "Mở nhóm Chỉ số CCHC (PAR Index)" }).click();
  await page.getByRole("link", { name: "Chỉ số cải cách hành chính của xã (PAR INDEX)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("PAR INDEX");
  await expect(page.getByText("Có vị trí cải thiện so với năm 2024")).toBeVisible();
  await expect(page.getByRole("table").getByRole("row")).not.toHaveCount(1);
  // Issue 17: the trend chart draws last year's rank as the line to beat, with labelled axes.
  const chart = page.getByRole("img", { name: /^Biểu đồ Chỉ số cải cách hành chính.*năm trước: hạng 14$/ });
  await expect(chart).toBeVisible();
  await expect(chart.getByText("Thứ hạng", { exact: true })).toBeVisible();
  await expect(chart.getByText("Năm trước: hạng 14")).toBeVisible();
  await page.screenshot(shot("indicator-chart-1366"));
  await page.getByRole("link", { name: "← Tổng quan" }).click();
  await expect(page).toHaveURL(/nam=2025&quy=1/);
  await expect(page.getByText(/tính đến hết Quý I ·/)).toBeVisible();

  // Export: the workbook holds the commune, the period and the same figures.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải Excel" }).click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file!);
  const ws = wb.getWorksheet("Chỉ tiêu")!;
  expect(String(ws.getCell("A2").value)).toContain("Xã Tây Thuận");
  expect(String(ws.getCell("A3").value)).toBe("Năm 2025 – số liệu lũy kế đến hết Quý I");
  const header = ws.getRow(6).values as unknown[];
  expect(header).toContain("Chỉ tiêu năm (theo văn bản)");
  let parRow = 0;
  ws.eachRow((row, n) => {
    if (String(row.getCell(3).value).includes("PAR INDEX")) parRow = n;
  });
  expect(parRow).toBeGreaterThan(6);
  expect(ws.getRow(parRow).getCell(4).value).toBe("Có vị trí cải thiện so với năm 2024");

  await page.setViewportSize({ width: 390, height: 844 });
  // Issue 17: on a phone the tables are cards: nothing scrolls sideways.
  for (const [path, name] of [
    ["/tong-quan?nam=2025&quy=3", "dashboard-phone"],
    ["/tong-quan?nam=2025&quy=3&nhom=par", "dashboard-group-phone"],
  ]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    const phoneAxe = await new AxeBuilder({ page }).analyze();
    expect(phoneAxe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await page.screenshot(shot(name));
  }
});

test("a chairman cannot open another commune's indicator", async ({ page, browser }) => {
  await signIn(page, "taythuan.chutich");
  await page.goto("/tong-quan?nam=2025&quy=3&nhom=par");
  const href = await page.getByRole("link", { name: "Chỉ số cải cách hành chính của xã (PAR INDEX)" }).getAttribute("href");
  const other = await browser.newPage();
  await signIn(other, "hanhdung.chutich");
  await other.goto(href!);
  await expect(other.getByRole("alert").filter({ hasText: "Không có quyền truy cập" })).toBeVisible();
  await other.close();
});
