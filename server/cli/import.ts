import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importHsdsPackage, ImportFileError, type ImportIssue } from '../standards/hsds/import.js';
import { runWithDatabase, UsageError } from './run-with-database.js';

/**
 * `npm run import -- FILE [--skip-invalid] [--dry-run]`: imports an Open Referral HSDS 3.0 tabular
 * data package (the zip of GET /hsds/export.zip) or one of its CSV tables into the configured
 * database. Prints the report; exits 1 when the file has errors and nothing was imported.
 */
const USAGE = 'Usage: npm run import -- FILE.zip|TABLE.csv [--skip-invalid] [--dry-run]';
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const files = args.filter((a) => !a.startsWith('--'));

const describe = (i: ImportIssue) => `  ${i.table}${i.row ? ` row ${i.row}` : ''}${i.column ? ` [${i.column}]` : ''}: ${i.message}`;

await runWithDatabase(async () => {
  const unknown = [...flags].filter((f) => f !== '--skip-invalid' && f !== '--dry-run');
  if (files.length !== 1 || unknown.length) throw new UsageError(unknown.length ? `Unknown option ${unknown.join(', ')}. ${USAGE}` : USAGE);
  const file = path.resolve(files[0]!);
  const data = await readFile(file).catch(() => {
    throw new UsageError(`Cannot read ${file}`);
  });
  const report = await importHsdsPackage(new Uint8Array(data), {
    fileName: path.basename(file),
    skipInvalid: flags.has('--skip-invalid'),
    dryRun: flags.has('--dry-run'),
    actor: null,
  }).catch((err: unknown) => {
    if (err instanceof ImportFileError) throw new UsageError(err.message);
    throw err;
  });

  for (const [name, t] of Object.entries(report.tables)) console.log(`${name}: ${t.valid} of ${t.rows} rows valid`);
  if (report.warnings.length) console.log(`Warnings:\n${report.warnings.map(describe).join('\n')}`);
  if (report.adjustments.length) console.log(`Brought into the Iraq profile:\n${report.adjustments.map((a) => `${describe(a)} (${a.action})`).join('\n')}`);
  if (report.errors.length) console.log(`Errors:\n${report.errors.map(describe).join('\n')}`);
  if (!report.imported) {
    console.log('Nothing was imported: fix the errors, or run again with --skip-invalid to import the valid rows.');
    process.exitCode = 1;
    return;
  }
  const verb = report.dryRun ? 'Would create / update' : 'Created / updated';
  console.log(`${verb}:`);
  for (const key of Object.keys(report.created) as (keyof typeof report.created)[]) {
    console.log(`  ${key}: ${report.created[key]} / ${report.updated[key]}`);
  }
  if (report.dryRun) console.log('Dry run: nothing was written.');
});
