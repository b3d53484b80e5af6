// The three kinds of plan rows, once: what each is called, which table holds it, which field
// carries its main text, and where it sorts when two rows share a position. Pages, actions,
// the outline and the import preview all read this registry instead of switching by hand.

export const ROW_KINDS = ["section", "task", "indicator"] as const;
export type RowKind = (typeof ROW_KINDS)[number];

interface RowKindInfo {
  /** In a sentence: "Xóa nhiệm vụ “…”?" */
  name: string;
  /** As a tag beside the row: "Nhiệm vụ". */
  label: string;
  /** The main text's label in a form. */
  textLabel: string;
  /** The field holding the main text, in the database and in a parsed row alike. */
  textField: "title" | "content" | "name";
  /** The audit log's entity name (the table). */
  entity: "PlanSection" | "Task" | "Indicator";
  /** Sections before tasks before indicators when positions tie. */
  order: number;
}

export const ROW_KIND: Record<RowKind, RowKindInfo> = {
  section: { name: "mục", label: "Mục", textLabel: "Tên mục", textField: "title", entity: "PlanSection", order: 0 },
  task: { name: "nhiệm vụ", label: "Nhiệm vụ", textLabel: "Nội dung nhiệm vụ", textField: "content", entity: "Task", order: 1 },
  indicator: { name: "chỉ tiêu", label: "Chỉ tiêu", textLabel: "Tên chỉ tiêu", textField: "name", entity: "Indicator", order: 2 },
};

type WithText = { title: string } | { content: string } | { name: string };

/** The row's main text: a section's title, a task's content, an indicator's name. */
export function rowMainText(kind: RowKind, item: WithText): string {
  return (item as Record<string, string>)[ROW_KIND[kind].textField] ?? "";
}

/** One line, cut to `max` characters: a row named in a message or a menu. */
export function shortText(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 3)}…` : oneLine;
}
