import { parsePolicies } from '../policy/parse.ts';
import type { Policy } from '../policy/schema.ts';
import { SPA_PAY_YAML } from './spa-pay.preset.ts';

/**
 * The shipped presets: one per rule book. Each is YAML text (one or more documents) embedded
 * as a module, so domain code loads them without touching a file system.
 */
export interface PresetInfo { id: string; title: { zh: string; en: string }; kinds: Policy['kind'][]; documents: number }

const SOURCES: Record<string, string> = {
  'spa-pay': SPA_PAY_YAML,
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
