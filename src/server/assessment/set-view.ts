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
        // Only the draft's fields: database rows carry ids and positions the domain has no use for.
        subCriteria: c.subCriteria.map((s) => ({
          code: s.code,
          text: s.text,
          maxPoints: Number(s.maxPoints),
          allowHalf: s.allowHalf,
          guidance: s.guidance,
          expectedEvidence: s.expectedEvidence,
          scoredBy: s.scoredBy,
          figureRule: (s.figureRule as FigureRule | null) ?? null,
        })),
      })),
    })),
  };
}
