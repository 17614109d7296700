import { z } from 'zod';

/** The sample records a removal took away (or a seed put in), by kind. */
export const SampleCountsView = z.object({
  organizations: z.number().int(),
  locations: z.number().int(),
  services: z.number().int(),
  contacts: z.number().int(),
  activities: z.number().int(),
});
export type SampleCounts = z.infer<typeof SampleCountsView>;
