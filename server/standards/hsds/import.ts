import { unzipSync } from 'fflate';
import type { FilterQuery, Model, Types } from 'mongoose';
import { recordAudit } from '../../audit/audit.js';
import { ContactModel } from '../../directory/contacts/contact.model.js';
import { LocationModel } from '../../directory/locations/location.model.js';
import { holdPlacesSecret } from '../../directory/locations/place-exposure.js';
import { OrganizationModel } from '../../directory/organizations/organization.model.js';
import { findByIds } from '../../directory/records/record.js';
import { verificationMongoose } from '../../directory/records/verification.js';
import { searchFields } from '../../directory/search-fields.js';
import { refreshServices } from '../../directory/services/service.derived.js';
import { ServiceModel } from '../../directory/services/service.model.js';
import { TaxonomyTermModel } from '../../directory/taxonomy/taxonomy.model.js';
import { importObjectId, termUuid } from './ids.js';
import { contactMapper, locationMapper, organizationMapper, serviceMapper, taxonomyTermMapper } from './mappers.js';
import { ROW_SCHEMAS, storedColumns, type Rows } from './rows.js';
import { TABLES, table, type TableName } from './spec.js';
import { CsvError, decodeCell, parseTable, tableOfFile, type ParsedTable } from './tabular.js';
import { FILLED_COLUMNS, adaptRow, adjustmentText, skippedWithParent, type Adjustment, type AdjustmentAction } from './plain-hsds.js';
import { type Actor } from '../../accounts/permissions.js';
import { say, type Message } from '../../contract/text/messages.js';
import { sayText } from '../../contract/text/zod-messages.js'; // the report is read in English (lang="en")
import type { Language } from '../../contract/text/languages.js';

/**
 * Import of an HSDS tabular data package (zip) or of one table as CSV, in the columns of the export.
 * Every row is validated (types, the Iraq profile's rules, references between rows and to records
 * already in the directory) before anything is written; a file with errors imports nothing unless
 * `skipInvalid`, which leaves out the invalid rows and whatever depends on them. Records are upserted
 * by the ObjectId their HSDS id stands for, so importing the same file again changes nothing new.
 * Plain HSDS 3.0 (without the profile's columns) is brought into the profile row by row by the rules
 * of plain-hsds.ts; what they did to each row is in the report's `adjustments`.
 * A service's capacity is never erased by a file that could not hold it (see capacityToKeep).
 *
 * FerretDB has no transactions: if the database fails half-way, what was written stays; running the
 * import again completes it (upserts are idempotent).
 */

export interface ImportIssue {
  table: TableName | 'package';
  /** Spreadsheet row (the header is row 1); 0 for the file as a whole. */
  row: number;
  column: string | null;
  message: string;
}

/** What the import did to a row to bring plain HSDS into the profile; `text` in each language for the reader. */
export interface ImportAdjustment extends ImportIssue {
  action: AdjustmentAction;
  text: Record<Language, string>;
}

export interface ImportOptions {
  skipInvalid?: boolean;
  dryRun?: boolean;
  /** For a single CSV: the table, or a file name like services.csv that names it. */
  table?: TableName;
  fileName?: string;
  /** Who imports (for the audit log); null for the command line. */
  actor?: Actor | null;
}

type Counted = 'taxonomy_terms' | 'organizations' | 'locations' | 'services' | 'contacts';

export interface ImportReport {
  dryRun: boolean;
  /** True when records were (or, in a dry run, would be) written. */
  imported: boolean;
  tables: Partial<Record<TableName, { rows: number; valid: number }>>;
  created: Record<Counted, number>;
  updated: Record<Counted, number>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  adjustments: ImportAdjustment[];
  /** HSDS ids of confidential services whose stored capacity was kept (see capacityToKeep). */
  keptCapacity: string[];
}

