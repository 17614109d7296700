import { z } from 'zod';
import { ContactBrief } from '../services/service.schemas.js';

export { ContactCreate, ContactUpdate } from './contact.input.js';

export const ContactView = ContactBrief.extend({
  organizationId: z.string(),
  serviceId: z.string().nullable(),
  department: z.string().nullable(),
});
export type ContactView = z.infer<typeof ContactView>;


/** One contact as read for editing: with the version its ETag names. */
export const ContactDetail = ContactView.extend({ version: z.number().int() });
export type ContactDetail = z.infer<typeof ContactDetail>;
