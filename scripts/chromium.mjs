// Playwright drives Debian's Chromium: `npx playwright install` downloads from a host these
// machines cannot reach. Installs the package when missing (as root), else says how.
import fs from "node:fs";
import { aptInstall } from "./lib.mjs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export function ensureChromium() {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  console.log("Chưa có Chromium: đang cài gói chromium từ kho Debian…");
  if (!aptInstall(["chromium"]) || !fs.existsSync(CHROMIUM_PATH)) {
    throw new Error("Cần trình duyệt Chromium cho kiểm thử đầu-cuối: `apt-get install -y chromium` (quyền root), hoặc đặt CHROMIUM_PATH.");
  }
  return CHROMIUM_PATH;
}