/** A file that cannot be read at all; `text` says why in the importer's language. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(readonly text: Message) {
    super(say(text, 'en'));
  }
}

/** Most an archive may unpack to, against zip bombs. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_ISSUES = 1000;

interface Row<T extends TableName> {
  row: number;
  value: Rows[T];
}
type Valid = { [T in TableName]: Map<string, Row<T>> };
/** Per table, the ids of rows left out as not for this directory (see plain-hsds.ts). */
type Skipped = Record<TableName, Set<string>>;

const adjusted = (table: TableName, row: number, a: Adjustment): ImportAdjustment => ({ table, row, column: a.column, action: a.action, ...adjustmentText(a.text) });

const isZip = (data: Uint8Array) => data.length > 3 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

function readTables(input: Uint8Array | string, options: ImportOptions, warnings: ImportIssue[]): ParsedTable[] {
  const parse = (name: TableName, text: string) => {
    try {
      return parseTable(name, text);
    } catch (err) {
      throw new ImportFileError({ key: 'importNotCsv', params: { file: table(name).path, error: err instanceof CsvError ? err.message : String(err) } });
    }
  };
  if (typeof input !== 'string' && isZip(input)) {
    let unpacked = 0;
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(input, {
        filter: (f) => {
          unpacked += f.originalSize;
          if (unpacked > MAX_UNPACKED_BYTES) throw new ImportFileError({ key: 'importTooLarge' });
          return f.name.toLowerCase().endsWith('.csv');
        },
      });
    } catch (err) {
      throw err instanceof ImportFileError ? err : new ImportFileError({ key: 'importNotZip', params: { error: err instanceof Error ? err.message : String(err) } });
    }
    const decoder = new TextDecoder('utf-8', { fatal: true });
    return Object.entries(files).flatMap(([name, data]) => {
      const t = tableOfFile(name);
      if (!t) {
        warnings.push({ table: 'package', row: 0, column: null, message: `${name} is not an HSDS table this directory imports; ignored` });
        return [];
      }
      try {
        return [parse(t, decoder.decode(data))];
      } catch (err) {
        if (err instanceof ImportFileError) throw err;
        throw new ImportFileError({ key: 'importNotUtf8', params: { file: name } });
      }
    });
  }
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  const name = options.table ?? (options.fileName ? tableOfFile(options.fileName) : undefined) ?? tableOfHeader(text);
  return [parse(name, text)];
}

/** The one table whose columns contain every column of the header, and whose required columns are all there. */
function tableOfHeader(text: string): TableName {
  const header = new Set(parseTable('organization', text.split(/\r?\n/, 1)[0] ?? '').header);
  const fits = TABLES.filter((t) => {
    const fields = table(t).fields;
    return [...header].every((h) => fields.some((f) => f.name === h)) && fields.every((f) => !f.required || header.has(f.name));
  });
  if (fits.length !== 1) {
    throw new ImportFileError(
      fits.length ? { key: 'importWhichTable', params: { tables: fits.map((t) => table(t).path).join(', ') } } : { key: 'importNoTable' },
    );
  }
  return fits[0]!;
}

