import { describe, expect, it } from 'vitest';
import { presetSource } from '@kehu/domain';
import { checkPortfolioPolicy } from './portfolio-policy-check.ts';

const preset = presetSource('rural-credit');

describe('checkPortfolioPolicy', () => {
  it('passes a preset as it ships', () => {
    const r = checkPortfolioPolicy(preset);
    expect(r.blocked).toBe(false);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('blocks a visit rule on an undeclared fact, with the finding in Chinese', () => {
    const bad = preset.replace(/(visitFrequency:\n {2}- [^\n]*?field: )\w+/, '$1noSuchFact');
    expect(bad).toContain('noSuchFact');
    const r = checkPortfolioPolicy(bad);
    expect(r.blocked).toBe(true);
    expect(r.findings.find((f) => f.code === 'unknown_fact')!.message.zh).toContain('未声明的事实“noSuchFact”');
  });

  it('blocks YAML that does not parse, naming the line', () => {
    const r = checkPortfolioPolicy('kind: portfolio\n  id: [unclosed');
    expect(r.blocked).toBe(true);
    expect(r.findings[0]!.message.zh).toContain('YAML 语法错误');
    expect(r.findings[0]!.path).toContain('line');
  });

  it('blocks a text with no portfolio document, and an empty text', () => {
    const other = preset.split('\n---\n').filter((d) => !/^kind: portfolio/m.test(d));
    expect(other.length).toBeGreaterThan(0);
    const r = checkPortfolioPolicy(other.join('\n---\n'));
    expect(r.blocked).toBe(true);
    expect(r.findings[0]!.code).toBe('no_portfolio_document');
    expect(checkPortfolioPolicy('  ').blocked).toBe(true);
  });
});
