import { PolicyError, hasErrors, lintPolicy, parsePolicies, type Finding } from '@kehu/domain';

/** What HR sees before saving a custom portfolio policy: every finding, and whether the save is blocked. */
export interface PolicyCheck { findings: Finding[]; blocked: boolean }

const noFix = { zh: '', en: '' };

/**
 * Checks a pasted or uploaded policy YAML in the browser with the same parser and lint the
 * server and `kehu policy check` use: syntax and schema problems, a missing document of kind
 * portfolio, and lintPolicy's findings for each document. Any error blocks the save.
 */
export function checkPortfolioPolicy(text: string): PolicyCheck {
  if (!text.trim()) return { findings: [], blocked: true };
  let docs;
  try {
    docs = parsePolicies(text);
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    const findings = e.issues.map((i): Finding => ({ severity: 'error', code: 'invalid_document', clause: '', path: i.path, message: i.message, fix: noFix }));
    return { findings, blocked: true };
  }
  const findings = docs.flatMap((d) => lintPolicy(d));
  if (!docs.some((d) => d.kind === 'portfolio')) {
    findings.unshift({
      severity: 'error', code: 'no_portfolio_document', clause: '', path: '',
      message: { zh: '文档中没有管户制度（kind: portfolio）', en: 'The text holds no document of kind portfolio' },
      fix: { zh: '加入一份 kind: portfolio 的文档，可从预置制度复制后修改', en: 'Add a document of kind portfolio; copy a preset and change it' },
    });
  }
  return { findings, blocked: hasErrors(findings) };
}