/** Decodes and validates every row of a table; returns the valid ones by id. */
function validateTable<T extends TableName>(
  parsed: ParsedTable & { name: T },
  report: Pick<ImportReport, 'errors' | 'warnings' | 'adjustments'>,
  skipped: Set<string>,
): Map<string, Row<T>> {
  const { errors, warnings } = report;
  const { fields } = table(parsed.name);
  const known = new Map(fields.map((f) => [f.name, f]));
  const stored = storedColumns(parsed.name);
  const out = new Map<string, Row<T>>();
  const headerErrors = [
    ...parsed.header.filter((h) => !known.has(h)).map((h) => ({ column: h, message: 'not a column of this table' })),
    ...fields.filter((f) => f.required && !parsed.header.includes(f.name) && !FILLED_COLUMNS[parsed.name]?.includes(f.name)).map((f) => ({ column: f.name, message: 'required column missing' })),
  ];
  if (headerErrors.length) {
    errors.push(...headerErrors.map((e) => ({ table: parsed.name, row: 1, ...e })));
    return out;
  }
  const ignored = parsed.header.filter((h) => !stored.has(h) && parsed.records.some((r) => r.cells[h] !== ''));
  for (const column of ignored) {
    warnings.push({ table: parsed.name, row: 0, column, message: 'not stored by this directory; values ignored' });
  }
  const schema = ROW_SCHEMAS[parsed.name];
  for (const record of parsed.records) {
    const values: Record<string, unknown> = {};
    const rowErrors: ImportIssue[] = [];
    for (const column of parsed.header) {
      if (!stored.has(column)) continue;
      const decoded = decodeCell(known.get(column)!, record.cells[column]!);
      if ('error' in decoded) rowErrors.push({ table: parsed.name, row: record.row, column, message: decoded.error });
      else if (decoded.value !== undefined) values[column] = decoded.value;
    }
    const adapted = rowErrors.length ? { skip: false, adjustments: [] } : adaptRow(parsed.name, values);
    report.adjustments.push(...adapted.adjustments.map((a) => adjusted(parsed.name, record.row, a)));
    if (adapted.skip) {
      if (typeof values.id === 'string') skipped.add(values.id.toLowerCase());
      continue;
    }
    const result = rowErrors.length ? undefined : schema.safeParse(values);
    if (result && !result.success) {
      for (const issue of result.error.issues) {
        rowErrors.push({ table: parsed.name, row: record.row, column: issue.path.length ? String(issue.path[0]) : null, message: sayText(issue.message, 'en') });
      }
    }
    if (rowErrors.length || !result?.success) {
      errors.push(...rowErrors);
      continue;
    }
    const value = result.data as Rows[T];
    if (out.has(value.id)) {
      errors.push({ table: parsed.name, row: record.row, column: 'id', message: `the same id as row ${out.get(value.id)!.row}` });
      continue;
    }
    out.set(value.id, { row: record.row, value });
  }
  return out;
}

/** Ids (as ObjectId hex) that already exist in a collection. */
async function existing<D>(model: Model<D>, ids: Types.ObjectId[]): Promise<Set<string>> {
  const found: { _id: Types.ObjectId }[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const filter = { _id: { $in: ids.slice(i, i + 1000) } } as FilterQuery<D>;
    found.push(...(await model.find(filter, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>()));
  }
  return new Set(found.map((d) => d._id.toHexString()));
}

const oidHex = (uuid: string) => importObjectId(uuid).toHexString();
const groupBy = <T>(rows: Iterable<T>, key: (row: T) => string | undefined) => {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k !== undefined) out.set(k, [...(out.get(k) ?? []), row]);
  }
  return out;
};

/**
 * Checks the references between rows, and to records already in the database. Invalid rows are
 * dropped (with an error) until nothing changes, so a row whose parent was dropped goes too.
 */
