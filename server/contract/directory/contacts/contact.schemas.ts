import { z } from 'zod';
import { ContactBrief } from '../services/service.schemas.js';

export { ContactCreate, ContactUpdate } from './contact.input.js';

export const ContactView = ContactBrief.extend({
  organizationId: z.string(),
  serviceId: z.string().nullable(),
  department: z.string().nullable(),
});
export type ContactView = z.infer<typeof ContactView>;

