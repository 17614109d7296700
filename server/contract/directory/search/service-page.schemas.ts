import { z } from 'zod';
import { pageSchema } from '../records/page.schemas.js';
import { ServiceSummary } from '../services/service.schemas.js';
import { CorrectedWord, Understood } from './understood.schemas.js';

/** A page of GET /services, with the filters it read from the words typed and the misspelt words it read as others. */
export const servicePageOf = <T extends z.ZodType>(item: T) =>
  pageSchema(item).extend({ understood: z.array(Understood), corrected: z.array(CorrectedWord) });

/** The page as the web app asks for it: whole summaries (it asks for no `fields`) of live services. */
export const ServicePage = servicePageOf(ServiceSummary);
export type ServicePage = z.infer<typeof ServicePage>;
