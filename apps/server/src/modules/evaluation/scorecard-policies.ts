import { listPresets, loadPresetDocuments, type ScorecardPolicy } from '@kehu/domain';

/**
 * The scorecard policy documents a cycle can run on: every `scorecard` document of the shipped
 * presets whose facts are single values a figure source or an evaluator can give (tobacco
 * evaluation, bank 2005 five dimensions, rural credit, hotel service, spa conduct with its
 * incident counts entered). A document reading lists or maps is left out. A cycle stores the
 * document it was set up with, so a later preset version never changes a running or closed cycle.
 */
const cycleReady = (d: ScorecardPolicy) => d.facts.every((f) => f.name === 'score' || !['map', 'list', 'dates'].includes(f.type));

export const scorecardPolicies = {
  all(): ScorecardPolicy[] {
    return listPresets().flatMap((p) => loadPresetDocuments(p.id)).filter((d): d is ScorecardPolicy => d.kind === 'scorecard' && cycleReady(d));
  },
  find(id: string): ScorecardPolicy | null {
    return this.all().find((d) => d.id === id) ?? null;
  },
};
