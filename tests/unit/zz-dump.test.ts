import fs from "node:fs";
import path from "node:path";
import { it } from "vitest";
import { parsePlanText, rowPath } from "@/domain/plan-import";
const WANT: Record<string, string[]> = {
  "tan-duc-2024-par-sipas-plan.txt": ["3.1.2", "7.3.5", "8.1.1", "8.1.2", "7.1.1", "7.1.2"],
  "hanh-dung-2025-tthc-control-plan.txt": ["4", "5", "15", "19"],
  "dien-khanh-2025-par-sipas-plan.txt": ["A.VIII.6", "B.II.1.2", "B.II.2.4", "B.II.4.1", "B.II.5.3", "A.IV.3", "A.I.1", "A.II.1"],
  "tay-thuan-2025-indicators.txt": ["7.3"],
};
it("dump", () => {
  for (const [f, codes] of Object.entries(WANT)) {
    const p = parsePlanText(fs.readFileSync(path.join("prisma/demo", f), "utf8"));
    p.rows.forEach((r, i) => {
      const rp = rowPath(p.rows, i);
      if (!rp || !codes.some((c) => rp === c || rp.endsWith("." + c) || rp === "VII." + c)) return;
      if (r.type === "task") console.log(f.slice(0, 8), rp, "T", JSON.stringify({ lt: r.leadUnitText, ct: r.coordinatingText, L: r.leadUnits, C: r.coordinatingUnits, d: r.deadline.text, w: r.warnings }));
      if (r.type === "indicator") console.log(f.slice(0, 8), rp, "I", JSON.stringify({ mt: r.monitoringUnitText, it: r.implementingUnitText, M: r.monitoringUnits, I: r.implementingUnits, w: r.warnings }));
    });
  }
});
