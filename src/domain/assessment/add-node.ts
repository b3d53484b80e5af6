// Adding one area, criterion or sub-criterion by hand to a draft set's criteria: appended at
// the end of its parent, refused when its code is already used where a clerk would read it
// (area codes in the set; criterion and sub-criterion codes within their area, since a
// sub-criterion is called by "area.code"). Pure: the caller stores the new tree and shows
// the totals' warnings (structureWarnings) again.
import type { CriteriaStructure, SubCriterionDraft } from "./structure";

export type NewNode =
  | { kind: "area"; code: string; title: string }
  | { kind: "criterion"; areaCode: string; code: string; title: string }
  | { kind: "sub"; areaCode: string; criterionCode: string; sub: SubCriterionDraft };

const same = (a: string, b: string) => a.trim().toLocaleLowerCase("vi-VN") === b.trim().toLocaleLowerCase("vi-VN");

export function addNode(s: CriteriaStructure, node: NewNode): { structure: CriteriaStructure } | { problem: string } {
  if (node.kind === "area") {
    if (s.areas.some((a) => same(a.code, node.code))) return { problem: `Đã có lĩnh vực mã ${node.code}.` };
    return { structure: { areas: [...s.areas, { code: node.code.trim(), title: node.title.trim(), criteria: [] }] } };
  }
  const area = s.areas.find((a) => same(a.code, node.areaCode));
  if (!area) return { problem: `Không có lĩnh vực mã ${node.areaCode}.` };
  const withArea = (criteria: typeof area.criteria) => ({ structure: { areas: s.areas.map((a) => (a === area ? { ...a, criteria } : a)) } });
  if (node.kind === "criterion") {
    if (area.criteria.some((c) => same(c.code, node.code))) return { problem: `Lĩnh vực ${area.code} đã có tiêu chí mã ${node.code}.` };
    return withArea([...area.criteria, { code: node.code.trim(), title: node.title.trim(), subCriteria: [] }]);
  }
  const criterion = area.criteria.find((c) => same(c.code, node.criterionCode));
  if (!criterion) return { problem: `Lĩnh vực ${area.code} không có tiêu chí mã ${node.criterionCode}.` };
  if (area.criteria.some((c) => c.subCriteria.some((x) => same(x.code, node.sub.code)))) return { problem: `Lĩnh vực ${area.code} đã có tiêu chí thành phần mã ${node.sub.code}.` };
  return withArea(area.criteria.map((c) => (c === criterion ? { ...c, subCriteria: [...c.subCriteria, { ...node.sub, code: node.sub.code.trim() }] } : c)));
}
