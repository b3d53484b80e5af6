// Reasons for red: an indicator chưa đạt / có nguy cơ and an overdue task go up to the
// chairman and the level above only with their cause and remedy written down.

export const RED_STATUSES: ReadonlySet<string> = new Set(["NOT_ACHIEVED", "AT_RISK"]);

export interface Explained {
  cause?: string | null;
  remedy?: string | null;
}

export const hasExplanation = (x: Explained | null | undefined) => !!x?.cause?.trim() && !!x?.remedy?.trim();

export interface RedRow {
  code: string | null;
  name: string;
  current: Explained | null;
}

const label = (r: RedRow) => `${r.code ? `${r.code}. ` : ""}${r.name.length > 60 ? `${r.name.slice(0, 60)}…` : r.name}`;

/** The submit refusal naming the rows still lacking a reason, or null when every red row has one. */
export function missingExplanationMessage(indicators: RedRow[], tasks: RedRow[]): string | null {
  const missing = [...indicators.map((r) => ({ r, kind: "chỉ tiêu" })), ...tasks.map((r) => ({ r, kind: "nhiệm vụ" }))].filter(({ r }) => !hasExplanation(r.current));
  if (!missing.length) return null;
  const shown = missing.slice(0, 8).map(({ r, kind }) => `${kind} ${label(r)}`);
  const more = missing.length > shown.length ? `; và ${missing.length - shown.length} dòng khác` : "";
  return `Chưa nộp được: ${missing.length} dòng chưa đạt, có nguy cơ hoặc quá hạn chưa có giải trình (nguyên nhân và giải pháp khắc phục): ${shown.join("; ")}${more}.`;
}
