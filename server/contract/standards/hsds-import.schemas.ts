import { z } from 'zod';
import { queryBoolean } from '../query-params.js';

/** The tables this directory exports and imports, in dependency order (parents first). */
export const TABLES = [
  'taxonomy',
  'taxonomy_term',
  'organization',
  'location',
  'address',
  'service',
  'service_at_location',
  'service_area',
  'language',
  'schedule',
  'service_capacity',
  'attribute',
  'contact',
  'phone',
] as const;
/** POST /admin/import: check only or import, skip invalid rows, and for a single CSV which table it holds. */
export const ImportQuery = z.strictObject({
  dryRun: queryBoolean.optional(),
  skipInvalid: queryBoolean.optional(),
  /** For a single CSV: which HSDS table it holds (found from its columns when they fit only one). */
  table: z.enum(TABLES).optional(),
});

const Issue = z.object({ table: z.string(), row: z.number().int(), column: z.string().nullable(), message: z.string() });
/** How the import brought a row of plain HSDS 3.0 into the profile (see server/standards/hsds/plain-hsds.ts). */
export const IMPORT_ADJUSTMENTS = ['mapped', 'defaulted', 'left-out', 'skipped'] as const;
/** What the import did to a row of plain HSDS 3.0 to bring it into the Iraq profile (message in English, text in each language). */
const Adjustment = Issue.extend({
  action: z.enum(IMPORT_ADJUSTMENTS),
  text: z.object({ en: z.string(), ar: z.string(), ckb: z.string() }),
});
const Counts = z.object({
  taxonomy_terms: z.number().int(),
  organizations: z.number().int(),
  locations: z.number().int(),
  services: z.number().int(),
  contacts: z.number().int(),
});
/** What an import found and did (or, in a dry run, would do). */
export const ImportReportView = z.object({
  dryRun: z.boolean(),
  imported: z.boolean(),
  tables: z.record(z.string(), z.object({ rows: z.number().int(), valid: z.number().int() })),
  created: Counts,
  updated: Counts,
  errors: z.array(Issue),
  warnings: z.array(Issue),
  /** Per row, what was mapped, defaulted, left out or skipped to bring plain HSDS 3.0 into the profile. */
  adjustments: z.array(Adjustment),
  /** HSDS ids of confidential services whose stored capacity the import kept: the file had none for them. */
  keptCapacity: z.array(z.string()),
});
export type ImportReportView = z.infer<typeof ImportReportView>;
