import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isPreset, listPresets, loadPresetDocuments, lintPolicy, parsePolicies, PolicyError, renderPolicy, type Finding, type Policy } from '@kehu/domain';

export type Lang = 'zh' | 'en';

/** Where a policy came from: a shipped preset id, or a YAML file read from disk. */
export interface LoadedPolicies { source: string; documents: Policy[] }

/**
 * Resolves `<id|file>`: a preset id loads the shipped YAML (no file access), anything else is
 * read as a YAML file holding one or more policy documents. Throws PolicyError naming each bad
 * path when the document is invalid.
 */
export function loadPolicies(ref: string): LoadedPolicies {
  if (isPreset(ref)) return { source: `preset ${ref}`, documents: loadPresetDocuments(ref) };
  let text: string;
  try {
    text = readFileSync(ref, 'utf8');
  } catch {
    const known = listPresets().map((p) => p.id).join(', ');
    throw new CliError(`“${ref}” 既不是预置策略也不是可读的文件（预置：${known}）`, `"${ref}" is neither a preset nor a readable file (presets: ${known})`);
  }
  return { source: ref, documents: parsePolicies(text) };
}

/** One document of a loaded set: the one with `docId`, else the one named like the preset, else the first. */
export function pickDocument(loaded: LoadedPolicies, ref: string, docId?: string): Policy {
  if (docId) {
    const d = loaded.documents.find((x) => x.id === docId);
    if (!d) throw new CliError(`没有 id 为“${docId}”的文档（有：${loaded.documents.map((x) => x.id).join(', ')}）`, `No document with id "${docId}" (there are: ${loaded.documents.map((x) => x.id).join(', ')})`);
    return d;
  }
  return loaded.documents.find((x) => x.id === ref) ?? loaded.documents[0]!;
}

/** A user-facing failure with a message in both languages; the CLI prints it and exits 1. */
export class CliError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
  }
}

/** Prints what went wrong (a policy's bad paths, a CLI error, or anything else) and sets exit code 1. */
export function reportFailure(e: unknown, lang: Lang): void {
  process.exitCode = 1;
  if (e instanceof PolicyError) {
    console.error(lang === 'zh' ? '策略文档无效：' : 'Invalid policy document:');
    for (const i of e.issues) console.error(`  ${i.path || '(document)'}: ${i.message[lang]}`);
    return;
  }
  if (e instanceof CliError) {
    console.error(lang === 'zh' ? e.zh : e.en);
    return;
  }
  console.error(e instanceof Error ? e.message : String(e));
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_TEXT: Record<Finding['severity'], Record<Lang, string>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

function printFindings(doc: Policy, findings: readonly Finding[], lang: Lang): void {
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const counts = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  console.log(`${doc.id} (${doc.kind}, v${doc.version}): ${counts('error')} ${SEVERITY_TEXT.error[lang]}, ${counts('warning')} ${SEVERITY_TEXT.warning[lang]}, ${counts('info')} ${SEVERITY_TEXT.info[lang]}`);
  for (const f of sorted) {
    const clause = lang === 'zh' ? `条款 ${f.clause}` : `clause ${f.clause}`;
    console.log(`  [${SEVERITY_TEXT[f.severity][lang]}] ${f.code} · ${clause} · ${f.path}`);
    console.log(`      ${f.message[lang]}`);
    console.log(`      ${lang === 'zh' ? '建议' : 'fix'}: ${f.fix[lang]}`);
  }
}

const langOf = (v: string | undefined): Lang => (v === 'en' ? 'en' : 'zh');

/** `kehu policy list | check <id|file> | render <id|file> [--lang zh|en]`. */
export function registerPolicyCommands(program: Command): void {
  const policy = program.command('policy').description('Policy documents: list presets, check (lint) and render / 策略：列出、检查、生成文本');

  policy.command('list').description('List the shipped presets / 列出预置策略')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const presets = listPresets();
      if (opts.json) {
        console.log(JSON.stringify(presets, null, 2));
        return;
      }
      const width = Math.max(...presets.map((p) => p.id.length));
      for (const p of presets) {
        console.log(`${p.id.padEnd(width)}  ${p.kinds.join('+').padEnd(24)}  ${p.title.zh} / ${p.title.en}`);
      }
    });

  policy.command('check').argument('<id|file>', 'preset id or YAML file')
    .description('Validate and lint a policy; exits 1 on errors / 校验并检查策略，有错误时退出码为 1')
    .option('--lang <lang>', 'zh or en', 'zh')
    .option('--json', 'print the findings as JSON')
    .action((ref: string, opts: { lang?: string; json?: boolean }) => {
      const lang = langOf(opts.lang);
      try {
        const loaded = loadPolicies(ref);
        const all = loaded.documents.map((doc) => ({ doc, findings: lintPolicy(doc) }));
        if (opts.json) console.log(JSON.stringify(all.map(({ doc, findings }) => ({ id: doc.id, kind: doc.kind, findings })), null, 2));
        else for (const { doc, findings } of all) printFindings(doc, findings, lang);
        if (all.some(({ findings }) => findings.some((f) => f.severity === 'error'))) process.exitCode = 1;
      } catch (e) {
        reportFailure(e, lang);
      }
    });

  policy.command('render').argument('<id|file>', 'preset id or YAML file')
    .description('Render a policy as readable text / 把策略生成为可读文本')
    .option('--lang <lang>', 'zh or en', 'zh')
    .action((ref: string, opts: { lang?: string }) => {
      const lang = langOf(opts.lang);
      try {
        const loaded = loadPolicies(ref);
        console.log(loaded.documents.map((doc) => renderPolicy(doc, lang)).join('\n\n---\n\n'));
      } catch (e) {
        reportFailure(e, lang);
      }
    });
}
