import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database } from '@kehu/db';
import type { Actor } from '../../lib/actor.ts';
import { balancesService } from './balances.service.ts';
import type { ImportKind } from './loan-import-sources.ts';
import { loansImportService } from './loans-import.service.ts';

/**
 * `kehu import-credit`: loans (a workbook may carry 保证人 and 还款计划 sheets), guarantors,
 * instalments or daily balances from a file, through the services the API uses. The
 * command line loads for the whole tenant, so it acts as a supervisor whose unit is the tenant's root.
 */
export async function cliImportCredit(database: Database, actor: Actor, kind: ImportKind | 'balances', file: string) {
  const loader: Actor = { ...actor, role: 'supervisor', orgPath: '/' };
  statSync(file);
  const xlsx = /\.xlsx$/i.test(file);
  if (kind !== 'balances') {
    return loansImportService.importFile(database.db, loader, xlsx ? { fileName: basename(file), kind, xlsx: await readFile(file) } : { fileName: basename(file), kind, csv: createReadStream(file) });
  }
  return xlsx ? balancesService.importXlsx(database.db, loader, await readFile(file)) : balancesService.importCsv(database.db, loader, createReadStream(file));
}
