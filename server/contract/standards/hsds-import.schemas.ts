import { z } from 'zod';

const Issue = z.object({ table: z.string(), row: z.number().int(), column: z.string().nullable(), message: z.string() });
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
  /** HSDS ids of confidential services whose stored capacity the import kept: the file had none for them. */
  keptCapacity: z.array(z.string()),
});
export type ImportReportView = z.infer<typeof ImportReportView>;
