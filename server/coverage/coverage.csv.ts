import { stringify } from 'csv-stringify/sync';
import { bundledGovernorates } from '../directory/governorates/governorate-data.js';
import { textIn } from '../platform/text/translated.js';
import { coverage } from './coverage.use-cases.js';
import type { CoverageQuery } from '../contract/coverage/coverage.schemas.js';
import { taxonomyTerms } from './coverage.data.js';

/**
 * The coverage matrix as a long table for spreadsheets: one row per governorate and category, with
 * the governorate's activity figures repeated on each of its rows. Optionally with the HXL hashtag
 * row (Humanitarian Exchange Language) under the header, for humanitarian data tools. The first line
 * says which filters made it, so a filtered file is never read as the whole directory (HXL tools
 * look for the hashtag row within the first rows, so it stays readable to them). The rows are per
 * governorate, so there is no district (#adm2) column.
 */
const COLUMNS: { header: string; hxl: string }[] = [
  { header: 'Governorate', hxl: '#adm1+name' },
  { header: 'Governorate (Arabic)', hxl: '#adm1+name+i_ar' },
  // HXL selects by attribute subset (`#adm1+code` matches every #adm1 column with +code): the OCHA
  // P-code, what humanitarian tools join on, is the only +code; the ISO code has an attribute of its own.
  { header: 'P-code', hxl: '#adm1+code' },
  { header: 'ISO 3166-2 code', hxl: '#adm1+iso3166_2' },
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

/** The filters a download applied, in words (the file's first line) and as a file-name part. */
export function appliedFilters(query: CoverageQuery): { words: string; slug: string } {
  const parts: [string, string, string][] = [];
  if (query.category?.length) parts.push(['Categories', 'category', query.category.join('+')]);
  if (query.population?.length) parts.push(['Populations', 'population', query.population.join('+')]);
  if (query.from || query.to) parts.push(['Activities', 'period', `${query.from ?? 'start'}_${query.to ?? 'today'}`]);
  return {
    words: parts.length ? parts.map(([label, , value]) => `${label}: ${value.replaceAll('+', ', ').replace('_', ' to ')}`).join('; ') : 'none (every category and population)',
    slug: parts.map(([, name, value]) => `-${name}-${value}`).join('').replace(/[^A-Za-z0-9+_-]/g, ''),
  };
}

export async function coverageCsv(query: CoverageQuery, options: { hxl: boolean; day: string }): Promise<string> {
  const [data, terms] = await Promise.all([coverage(query), taxonomyTerms()]);
  const categoryName = new Map(terms.map((t) => [t.code, textIn(t.name, 'en')]));
  const bundled = new Map(bundledGovernorates().map((g) => [g.code, g]));

  const rows: Cell[][] = data.governorates.flatMap((g) => {
    const { count, reached } = g.activities;
    return data.categories.map((code) => {
      const cell = g.categories[code]!;
      return [
        textIn(g.name, 'en'),
        bundled.get(g.code)?.name.ar ?? '',
        g.pcode ?? '',
        // Empty for a governorate ISO 3166-2 does not list yet (Halabja): the directory's key is not an ISO code.
        bundled.get(g.code)?.iso ?? '',
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

  // As wide as the table, for readers that expect one width.
  const title = [`Coverage of the referral directory, ${options.day}. Filters: ${appliedFilters(query).words}`, ...COLUMNS.slice(1).map(() => '')];
  const table: Cell[][] = [title, COVERAGE_CSV_HEADER, ...(options.hxl ? [COVERAGE_HXL_TAGS] : []), ...rows];
  return stringify(
    table.map((row) => row.map((cell) => (typeof cell === 'string' ? neutralizeFormula(cell) : cell))),
    { bom: true, record_delimiter: 'windows' },
  );
}
