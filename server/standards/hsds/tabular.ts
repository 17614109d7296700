import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { TABLES, table, type TableField, type TableName } from './spec.js';

/**
 * The tabular serialisation of HSDS: nested HSDS objects → one row per object in its table (ids as
 * foreign keys), cells encoded per the datapackage field types, and back.
 *
 * Spreadsheet formula injection: a text cell that starts with = + - @ or a tab / carriage return is
 * written with a leading single quote, so Excel, LibreOffice and Google Sheets show it as text
 * instead of running it. Reading strips that quote again, so a round trip is exact. Number columns
 * are written by this code from numbers and need no quoting.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

export const neutralise = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell);
export const unneutralise = (cell: string) => (NEUTRALISED.test(cell) ? cell.slice(1) : cell);

/** Properties of HSDS objects that hold other HSDS objects, and the table those go to. */
const NESTED: Record<string, TableName> = {
  organization: 'organization',
  services: 'service',
  service: 'service',
  locations: 'location',
  location: 'location',
  addresses: 'address',
  service_at_locations: 'service_at_location',
  service_areas: 'service_area',
  languages: 'language',
  schedules: 'schedule',
  capacities: 'service_capacity',
  attributes: 'attribute',
  taxonomy_term: 'taxonomy_term',
  contacts: 'contact',
  phones: 'phone',
};

function encodeCell(field: TableField, value: unknown): string {
  if (value === undefined || value === null) return '';
  let cell: string;
  if (field.type === 'array' || field.type === 'object') cell = JSON.stringify(value);
  else cell = String(value);
  return field.type === 'number' ? cell : neutralise(cell);
}

export type DecodedCell = { value: unknown } | { error: string };

export function decodeCell(field: TableField, raw: string): DecodedCell {
  // An empty cell is an absent value, except in a required text column (HSDS allows an empty description).
  if (raw === '') return { value: field.required && field.type === 'string' ? '' : undefined };
  const cell = field.type === 'number' ? raw.trim() : unneutralise(raw);
  switch (field.type) {
    case 'number': {
      const n = Number(cell);
      return cell !== '' && Number.isFinite(n) ? { value: n } : { error: 'not a number' };
    }
    case 'boolean': {
      const v = cell.trim().toLowerCase();
      if (v === 'true' || v === '1') return { value: true };
      if (v === 'false' || v === '0') return { value: false };
      return { error: 'not true or false' };
    }
    case 'array':
    case 'object':
      try {
        const value: unknown = JSON.parse(cell);
        const ok = field.type === 'array' ? Array.isArray(value) : typeof value === 'object' && value !== null && !Array.isArray(value);
        return ok ? { value } : { error: `not a JSON ${field.type}` };
      } catch {
        return { error: `not valid JSON (a JSON ${field.type} is expected)` };
      }
    default:
      return { value: cell };
  }
}

export type HsdsObject = { id: string } & Record<string, unknown>;
const isHsdsObject = (v: unknown): v is HsdsObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { id?: unknown }).id === 'string';

/** Collects HSDS objects (nested as the API returns them) into tables, each object once. */
export class TableWriter {
  private readonly rows = new Map<TableName, Map<string, HsdsObject>>(TABLES.map((t) => [t, new Map()]));

  add(name: TableName, object: HsdsObject): void {
    const rows = this.rows.get(name)!;
    if (!rows.has(object.id)) rows.set(object.id, object);
    for (const [key, value] of Object.entries(object)) {
      const child = NESTED[key];
      if (!child) continue;
      for (const item of Array.isArray(value) ? value : [value]) if (isHsdsObject(item)) this.add(child, item);
    }
  }

  /** CSV text per file name (with a BOM, so spreadsheet programs read Arabic and Kurdish as UTF-8). */
  files(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name of TABLES) {
      const { path, fields } = table(name);
      const records = [...this.rows.get(name)!.values()].map((row) => fields.map((f) => encodeCell(f, row[f.name])));
      out[path] = stringify(records, { header: true, columns: fields.map((f) => f.name), bom: true, record_delimiter: 'windows' });
    }
    return out;
  }
}

export interface ParsedTable {
  name: TableName;
  header: string[];
  /** Raw cells by column name, with the spreadsheet row number (the header is row 1). */
  records: { row: number; cells: Record<string, string> }[];
}

export class CsvError extends Error {
  override name = 'CsvError';
}

/** Parses one table's CSV text; throws CsvError when it is not well-formed CSV. */
export function parseTable(name: TableName, text: string): ParsedTable {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (err) {
    throw new CsvError(err instanceof Error ? err.message : String(err));
  }
  const [header = [], ...data] = rows;
  const names = header.map((h) => h.trim());
  return {
    name,
    header: names,
    records: data.map((cells, i) => ({ row: i + 2, cells: Object.fromEntries(names.map((h, j) => [h, cells[j] ?? ''])) })),
  };
}

/** The table a CSV file name stands for (services.csv → service), if any. */
export function tableOfFile(fileName: string): TableName | undefined {
  const base = fileName.split('/').pop()!.toLowerCase();
  return TABLES.find((t) => table(t).path === base);
}