async function checkReferences(valid: Valid, skipped: Skipped, errors: ImportIssue[], adjustments: ImportAdjustment[]) {
  for (const name of ['address', 'service_at_location'] as const) {
    for (const [id, r] of valid[name]) {
      if (!skipped.location.has(r.value.location_id)) continue;
      adjustments.push(adjusted(name, r.row, skippedWithParent('location_id', r.value.location_id)));
      valid[name].delete(id);
    }
  }
  const inDb = {
    organizations: await existing(OrganizationModel, [
      ...[...valid.location.values()].map((r) => importObjectId(r.value.organization_id)),
      ...[...valid.service.values()].map((r) => importObjectId(r.value.organization_id)),
      ...[...valid.contact.values()].flatMap((r) => (r.value.organization_id ? [importObjectId(r.value.organization_id)] : [])),
    ]),
    locations: await existing(LocationModel, [
      ...[...valid.service_at_location.values()].map((r) => importObjectId(r.value.location_id)),
      ...[...valid.organization.values()].flatMap((r) => (r.value.head_office_location_id ? [importObjectId(r.value.head_office_location_id)] : [])),
    ]),
    services: new Map(
      (
        await ServiceModel.find(
          { _id: { $in: [...valid.contact.values()].flatMap((r) => (r.value.service_id ? [importObjectId(r.value.service_id)] : [])) } },
          { organizationId: 1 },
        ).lean<{ _id: Types.ObjectId; organizationId: Types.ObjectId }[]>()
      ).map((s) => [s._id.toHexString(), s.organizationId]),
    ),
    terms: new Map(
      (await TaxonomyTermModel.find({}, { code: 1, parent: 1 }).lean<{ code: string; parent: string | null }[]>()).map((t) => [termUuid(t.code), t]),
    ),
  };
  const fileOrg = (uuid: string) => valid.organization.has(uuid) || inDb.organizations.has(oidHex(uuid));
  const fileLocation = (uuid: string) => valid.location.has(uuid) || inDb.locations.has(oidHex(uuid));
  const term = (uuid: string) => {
    const row = valid.taxonomy_term.get(uuid);
    if (row) return { code: row.value.code, parentId: row.value.parent_id };
    const stored = inDb.terms.get(uuid);
    return stored ? { code: stored.code, parentId: stored.parent ? termUuid(stored.parent) : undefined } : undefined;
  };

  const rule = <T extends TableName>(name: T, check: (row: Rows[T]) => { column: string; message: string } | undefined) => {
    let dropped = false;
    for (const [id, r] of valid[name]) {
      const problem = check(r.value);
      if (!problem) continue;
      errors.push({ table: name, row: r.row, ...problem });
      valid[name].delete(id);
      dropped = true;
    }
    return dropped;
  };
  const unknown = (what: string) => `no ${what} with this id in the file or the directory`;

  for (let changed = true; changed; ) {
    const addresses = groupBy(valid.address.values(), (r) => r.value.location_id);
    const phoneParents = (p: Rows['phone']) => [p.contact_id, p.service_id, p.organization_id].filter((x) => x !== undefined);
    changed = [
      rule('taxonomy_term', (t) => {
        if (!t.parent_id) return undefined;
        const parent = term(t.parent_id);
        if (!parent) return { column: 'parent_id', message: unknown('taxonomy term') };
        return parent.parentId ? { column: 'parent_id', message: 'the parent is itself a category: the taxonomy has two levels' } : undefined;
      }),
      rule('organization', (o) =>
        o.head_office_location_id && !fileLocation(o.head_office_location_id) ? { column: 'head_office_location_id', message: unknown('location') } : undefined,
      ),
      rule('location', (l) => {
        if (!fileOrg(l.organization_id)) return { column: 'organization_id', message: unknown('organization') };
        const own = addresses.get(l.id)?.length ?? 0;
        return own === 1 ? undefined : { column: 'id', message: own ? 'more than one address (addresses.csv) for this location' : 'no address (addresses.csv) for this location' };
      }),
      rule('address', (a) => (valid.location.has(a.location_id) ? undefined : { column: 'location_id', message: 'no valid location with this id in the file' })),
      rule('service', (s) => (fileOrg(s.organization_id) ? undefined : { column: 'organization_id', message: unknown('organization') })),
      rule('service_at_location', (x) =>
        !valid.service.has(x.service_id)
          ? { column: 'service_id', message: 'no valid service with this id in the file' }
          : !fileLocation(x.location_id)
            ? { column: 'location_id', message: unknown('location') }
            : undefined,
      ),
      ...(['service_area', 'language', 'schedule', 'service_capacity'] as const).map((name) =>
        rule(name, (x) => (valid.service.has(x.service_id) ? undefined : { column: 'service_id', message: 'no valid service with this id in the file' })),
      ),
      rule('attribute', (a) =>
        !valid.service.has(a.link_id)
          ? { column: 'link_id', message: 'no valid service with this id in the file' }
          : !term(a.taxonomy_term_id)
            ? { column: 'taxonomy_term_id', message: unknown('taxonomy term') }
            : undefined,
      ),
      rule('contact', (c) => {
        if (c.organization_id) return fileOrg(c.organization_id) ? undefined : { column: 'organization_id', message: unknown('organization') };
        if (!c.service_id) return { column: 'organization_id', message: 'a contact needs an organization_id or a service_id' };
        return valid.service.has(c.service_id) || inDb.services.has(oidHex(c.service_id)) ? undefined : { column: 'service_id', message: unknown('service') };
      }),
      rule('phone', (p) => {
        const [parent] = phoneParents(p);
        if (parent === undefined) return { column: 'organization_id', message: 'a phone needs an organization_id, service_id or contact_id' };
        const ok = p.contact_id ? valid.contact.has(parent) : p.service_id ? valid.service.has(parent) : valid.organization.has(parent);
        return ok ? undefined : { column: p.contact_id ? 'contact_id' : p.service_id ? 'service_id' : 'organization_id', message: 'phones are imported with their organization, service or contact: no valid one with this id in the file' };
      }),
    ].some(Boolean);
  }
  const organizationOfService = (uuid: string): Types.ObjectId | undefined => {
    const inFile = valid.service.get(uuid)?.value.organization_id;
    return inFile ? importObjectId(inFile) : inDb.services.get(oidHex(uuid));
  };
  return { term, organizationOfService };
}

