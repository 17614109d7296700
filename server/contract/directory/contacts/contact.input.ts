import { z } from 'zod';
import { plainText } from '../../text/plain-text.js';
import { OptionalTranslatedSchema } from '../../text/translated-input.js';
import { PhoneSchema } from '../phone-input.js';
import { ObjectIdSchema } from '../records/object-id.js';
import { SERVICE_LANGUAGES } from '../vocabulary.js';

/** What a client writes into a contact, free of server runtime code so the web app checks its forms with the same rules. */

// No zod defaults: an update must not reset what it does not mention. The model supplies defaults on create.
const contactFields = {
  /** The service this contact is for; null for the organisation as a whole. */
  serviceId: ObjectIdSchema.nullable(),
  name: plainText(200),
  title: OptionalTranslatedSchema,
  department: z.string().trim().min(1).max(200).nullable(),
  email: z.email().max(200).nullable(),
  phones: z.array(PhoneSchema).max(10),
  languages: z
    .array(z.enum(SERVICE_LANGUAGES))
    .max(SERVICE_LANGUAGES.length)
    .transform((l) => [...new Set(l)]),
  /** Receives referrals for the organisation or service. */
  referralFocalPoint: z.boolean(),
};

export const ContactCreate = z
  .strictObject({ organizationId: ObjectIdSchema, ...contactFields })
  .partial()
  .required({ organizationId: true, name: true });
export type ContactCreate = z.infer<typeof ContactCreate>;

export const ContactUpdate = z.strictObject(contactFields).partial();
export type ContactUpdate = z.infer<typeof ContactUpdate>;
