// The spa pay rule book transcribed word for word, before any decision: the linter must find
// the overlap at 80, the five gaps between card bands and nothing above 10,000.
import { SPA_PAY_YAML } from './spa-pay.preset.ts';

const literalCards = `
      tiers:
        - { min: { value: 500, inclusive: true }, max: { value: 700, inclusive: true }, rate: 1 }
        - { min: { value: 800, inclusive: true }, max: { value: 1000, inclusive: true }, rate: 1.25 }
        - { min: { value: 1500, inclusive: true }, max: { value: 2000, inclusive: true }, rate: 1.5 }
        - { min: { value: 3000, inclusive: true }, max: { value: 3000, inclusive: true }, rate: 2 }
        - { min: { value: 5000, inclusive: true }, max: { value: 5000, inclusive: true }, rate: 2.5 }
        - { min: { value: 10000, inclusive: true }, max: { value: 10000, inclusive: true }, rate: 4 }
      adjustments:`;

export const SPA_PAY_LITERAL_YAML = SPA_PAY_YAML
  .replace('id: spa-pay\n', 'id: spa-pay-literal\n')
  .replace(/decisions:\n[\s\S]*?\ncomponents:/, 'decisions: []\ncomponents:')
  // 月订房数量80间及以下:5元/间 — 80 included in the lower tier too.
  .replace('- { max: { value: 80, inclusive: false }, price: 5 }', '- { max: { value: 80, inclusive: true }, price: 5 }')
  .replace(/\n {6}tiers:\n {8}- \{ min: \{ value: 500, inclusive: true \}, max: \{ value: 800[\s\S]*?\n {6}adjustments:/, literalCards)
  .replace(/\nvariants:[\s\S]*?\npayday:/, '\nvariants: []\npayday:');