/**
 * Which services keep their stored capacity rather than take the file's: an import never erases
 * figures the file could not have held. The public export leaves out a confidential service's
 * capacity (a shelter's occupancy is for signed-in referrers), so re-importing it must not clear them.
 * - A file without a service_capacity table (a package without service_capacity.csv, or one other
 *   CSV table) leaves every service's capacity as it is.
 * - A service that is confidential (in the database or in the file) and has no service_capacity rows
 *   in the file keeps its stored capacity; 'reported' when there was some to keep (a warning and
 *   `keptCapacity` in the report and the audit entry). To clear it, clear it in the directory.
 * - Otherwise the file's rows replace the service's capacity (none: no capacity).
 */
async function capacityToKeep(
  valid: Valid,
  tables: ImportReport['tables'],
  capacities: Map<string, Rows['service_capacity'][]>,
): Promise<(service: Rows['service']) => false | 'silent' | 'reported'> {
  if (!tables.service_capacity) return () => 'silent';
  const candidates = [...valid.service.values()].filter((r) => !capacities.get(r.value.id)?.length).map((r) => importObjectId(r.value.id));
  const stored = await ServiceModel.find({ _id: { $in: candidates } }, { confidential: 1, capacity: 1 }).lean<{ _id: Types.ObjectId; confidential?: boolean; capacity?: unknown[] }[]>();
  const byId = new Map(stored.map((s) => [s._id.toHexString(), s]));
  return (service) => {
    if (capacities.get(service.id)?.length) return false;
    const current = byId.get(importObjectId(service.id).toHexString());
    if (!service.confidential && !current?.confidential) return false;
    return current?.capacity?.length ? 'reported' : 'silent';
  };
}

/** One record to write: directory records by _id, taxonomy terms by code (their natural key). */
interface Upsert {
  filter: { _id: Types.ObjectId } | { code: string };
  set: Record<string, unknown>;
  unset?: string[];
  setOnInsert?: Record<string, unknown>;
}
/** An import may move a confidential service: the places it had and gets stay secret (see holdPlacesSecret). */
async function holdPlacesOfConfidential(services: Upsert[]): Promise<void> {
  const ids = services.flatMap((u) => ('_id' in u.filter ? [u.filter._id] : []));
  const confidential = (await findByIds(ServiceModel, ids, ['confidential', 'locationIds'])).filter((s) => s.confidential);
  if (!confidential.length) return;
  const incoming = new Map(services.map((u) => [keyOf(u), (u.set.locationIds as Types.ObjectId[] | undefined) ?? []]));
  await holdPlacesSecret(confidential.flatMap((s) => [...s.locationIds, ...(incoming.get(s._id.toHexString()) ?? [])]));
}

