import { stringify } from 'csv-stringify/sync';
import { bundledGovernorates } from '../directory/governorates/governorate-data.js';
import { textIn } from '../platform/text/translated.js';
import { coverage } from './coverage.js';
import type { CoverageQuery } from './coverage.schemas.js';
import { taxonomyTerms } from './coverage.store.js';

/**
 * The coverage matrix as a long table for spreadsheets: one row per governorate and category, with
 * the governorate's activity figures repeated on each of its rows. Optionally with the HXL hashtag
 * row (Humanitarian Exchange Language) under the header, for humanitarian data tools.
 */
const COLUMNS: { header: string; hxl: string }[] = [
  { header: 'Governorate', hxl: '#adm1+name' },
  { header: 'Governorate (Arabic)', hxl: '#adm1+name+i_ar' },
  { header: 'P-code', hxl: '#adm1+code' },
  { header: 'ISO 3166-2 code', hxl: '#adm1+code+iso' },
  { header: 'Category code', hxl: '#sector+code' },
  { header: 'Category', hxl: '#sector+name' },
  { header: 'Active services', hxl: '#output+services+num' },
  { header: 'Organisations', hxl: '#org+num' },
  { header: 'Verified in the last 365 days (%)', hxl: '#indicator+verified+pct' },
  { header: 'Gap (1 = no active service)', hxl: '#indicator+gap' },
  { header: 'Activities in the governorate', hxl: '#output+activities+num' },
  { header: 'Reached: women (governorate)', hxl: '#reached+f+adults+num' },
  { header: 'Reached: men (governorate)', hxl: '#reached+m+adults+num' },
  { header: 'Reached: girls (governorate)', hxl: '#reached+f+children+num' },
  { header: 'Reached: boys (governorate)', hxl: '#reached+m+children+num' },
  { header: 'Reached: total (governorate)', hxl: '#reached+total+num' },
];

export const COVERAGE_CSV_HEADER = COLUMNS.map((c) => c.header);
export const COVERAGE_HXL_TAGS = COLUMNS.map((c) => c.hxl);

/** Text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

type Cell = string | number;

export async function coverageCsv(query: CoverageQuery, options: { hxl: boolean }): Promise<string> {
  const [data, terms] = await Promise.all([coverage(query), taxonomyTerms()]);
  const categoryName = new Map(terms.map((t) => [t.code, textIn(t.name, 'en')]));
  const arabicName = new Map(bundledGovernorates().map((g) => [g.code, g.name.ar ?? '']));

  const rows: Cell[][] = data.governorates.flatMap((g) => {
    const { count, reached } = g.activities;
    return data.categories.map((code) => {
      const cell = g.categories[code]!;
      return [
        textIn(g.name, 'en'),
        arabicName.get(g.code) ?? '',
        g.pcode ?? '',
        g.code,
        code,
        categoryName.get(code) ?? '',
        cell.services,
        cell.organizations,
        cell.verifiedShare === null ? '' : Math.round(cell.verifiedShare * 1000) / 10,
        cell.gap ? 1 : 0,
        count,
        reached.women,
        reached.men,
        reached.girls,
        reached.boys,
        reached.total,
      ];
    });
  });

  const table: Cell[][] = [COVERAGE_CSV_HEADER, ...(options.hxl ? [COVERAGE_HXL_TAGS] : []), ...rows];
  return stringify(
    table.map((row) => row.map((cell) => (typeof cell === 'string' ? neutralizeFormula(cell) : cell))),
    { bom: true, record_delimiter: 'windows' },
  );
}
