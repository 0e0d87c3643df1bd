import type { Command } from 'commander';
import { hasErrors, lintPolicy, listPresets, renderPolicy } from '@kehu/domain';
import { loadPolicyArg } from './policy-source.ts';

/** `kehu policy list | check <id|file> | render <id|file> [--lang zh|en]`. */
export function registerPolicyCommands(program: Command): void {
  const policy = program.command('policy').description('Policies: list, check, render / 策略：列表、检查、渲染');

  policy.command('list').description('The shipped presets / 预置策略').action(() => {
    for (const p of listPresets()) console.log(`${p.id.padEnd(22)} ${p.kinds.join(',').padEnd(36)} ${p.title.zh} / ${p.title.en}`);
  });

  policy.command('check <policy>').description('Lint a preset id or YAML file; exits 1 on errors / 检查策略，有错误时退出码为 1')
    .action((arg: string) => {
      let errors = 0;
      for (const doc of loadPolicyArg(arg)) {
        const findings = lintPolicy(doc);
        console.log(`${doc.id} v${doc.version} (${doc.kind}): ${findings.length ? `${findings.length} finding(s)` : 'clean / 无问题'}`);
        for (const f of findings) {
          console.log(`  [${f.severity}] ${f.code} — clause ${f.clause} — ${f.path}`);
          console.log(`    ${f.message.zh} / ${f.message.en}`);
          console.log(`    → ${f.fix.zh} / ${f.fix.en}`);
        }
        if (hasErrors(findings)) errors++;
      }
      if (errors) process.exitCode = 1;
    });

  policy.command('render <policy>').description('Print the policy as readable text / 输出策略文本')
    .option('--lang <lang>', 'zh or en', 'zh')
    .action((arg: string, opts: { lang: string }) => {
      if (opts.lang !== 'zh' && opts.lang !== 'en') {
        console.error('--lang must be zh or en / --lang 只能是 zh 或 en');
        process.exit(1);
      }
      console.log(loadPolicyArg(arg).map((d) => renderPolicy(d, opts.lang as 'zh' | 'en')).join('\n---\n\n'));
    });
}
