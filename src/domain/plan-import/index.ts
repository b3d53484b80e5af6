// Plan import: pure parsers from a plan document (text or table cells) to ParsedPlan.

export type * from "./types";
export { parsePlanText, HEADLINE_SECTION_TITLE } from "./plan-text";
export { parsePlanGrid, rowPath, type GridLine } from "./grid";
export { parseTarget } from "./target";
export { parseDeadline } from "./deadline";
export { splitUnits, normalizeUnitKey, matchUnits } from "./units";
export { classifyIndicatorGroup, inferValueKind } from "./classify";
