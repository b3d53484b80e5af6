// A plan's rows as a tree (sections hold sections, tasks and indicators; an indicator holds
// its "-" sub-rows) and its document order. Sections, tasks and indicators share one
// `position` sequence, so any change of order is made on the tree and written back as
// positions in depth-first order: a section always moves with everything inside it.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { Prisma as P } from "@/server/db";

type Tx = Prisma.TransactionClient;

export type RowKind = "section" | "task" | "indicator";

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

export async function loadOutline(tx: Tx, planId: string): Promise<OutlineNode[]> {
  const [sections, tasks, indicators] = await Promise.all([
    tx.planSection.findMany({ where: { planId }, select: { id: true, parentId: true, position: true, code: true, title: true } }),
    tx.task.findMany({ where: { planId }, select: { id: true, sectionId: true, position: true, code: true, content: true } }),
    tx.indicator.findMany({ where: { planId }, select: { id: true, sectionId: true, parentId: true, position: true, code: true, name: true } }),
  ]);
  return [
    ...sections.map((s) => ({ kind: "section" as const, id: s.id, parent: s.parentId, position: s.position, stored: s.position, code: s.code, label: s.title })),
    ...tasks.map((t) => ({ kind: "task" as const, id: t.id, parent: t.sectionId, position: t.position, stored: t.position, code: t.code, label: t.content })),
    ...indicators.map((i) => ({
      kind: "indicator" as const,
      id: i.id,
      parent: i.parentId ?? i.sectionId,
      position: i.position,
      stored: i.position,
      code: i.code,
      label: i.name,
    })),
  ];
}

const KIND_ORDER: Record<RowKind, number> = { section: 0, task: 1, indicator: 2 };

function byPosition(a: OutlineNode, b: OutlineNode): number {
  return a.position - b.position || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id);
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
    if (!node) return;
    out.push(node);
    for (const child of nodes.filter((n) => n.parent === nodeId)) visit(child.id);
  };
  visit(id);
  return out;
}

const TABLE: Record<RowKind, string> = { section: "PlanSection", task: "Task", indicator: "Indicator" };

/** Writes positions 0..n-1 in document order, only for rows whose position changes. */
export async function writeDocumentOrder(tx: Tx, nodes: OutlineNode[]): Promise<void> {
  const ordered = documentOrder(nodes);
  for (const kind of ["section", "task", "indicator"] as const) {
    const changed = ordered.map((n, position) => ({ n, position })).filter(({ n, position }) => n.kind === kind && n.stored !== position);
    if (changed.length === 0) continue;
    // One statement per table: a plan has up to a few hundred rows and the embedded
    // database pays for every round trip.
    const values = P.join(changed.map(({ n, position }) => P.sql`(${n.id}::text, ${position}::int)`));
    await tx.$executeRaw`UPDATE ${P.raw(`"${TABLE[kind]}"`)} AS t SET "position" = v.p FROM (VALUES ${values}) AS v(id, p) WHERE t."id" = v.id`;
  }
  ordered.forEach((n, position) => {
    n.position = position;
    n.stored = position;
  });
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

export const NUMBERING_STYLES = ["arabic", "roman", "upper", "lower", "prefixed"] as const;
export type NumberingStyle = (typeof NUMBERING_STYLES)[number];

export const NUMBERING_LABEL: Record<NumberingStyle, string> = {
  arabic: "1, 2, 3…",
  roman: "I, II, III…",
  upper: "A, B, C…",
  lower: "a, b, c…",
  prefixed: "Số của mục + .1, .2… (ví dụ 3.1, 3.2)",
};

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let out = "";
  for (const [value, letters] of table) while (n >= value) {
    out += letters;
    n -= value;
  }
  return out;
}

function letters(n: number): string {
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
