import { parseAllDocuments } from 'yaml';
import { policyDocument, type Policy } from './schema.ts';

export interface PolicyIssue { path: string; message: { zh: string; en: string } }

/** A document that is not a valid policy: every problem with the path where it is. */
export class PolicyError extends Error {
  constructor(readonly issues: PolicyIssue[]) {
    super(issues.map((i) => `${i.path || '(document)'}: ${i.message.en}`).join('; '));
  }
}

function zodIssueText(code: string, message: string): { zh: string; en: string } {
  switch (code) {
    case 'invalid_type': return { zh: `类型错误：${message}`, en: message };
    case 'unrecognized_keys': return { zh: `不认识的字段：${message}`, en: message };
    case 'invalid_value': case 'invalid_union': return { zh: `取值无效：${message}`, en: message };
    default: return { zh: `无效：${message}`, en: message };
  }
}

/** Validates a parsed object as a policy document; throws PolicyError naming each bad path. */
export function toPolicy(raw: unknown, prefix = ''): Policy {
  const r = policyDocument.safeParse(raw);
  if (r.success) return r.data;
  throw new PolicyError(r.error.issues.map((i) => ({ path: prefix + i.path.join('.'), message: zodIssueText(i.code, i.message) })));
}

/** Parses YAML holding one or more policy documents (separated by `---`). */
export function parsePolicies(yamlText: string): Policy[] {
  const docs = parseAllDocuments(yamlText, { merge: true, prettyErrors: true });
  const issues: PolicyIssue[] = [];
  const out: Policy[] = [];
  docs.forEach((d, n) => {
    if (d.errors.length) {
      for (const e of d.errors) issues.push({ path: `document ${n + 1}, line ${e.linePos?.[0]?.line ?? '?'}`, message: { zh: `YAML 语法错误：${e.message}`, en: `YAML syntax error: ${e.message}` } });
      return;
    }
    try {
      out.push(toPolicy(d.toJS({ maxAliasCount: 100 }), docs.length > 1 ? `[${n}].` : ''));
    } catch (e) {
      if (e instanceof PolicyError) issues.push(...e.issues);
      else throw e;
    }
  });
  if (issues.length) throw new PolicyError(issues);
  if (out.length === 0) throw new PolicyError([{ path: '', message: { zh: '文档为空', en: 'The document is empty' } }]);
  return out;
}

/** Parses YAML holding exactly one policy document. */
export function parsePolicy(yamlText: string): Policy {
  const all = parsePolicies(yamlText);
  if (all.length !== 1) throw new PolicyError([{ path: '', message: { zh: `应只有一个策略文档，实际 ${all.length} 个`, en: `Expected one policy document, found ${all.length}` } }]);
  return all[0]!;
}
