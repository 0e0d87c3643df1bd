/**
 * Writes a loan-ledger CSV for the import memory benchmark (docs/benchmarks.md, "Loan import"):
 * `npx tsx bench/loans-import-file.ts <out.csv> [rows=200000] [staffId]`. Every loan is the demo
 * borrower C0001 with the demo manager (李娜, or `staffId`), loan numbers BL0000001…; amounts and
 * dates vary deterministically so the file is realistic in width (~150 bytes a row).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const [out = '/tmp/loans-200k.csv', rowsArg = '200000', staffArg = ''] = process.argv.slice(2);
const rows = Number(rowsArg);
const staffId = staffArg || process.env.BENCH_STAFF_ID || '';
if (!staffId) throw new Error('give the manager staff id (third argument or BENCH_STAFF_ID)');
const products = ['小额信用贷款', '联保贷款', '抵押贷款', '公司贷款'];
const guarantees = ['信用', '保证', '抵押', '质押'];
const classes = ['正常', '正常', '正常', '关注', '次级'];
const file = createWriteStream(out);
file.write('借据号,客户号,贷款品种,金额（元）,余额,年利率,发放日,到期日,担保方式,抵押物,五级分类,管户经理编号,推荐人编号,村\n');
for (let i = 1; i <= rows; i++) {
  const amount = 10_000 + (i * 7919) % 490_000;
  const month = String(1 + (i % 12)).padStart(2, '0');
  const line = `BL${String(i).padStart(7, '0')},C0001,${products[i % 4]},${amount}.${String(i % 100).padStart(2, '0')},${amount - (i % 5000)},0.0${585 + (i % 300)},2025-${month}-10,2027-${month}-10,${guarantees[i % 4]},${i % 4 === 2 ? '住房一套，建设路18号' : ''},${classes[i % 5]},${staffId},,青山村\n`;
  if (!file.write(line)) await once(file, 'drain');
}
file.end();
await once(file, 'finish');
console.log(`${rows} rows → ${out}`);
