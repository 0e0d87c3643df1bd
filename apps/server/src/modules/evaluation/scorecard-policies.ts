import { listPresets, loadPresetDocuments, type ScorecardPolicy } from '@kehu/domain';

/**
 * The scorecard policy documents a cycle can run on: every `scorecard` document of the shipped
 * presets (tobacco evaluation, bank 2005 five dimensions, rural credit, hotel service, spa
 * conduct). A cycle stores the document it was set up with, so a later preset version never
 * changes a running or closed cycle.
 */
export const scorecardPolicies = {
  all(): ScorecardPolicy[] {
    return listPresets().flatMap((p) => loadPresetDocuments(p.id)).filter((d): d is ScorecardPolicy => d.kind === 'scorecard');
  },
  find(id: string): ScorecardPolicy | null {
    return this.all().find((d) => d.id === id) ?? null;
  },
};
