import { z } from 'zod';

const Counts = z.record(z.string(), z.number().int());
export const Facets = z.object({
  total: z.number().int(),
  governorate: Counts,
  category: Counts,
  population: Counts,
  language: Counts,
  organizationType: Counts,
});
export type Facets = z.infer<typeof Facets>;
export type FacetName = keyof Omit<Facets, 'total'>;