const keyOf = (u: Upsert) => ('code' in u.filter ? u.filter.code : u.filter._id.toHexString());

/** Which of these upserts would update an existing record. */
async function existingOf<D>(model: Model<D>, upserts: Upsert[]): Promise<Set<string>> {
  if (upserts[0] && 'code' in upserts[0].filter) {
    const filter = { code: { $in: upserts.map(keyOf) } } as FilterQuery<D>;
    return new Set((await model.find(filter, { code: 1 }).lean<{ code: string }[]>()).map((t) => t.code));
  }
  return existing(model, upserts.map((u) => (u.filter as { _id: Types.ObjectId })._id));
}

/** Empty objects are not stored (Mongoose's `minimize`); top-level ones are unset, so an import can clear a field. */
function minimize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(minimize);
  if (!value || typeof value !== 'object' || value.constructor !== Object) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const m = minimize(v);
    if (!(m && typeof m === 'object' && m.constructor === Object && !Object.keys(m).length)) out[k] = m;
  }
  return out;
}

/** A document as the model casts it (defaults applied), minus what the database manages; with model validation errors. */
function cast<D>(model: Model<D>, id: Types.ObjectId, fields: Record<string, unknown>, drop: string[] = []) {
  const doc = new model({ _id: id, ...fields, sample: false, archivedAt: null });
  const invalid = doc.validateSync();
  const object = doc.toObject({ versionKey: false, minimize: false }) as Record<string, unknown>;
  for (const key of ['_id', 'version', 'createdAt', 'updatedAt', ...drop]) delete object[key];
  const set = minimize(object) as Record<string, unknown>;
  const unset = Object.keys(object).filter((k) => !(k in set));
  const messages = invalid ? Object.entries(invalid.errors).map(([path, e]) => `${path}: ${e.message}`) : [];
  return { set, unset, ...(messages.length ? { error: messages.join('; ') } : {}) };
}

async function upsertAll<D>(model: Model<D>, upserts: Upsert[], dryRun: boolean): Promise<{ created: number; updated: number }> {
  const before = await existingOf(model, upserts);
  const updated = upserts.filter((u) => before.has(keyOf(u))).length;
  if (dryRun) return { created: upserts.length - updated, updated };
  for (let i = 0; i < upserts.length; i += 500) {
    // Fields for new records only go into $set of those (Mongoose's bulkWrite owns $setOnInsert for timestamps).
    const operations = upserts.slice(i, i + 500).map((u) => ({
      updateOne: {
        filter: u.filter,
        update: {
          $set: before.has(keyOf(u)) ? u.set : { ...u.set, ...u.setOnInsert },
          $inc: { version: 1 },
          ...(u.unset?.length ? { $unset: Object.fromEntries(u.unset.map((k) => [k, ''] as const)) } : {}),
        },
        upsert: true,
      },
    }));
    await model.bulkWrite<{ _id: Types.ObjectId; code?: string; version: number }>(operations, { ordered: true });
  }
  return { created: upserts.length - updated, updated };
}

const zero = (): Record<Counted, number> => ({ taxonomy_terms: 0, organizations: 0, locations: 0, services: 0, contacts: 0 });

