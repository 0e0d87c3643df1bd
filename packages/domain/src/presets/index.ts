import { parsePolicies } from '../policy/parse.ts';
import type { Policy } from '../policy/schema.ts';
import { SPA_PAY_YAML } from './spa-pay.preset.ts';
import { TOBACCO_GRADES_YAML } from './tobacco-grades.preset.ts';
import { TOBACCO_EVALUATION_YAML } from './tobacco-evaluation.preset.ts';
import { SPA_CONDUCT_YAML } from './spa-conduct.preset.ts';
import { CITY_BANK_YAML } from './city-bank.preset.ts';
import { BANK_2005_YAML } from './bank-2005.preset.ts';
import { HOTEL_SERVICE_YAML } from './hotel-service.preset.ts';
import { POWER_BIG_CUSTOMERS_YAML } from './power-big-customers.preset.ts';
import { RURAL_CREDIT_YAML } from './rural-credit.preset.ts';

/**
 * The shipped presets: one per rule book. Each is YAML text (one or more documents) embedded
 * as a module, so domain code loads them without touching a file system.
 */
export interface PresetInfo { id: string; title: { zh: string; en: string }; kinds: Policy['kind'][]; documents: number }

const SOURCES: Record<string, string> = {
  'tobacco-grades': TOBACCO_GRADES_YAML,
  'tobacco-evaluation': TOBACCO_EVALUATION_YAML,
  'spa-conduct': SPA_CONDUCT_YAML,
  'spa-pay': SPA_PAY_YAML,
  'city-bank': CITY_BANK_YAML,
  'bank-2005': BANK_2005_YAML,
  'hotel-service': HOTEL_SERVICE_YAML,
  'power-big-customers': POWER_BIG_CUSTOMERS_YAML,
  'rural-credit': RURAL_CREDIT_YAML,
};

const cache = new Map<string, Policy[]>();

/** The YAML text of a preset, as shipped. */
export function presetSource(id: string): string {
  const s = SOURCES[id];
  if (!s) throw new RangeError(`unknown preset "${id}"; known: ${Object.keys(SOURCES).join(', ')}`);
  return s;
}

/** All documents of a preset; the first is the one named by the preset id. */
export function loadPresetDocuments(id: string): Policy[] {
  let docs = cache.get(id);
  if (!docs) {
    docs = parsePolicies(presetSource(id));
    cache.set(id, docs);
  }
  return docs;
}

/** The main document of a preset (the one whose id is the preset id). */
export function loadPreset(id: string): Policy {
  const docs = loadPresetDocuments(id);
  return docs.find((d) => d.id === id) ?? docs[0]!;
}

export function listPresets(): PresetInfo[] {
  return Object.keys(SOURCES).map((id) => {
    const docs = loadPresetDocuments(id);
    return { id, title: loadPreset(id).title, kinds: docs.map((d) => d.kind), documents: docs.length };
  });
}

export function isPreset(id: string): boolean {
  return id in SOURCES;
}
