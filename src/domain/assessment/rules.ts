// Scoring rules tied to a figure: "tỷ lệ hồ sơ trực tuyến ≥ 70 %: 1 điểm; 50–70 %: 0,5".
// Pure; shared by the criteria editor, the import and the self-assessment form.
import { foldText } from "../text";

/** One step: a figure of at least `min` (strictly more than, when `strict`) earns `points`. */
export interface RuleStep {
  min: number;
  strict?: boolean;
  points: number;
}

export interface FigureRule {
  /** Steps from the highest threshold down; below every step the score is 0. */
  steps: RuleStep[];
  /** "%" or another unit, for display only. */
  unit?: string | null;
  /** Words that find the plan indicator the figure comes from ("hồ sơ trực tuyến"). */
  indicatorHint?: string | null;
}

function num(text: string): number {
  return Number(text.replace(/\s/g, "").replace(",", "."));
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;

/**
 * Reads a rule from guidance text, or null when the text holds none. Understands, per
 * clause separated by ";" or a new line:
 *   "≥ 70 %: 1 điểm", "từ 70% trở lên: 1", "trên 90%: 1", "50–70 %: 0,5" (from 50 up),
 *   "dưới 50%: 0" (ignored: below every step is 0 anyway).
 */
export function parseFigureRule(text: string | null | undefined): FigureRule | null {
  if (!text) return null;
  const steps: RuleStep[] = [];
  let unit: string | null = null;
  for (const raw of text.normalize("NFC").split(/[;\n]+/)) {
    const clause = raw.trim();
    if (!clause) continue;
    const parts = clause.split(":");
    if (parts.length < 2) continue;
    const condition = parts.slice(0, -1).join(":");
    const pointsMatch = parts[parts.length - 1].match(new RegExp(NUMBER));
    if (!pointsMatch) continue;
    const points = num(pointsMatch[1]);
    if (/%/.test(condition)) unit = "%";
    const folded = foldText(condition);
    const range = condition.match(new RegExp(`${NUMBER}\\s*%?\\s*(?:[-–—]|đến)\\s*(?:dưới\\s*)?${NUMBER}`));
    const atLeast = condition.match(new RegExp(`(?:≥|>=|từ)\\s*${NUMBER}`, "i"));
    const more = condition.match(new RegExp(`(?:>|trên)\\s*${NUMBER}`, "i"));
    if (range) steps.push({ min: num(range[1]), points });
    else if (/(^|\s)duoi\b/.test(folded) || /[<≤]/.test(condition)) continue;
    else if (atLeast) steps.push({ min: num(atLeast[1]), points });
    else if (more) steps.push({ min: num(more[1]), strict: true, points });
  }
  if (!steps.length) return null;
  steps.sort((a, b) => b.min - a.min || Number(!!a.strict) - Number(!!b.strict));
  return { steps, unit, indicatorHint: hintOf(text) };
}

/** "Tỷ lệ hồ sơ trực tuyến ≥ 70 %: …" -> "hồ sơ trực tuyến": what the figure is, before its first threshold. */
function hintOf(text: string): string | null {
  const first = text.normalize("NFC").split(/[;\n]/)[0];
  // Only a figure the plans measure: a rate, a level or an index, named in two words or more.
  if (!/^\s*(tỷ lệ|mức độ|chỉ số)\s+\S+\s+\S+/i.test(first)) return null;
  const m = first.match(/^(.*?)(?:≥|>=|>|\btừ\b|\btrên\b|\d)/i);
  const hint = (m?.[1] ?? "").replace(/^\s*tỷ lệ\s*/i, "").replace(/[\s:,(]+$/, "").trim();
  return hint.length >= 3 ? hint : null;
}

/** Points the rule gives a figure; null when there is no figure. */
export function scoreByRule(rule: FigureRule, figure: number | null | undefined): number | null {
  if (figure === null || figure === undefined || !Number.isFinite(figure)) return null;
  for (const step of rule.steps) {
    if (step.strict ? figure > step.min : figure >= step.min) return step.points;
  }
  return 0;
}

const vi = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 2 });

/** The rule in words, as the guidance prints it. */
export function describeRule(rule: FigureRule): string {
  const u = rule.unit === "%" ? " %" : rule.unit ? ` ${rule.unit}` : "";
  const parts = rule.steps.map((s, i) => {
    const upper = i > 0 ? rule.steps[i - 1] : null;
    const cond = upper ? `${vi(s.min)}–${vi(upper.min)}${u}` : `${s.strict ? ">" : "≥"} ${vi(s.min)}${u}`;
    return `${cond}: ${vi(s.points)} điểm`;
  });
  const lowest = rule.steps[rule.steps.length - 1];
  parts.push(`dưới ${vi(lowest.min)}${u}: 0 điểm`);
  return parts.join("; ");
}

/** A rule is usable when its points fit the sub-criterion's maximum. */
export function ruleProblem(rule: FigureRule, maxPoints: number): string | null {
  const over = rule.steps.find((s) => s.points > maxPoints || s.points < 0);
  if (over) return `Quy tắc cho ${vi(over.points)} điểm, vượt điểm tối đa ${vi(maxPoints)}.`;
  return null;
}

const words = (s: string) => foldText(s).split(/[^a-z0-9%]+/).filter(Boolean);

/** Whether every word of the rule's hint is in a plan indicator's name (diacritics and case ignored). */
export function indicatorMatches(rule: FigureRule, indicatorName: string): boolean {
  if (!rule.indicatorHint) return false;
  const hint = words(rule.indicatorHint);
  const name = new Set(words(indicatorName));
  return hint.length > 0 && hint.every((w) => name.has(w));
}
