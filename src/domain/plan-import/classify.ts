// Which index an indicator feeds, and how its value is entered.

import { foldText } from "../text";
import type { IndicatorGroup, ParsedTarget, ValueKind } from "./types";

/** Keyword rules on folded names, tried in order; the first match wins. */
const GROUP_RULES: [IndicatorGroup, RegExp][] = [
  ["PAR_INDEX", /\bpar\b|par ?- ?index|parindex|chi so cai cach hanh chinh|chi so cchc/],
  ["SIPAS", /\bsipas\b|\bhai long\b/],
  ["PCI", /\bpci\b|nang luc canh tranh/],
  ["DTI", /\bdti\b|chuyen doi so/],
  [
    "ONLINE_SERVICES",
    /dich vu cong|truc tuyen|\bho so (truc tuyen|tthc|thu tuc|giai quyet|tiep nhan|dich vu|dien tu)|\btthc\b|thu tuc hanh chinh|thanh toan|\bso hoa\b|phan anh|kien nghi|\bpakn\b|ket qua giai quyet|mot cua/,
  ],
];

export function classifyIndicatorGroup(name: string): IndicatorGroup {
  const folded = foldText(name ?? "");
  for (const [group, pattern] of GROUP_RULES) if (pattern.test(folded)) return group;
  return "OTHER";
}

/** Satisfaction and index scores are numbers even when written in %. */
function isScore(name: string, group: IndicatorGroup): boolean {
  if (group === "PAR_INDEX" || group === "SIPAS" || group === "PCI") return true;
  // "Chỉ số chuyển đổi số (DTI)" is a score; "Số đơn vị ... chuyển đổi số" is a plain share.
  return group === "DTI" && /\bchi so\b/.test(foldText(name));
}

export function inferValueKind(
  name: string,
  target: ParsedTarget,
  measurementUnit: string | null,
  group: IndicatorGroup = classifyIndicatorGroup(name),
): ValueKind {
  if (target.rule === "BETTER_RANK") return "RANK";
  if (target.rule === "DONE") return "BOOLEAN";
  if (isScore(name, group)) return "NUMBER";
  const percent = target.unit === "%" || (measurementUnit ?? "").trim() === "%";
  if (/^ty le\b/.test(foldText(name ?? "")) || percent) return "RATIO";
  return "NUMBER";
}
