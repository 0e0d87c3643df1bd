import { readFileSync } from 'node:fs';
import { isPreset, loadPresetDocuments, parsePolicies, PolicyError, type Policy } from '@kehu/domain';

/** A preset id or a YAML file path → its policy documents. Prints path-named problems and exits 1 when invalid. */
export function loadPolicyArg(arg: string): Policy[] {
  try {
    return isPreset(arg) ? loadPresetDocuments(arg) : parsePolicies(readFileSync(arg, 'utf8'));
  } catch (e) {
    if (e instanceof PolicyError) {
      console.error(`${arg}: not a valid policy / 策略文档无效`);
      for (const i of e.issues) console.error(`  ${i.path || '(document)'}: ${i.message.zh} / ${i.message.en}`);
      process.exit(1);
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`${arg}: neither a preset nor a file / 既不是预置策略也不是文件`);
      process.exit(1);
    }
    throw e;
  }
}
