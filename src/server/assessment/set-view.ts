// A loaded set (with its tree) in the shape the domain checks take.
import type { CriteriaStructure, FigureRule } from "@/domain/assessment";

interface Loaded {
  areas: { code: string; title: string; criteria: { code: string; title: string; subCriteria: { code: string; text: string; maxPoints: { toNumber(): number } | number; allowHalf: boolean; guidance: string | null; expectedEvidence: string | null; scoredBy: "SELF" | "PROVINCE"; figureRule: unknown }[] }[] }[];
}

export function loadStructureOf(set: Loaded): CriteriaStructure {
  return {
    areas: set.areas.map((a) => ({
      code: a.code,
      title: a.title,
      criteria: a.criteria.map((c) => ({
        code: c.code,
        title: c.title,
        subCriteria: c.subCriteria.map((s) => ({ ...s, maxPoints: Number(s.maxPoints), figureRule: (s.figureRule as FigureRule | null) ?? null })),
      })),
    })),
  };
}