export async function importHsdsPackage(input: Uint8Array | string, options: ImportOptions = {}): Promise<ImportReport> {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const adjustments: ImportAdjustment[] = [];
  const parsed = readTables(input, options, warnings);
  const valid = Object.fromEntries(TABLES.map((t) => [t, new Map()])) as Valid;
  const skipped = Object.fromEntries(TABLES.map((t) => [t, new Set()])) as Skipped;
  const tables: ImportReport['tables'] = {};
  for (const p of parsed) {
    const rows = validateTable(p, { errors, warnings, adjustments }, skipped[p.name]);
    for (const [id, row] of rows) (valid[p.name] as Map<string, Row<TableName>>).set(id, row);
    tables[p.name] = { rows: p.records.length, valid: rows.size };
  }
  const refs = await checkReferences(valid, skipped, errors, adjustments);

  // Directory records from the rows (the inverse mappers), cast and validated by the models.
  const byParent = <T extends 'phone' | 'schedule' | 'service_capacity' | 'service_area' | 'language' | 'service_at_location'>(name: T, key: (r: Rows[T]) => string | undefined) =>
    groupBy([...valid[name].values()].map((r) => r.value), key);
  const phonesOf = byParent('phone', (p) => p.contact_id ?? p.service_id ?? p.organization_id);
  const upserts = { taxonomy_terms: [] as Upsert[], organizations: [] as Upsert[], locations: [] as Upsert[], services: [] as Upsert[], contacts: [] as Upsert[] };
  /** `extra.drop`: fields of the cast document that `extra.set` / `extra.setOnInsert` write by path instead. */
  const add = <D>(key: Counted, name: TableName, row: number, model: Model<D>, id: Types.ObjectId, fields: Record<string, unknown>, extra: Partial<Upsert> & { drop?: string[] } = {}) => {
    const { set, unset, error } = cast(model, id, fields, extra.drop);
    if (error) errors.push({ table: name, row, column: null, message: error });
    else upserts[key].push({ filter: { _id: id }, set: { ...set, ...extra.set }, unset, ...(extra.setOnInsert ? { setOnInsert: extra.setOnInsert } : {}) });
  };

  // Terms are keyed by code; new ones go after the existing ones, in file order.
  const lastOrder = (await TaxonomyTermModel.findOne({}, { order: 1 }).sort({ order: -1 }).lean<{ order: number }>())?.order ?? -1;
  for (const [i, { value }] of [...valid.taxonomy_term.values()].entries()) {
    const parentCode = value.parent_id ? refs.term(value.parent_id)!.code : null;
    const fields = taxonomyTermMapper.fromHsds(value, parentCode);
    upserts.taxonomy_terms.push({ filter: { code: fields.code }, set: { ...fields, archivedAt: null }, setOnInsert: { order: lastOrder + 1 + i } });
  }

  const addressOf = groupBy([...valid.address.values()].map((r) => r.value), (a) => a.location_id);
  const locationFields = new Map<string, ReturnType<typeof locationMapper.fromHsds>>();
  for (const { row, value } of valid.location.values()) {
    const fields = locationMapper.fromHsds(value, addressOf.get(value.id)![0]!);
    locationFields.set(value.id, fields);
    add('locations', 'location', row, LocationModel, importObjectId(value.id), fields);
  }

  const dbHeadOffices = new Map(
    (
      await LocationModel.find(
        { _id: { $in: [...valid.organization.values()].flatMap((r) => (r.value.head_office_location_id && !valid.location.has(r.value.head_office_location_id) ? [importObjectId(r.value.head_office_location_id)] : [])) } },
        { 'address.governorate': 1 },
      ).lean<{ _id: Types.ObjectId; address?: { governorate?: string } }[]>()
    ).map((l) => [l._id.toHexString(), l.address?.governorate ?? null]),
  );
  for (const { row, value } of valid.organization.values()) {
    const fields = organizationMapper.fromHsds(value, phonesOf.get(value.id) ?? []);
    const headOffice = value.head_office_location_id;
    add('organizations', 'organization', row, OrganizationModel, importObjectId(value.id), {
      ...fields,
      headOfficeGovernorate: headOffice ? (locationFields.get(headOffice)?.address.governorate ?? dbHeadOffices.get(oidHex(headOffice)) ?? null) : null,
      // As the organisation use cases compute it (organizationToStored).
      search: searchFields({
        name: fields.name,
        alternateName: fields.alternateName,
        description: fields.description,
        extra: [fields.type.replace(/-/g, ' ')],
      }),
    }, {
      // The status comes from the file; who verified, when, their note and a rejection stay as they are.
      drop: ['verification'],
      set: { 'verification.status': fields.verification.status },
      setOnInsert: Object.fromEntries(Object.keys(verificationMongoose).filter((key) => key !== 'status').map((key) => [`verification.${key}`, null])),
    });
  }

  const schedules = byParent('schedule', (s) => s.service_id);
  const capacities = byParent('service_capacity', (s) => s.service_id);
  const areas = byParent('service_area', (s) => s.service_id);
  const languages = byParent('language', (s) => s.service_id);
  const sals = byParent('service_at_location', (s) => s.service_id);
  const categories = groupBy([...valid.attribute.values()].map((r) => r.value), (a) => a.link_id);
  const keepCapacity = await capacityToKeep(valid, tables, capacities);
  const keptCapacity: string[] = [];
  for (const { row, value } of valid.service.values()) {
    const fields = serviceMapper.fromHsds(value, {
      phones: phonesOf.get(value.id) ?? [],
      schedules: schedules.get(value.id) ?? [],
      capacities: capacities.get(value.id) ?? [],
      areas: areas.get(value.id) ?? [],
      languages: languages.get(value.id) ?? [],
      categories: (categories.get(value.id) ?? []).map((a) => refs.term(a.taxonomy_term_id)!.code),
      locations: sals.get(value.id) ?? [],
    });
    const keep = keepCapacity(value);
    if (keep === 'reported') {
      keptCapacity.push(value.id);
      warnings.push({ table: 'service_capacity', row: 0, column: null, message: `service ${value.id} is confidential and the file has no capacity for it (a public export leaves it out): its stored capacity is kept` });
    }
    // Kept capacity is not written; a new service starts with what the file says (none).
    const capacityOnInsert = { capacity: fields.capacity, capacityFreeAt: fields.capacityFreeAt };
    add('services', 'service', row, ServiceModel, importObjectId(value.id), fields, keep ? { drop: ['capacity', 'capacityFreeAt'], setOnInsert: capacityOnInsert } : {});
  }

  for (const { row, value } of valid.contact.values()) {
    const organizationId = value.organization_id ? importObjectId(value.organization_id) : refs.organizationOfService(value.service_id!)!;
    add('contacts', 'contact', row, ContactModel, importObjectId(value.id), contactMapper.fromHsds(value, organizationId, phonesOf.get(value.id) ?? []));
  }

  const report: ImportReport = {
    dryRun: Boolean(options.dryRun),
    imported: false,
    tables,
    created: zero(),
    updated: zero(),
    errors: errors.slice(0, MAX_ISSUES),
    warnings: warnings.slice(0, MAX_ISSUES),
    adjustments: adjustments.slice(0, MAX_ISSUES),
    keptCapacity,
  };
  if (errors.length && !options.skipInvalid) return report;

  const write = async <D>(key: Counted, model: Model<D>) => {
    const counts = await upsertAll(model, upserts[key], report.dryRun);
    report.created[key] = counts.created;
    report.updated[key] = counts.updated;
  };
  // Parents first, so a failure half-way leaves no dangling reference behind.
  await write('taxonomy_terms', TaxonomyTermModel);
  await write('organizations', OrganizationModel);
  await write('locations', LocationModel);
  if (!report.dryRun) await holdPlacesOfConfidential(upserts.services);
  await write('services', ServiceModel);
  await write('contacts', ContactModel);
  report.imported = true;
  if (options.dryRun) return report;

  // Derived fields of services (organisation type, map point, search) from what was just written.
  const ids = (list: Upsert[]) => list.map((u) => (u.filter as { _id: Types.ObjectId })._id);
  await refreshServices({
    $or: [
      { _id: { $in: ids(upserts.services) } },
      { organizationId: { $in: ids(upserts.organizations) } },
      { locationIds: { $in: ids(upserts.locations) } },
      { categories: { $in: upserts.taxonomy_terms.map((u) => String(u.set.code)) } },
    ],
  });
  await recordAudit(options.actor ?? null, {
    action: 'import',
    entity: 'hsds-package',
    after: { created: report.created, updated: report.updated, errors: errors.length, keptCapacity },
  });
  return report;
}
