// A plan's rows as a tree (sections hold sections, tasks and indicators; an indicator holds
// its "-" sub-rows) and its document order. Sections, tasks and indicators share one
// `position` sequence, so any change of order is made on the tree and written back as
// positions in depth-first order: a section always moves with everything inside it.
// Pure: the server loads the nodes and writes the positions back.
import { ROW_KIND, type RowKind } from "./row-kinds";

export interface OutlineNode {
  kind: RowKind;
  id: string;
  /** The enclosing section, or the main indicator of a sub-row; null at the top level. */
  parent: string | null;
  /** Where the row sorts; moves change it in memory before positions are written. */
  position: number;
  /** The position in the database, to write only rows whose place changed. */
  stored: number;
  code: string | null;
  label: string;
}

/** Sorts last among its siblings: where a new row goes before positions are rewritten. */
export const END_POSITION = 2_000_000_000;

function byPosition(a: OutlineNode, b: OutlineNode): number {
  return a.position - b.position || ROW_KIND[a.kind].order - ROW_KIND[b.kind].order || a.id.localeCompare(b.id);
}

export function childrenOf(nodes: OutlineNode[], parent: string | null): OutlineNode[] {
  return nodes.filter((n) => n.parent === parent).sort(byPosition);
}

/** Depth-first document order. A row whose parent is missing is kept, at the end. */
export function documentOrder(nodes: OutlineNode[]): OutlineNode[] {
  const byParent = new Map<string | null, OutlineNode[]>();
  for (const n of nodes) byParent.set(n.parent, [...(byParent.get(n.parent) ?? []), n]);
  for (const list of byParent.values()) list.sort(byPosition);
  const out: OutlineNode[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null) => {
    for (const n of byParent.get(parent) ?? []) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      out.push(n);
      visit(n.id);
    }
  };
  visit(null);
  out.push(...[...nodes].sort(byPosition).filter((n) => !seen.has(n.id)));
  return out;
}

/** The node and every row inside it. */
export function subtreeOf(nodes: OutlineNode[], id: string): OutlineNode[] {
  const out: OutlineNode[] = [];
  const visit = (nodeId: string) => {
    const node = nodes.find((n) => n.id === nodeId);
    if (!node || out.includes(node)) return;
    out.push(node);
    for (const child of nodes.filter((n) => n.parent === nodeId)) visit(child.id);
  };
  visit(id);
  return out;
}

/** Swaps a row with its previous or next sibling; false when it is already first or last. */
export function moveAmongSiblings(nodes: OutlineNode[], id: string, direction: "up" | "down"): boolean {
  const node = nodes.find((n) => n.id === id);
  if (!node) return false;
  const siblings = childrenOf(nodes, node.parent);
  const at = siblings.findIndex((n) => n.id === id);
  const other = siblings[direction === "up" ? at - 1 : at + 1];
  if (!other) return false;
  [node.position, other.position] = [other.position, node.position];
  if (node.position === other.position) node.position += direction === "up" ? -0.5 : 0.5;
  return true;
}

/** How deep each row sits, by id: top-level rows 0, a row inside a section one deeper. */
export function depths(nodes: OutlineNode[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of documentOrder(nodes)) out.set(n.id, n.parent === null ? 0 : (out.get(n.parent) ?? -1) + 1);
  return out;
}

// ---- numbering -------------------------------------------------------------------------------

export const NUMBERING_STYLES = ["arabic", "roman", "upper", "lower", "prefixed"] as const;
export type NumberingStyle = (typeof NUMBERING_STYLES)[number];

export const NUMBERING_LABEL: Record<NumberingStyle, string> = {
  arabic: "1, 2, 3…",
  roman: "I, II, III…",
  upper: "A, B, C…",
  lower: "a, b, c…",
  prefixed: "Số của mục + .1, .2… (ví dụ 3.1, 3.2)",
};

const ROMAN: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

export function roman(n: number): string {
  let out = "";
  for (const [value, letters] of ROMAN) while (n >= value) {
    out += letters;
    n -= value;
  }
  return out;
}

/** 1 -> a, 26 -> z, 27 -> aa, as spreadsheets count columns. */
export function letters(n: number): string {
  let out = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

/** The n-th (1-based) code in a style; "prefixed" puts the section's own code in front. */
export function numberingCode(style: NumberingStyle, n: number, parentCode: string | null): string {
  switch (style) {
    case "roman":
      return roman(n);
    case "upper":
      return letters(n).toUpperCase();
    case "lower":
      return letters(n);
    case "prefixed":
      return parentCode ? `${parentCode.replace(/\.+$/, "")}.${n}` : String(n);
    default:
      return String(n);
  }
}

// ---- a loaded plan's rows ----------------------------------------------------------------------

interface StoredSection { id: string; parentId: string | null; position: number; code: string | null; title: string }
interface StoredTask { id: string; sectionId: string | null; position: number; code: string | null; content: string }
interface StoredIndicator { id: string; sectionId: string | null; parentId: string | null; position: number; code: string | null; name: string }

export type PlanRow<S, T, I> = { type: "section"; item: S } | { type: "task"; item: T } | { type: "indicator"; item: I };

/** Sections, tasks and indicators in one list, in document order (they share one position sequence). */
export function planRows<S extends { position: number }, T extends { position: number }, I extends { position: number }>(plan: { sections: S[]; tasks: T[]; indicators: I[] }): PlanRow<S, T, I>[] {
  const rows: (PlanRow<S, T, I> & { order: number })[] = [
    ...plan.sections.map((item) => ({ type: "section" as const, item, order: ROW_KIND.section.order })),
    ...plan.tasks.map((item) => ({ type: "task" as const, item, order: ROW_KIND.task.order })),
    ...plan.indicators.map((item) => ({ type: "indicator" as const, item, order: ROW_KIND.indicator.order })),
  ];
  return rows.sort((a, b) => a.item.position - b.item.position || a.order - b.order).map(({ type, item }) => ({ type, item }) as PlanRow<S, T, I>);
}

/** The outline of a loaded plan: each row with its parent (section, or main indicator for a sub-row). */
export function outlineNodes(plan: { sections: StoredSection[]; tasks: StoredTask[]; indicators: StoredIndicator[] }): OutlineNode[] {
  const node = (kind: RowKind, id: string, parent: string | null, position: number, code: string | null, label: string): OutlineNode => ({ kind, id, parent, position, stored: position, code, label });
  return [
    ...plan.sections.map((s) => node("section", s.id, s.parentId, s.position, s.code, s.title)),
    ...plan.tasks.map((t) => node("task", t.id, t.sectionId, t.position, t.code, t.content)),
    ...plan.indicators.map((i) => node("indicator", i.id, i.parentId ?? i.sectionId, i.position, i.code, i.name)),
  ];
}

/**
 * The sections that hold (at any depth) at least one row of the kind: a task table shows only
 * these headings, so a heading over indicators alone ("Chỉ tiêu chung của kế hoạch") is not an
 * empty heading among the tasks, and the indicator table keeps its headings.
 */
export function sectionsHolding(plan: { sections: { id: string; parentId: string | null }[]; tasks: { sectionId: string | null }[]; indicators: { sectionId: string | null }[] }, kind: "task" | "indicator"): Set<string> {
  const parentOf = new Map(plan.sections.map((s) => [s.id, s.parentId]));
  const out = new Set<string>();
  for (const row of kind === "task" ? plan.tasks : plan.indicators) {
    for (let id = row.sectionId; id && !out.has(id); id = parentOf.get(id) ?? null) out.add(id);
  }
  return out;
}
