import { z } from 'zod';

const Counts = z.record(z.string(), z.number().int());
export const Facets = z.object({
  total: z.number().int(),
  governorate: Counts,
  category: Counts,
  population: Counts,
  language: Counts,
  organizationType: Counts,
  /** Per district of the governorates chosen or typed (and of the districts chosen): services with a public location there. */
  district: Counts,
  /** The names of the districts counted, for their labels (the web app's reference data has none). */
  districtNames: z.record(z.string(), z.object({ en: z.string(), ar: z.string(), ckb: z.string() })),
});
export type Facets = z.infer<typeof Facets>;
export type FacetName = keyof Omit<Facets, 'total' | 'districtNames'>;
