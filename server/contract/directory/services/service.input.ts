import { z } from 'zod';
import { OptionalTranslatedSchema, TranslatedSchema } from '../../text/translated-input.js';
import { PhoneSchema } from '../phone-input.js';
import { ObjectIdSchema } from '../records/object-id.js';
import { TermCode } from '../taxonomy/taxonomy.schemas.js';
import { CAPACITY_UNITS, GENDER_RESTRICTIONS, POPULATIONS, REQUIRED_IDENTIFICATIONS, RESPONSE_COMMITMENTS, SERVICE_LANGUAGES, SERVICE_STATUSES, WEEKDAYS } from '../vocabulary.js';

/**
 * What a client writes into a service, free of server runtime code so the web app checks its forms
 * with the same rules. Only governorates differ: the server resolves ISO codes and P-codes against
 * its bundled file and passes that schema in; the web app offers the ISO codes themselves.
 */
export function serviceInputWith(governorate: z.ZodType<string, string>) {
  const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
    z
      .array(item)
      .max(max)
      .transform((list) => [...new Set(list)]);

  const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour');

  // A row of opening hours says on which days, and closes after it opens ("HH:MM" compares as text).
  const ScheduleInput = z
    .strictObject({
      byDay: z.array(z.enum(WEEKDAYS)).min(1, 'scheduleNeedsDay').max(7).transform((list) => [...new Set(list)]),
      opensAt: clock.nullable().optional(),
      closesAt: clock.nullable().optional(),
      description: OptionalTranslatedSchema.optional(),
    })
    .refine((row) => !row.opensAt || !row.closesAt || row.opensAt < row.closesAt, { message: 'closesAfterOpens', path: ['closesAt'] });

  // No zod defaults: an update must not reset what it does not mention. The model supplies defaults on create.
  const fields = {
    name: TranslatedSchema,
    description: OptionalTranslatedSchema,
    categories: uniqueList(TermCode, 20),
    populations: uniqueList(z.enum(POPULATIONS), POPULATIONS.length),
    ageMin: z.number().int().min(0).max(120).nullable(),
    ageMax: z.number().int().min(0).max(120).nullable(),
    genderRestriction: z.enum(GENDER_RESTRICTIONS),
    /** E.g. a government shelter taking only formally identified victims. */
    requiredIdentification: z.enum(REQUIRED_IDENTIFICATIONS),
    /** How quickly the service acknowledges a referral; null: not stated (the platform's default applies). */
    responseCommitment: z.enum(RESPONSE_COMMITMENTS).nullable(),
    languages: uniqueList(z.enum(SERVICE_LANGUAGES), SERVICE_LANGUAGES.length),
    eligibility: OptionalTranslatedSchema,
    applicationProcess: OptionalTranslatedSchema,
    fees: OptionalTranslatedSchema,
    free: z.boolean(),
    schedules: z.array(ScheduleInput).max(14),
    status: z.enum(SERVICE_STATUSES),
    /** Where the service is delivered; the first one places it on the map. */
    locationIds: uniqueList(ObjectIdSchema, 50),
    /** Service area; defaults to the governorates of its locations. */
    governorates: uniqueList(governorate, 19),
    /** Shelters and safe houses: shown publicly at governorate level only. */
    confidential: z.boolean(),
    url: z.url({ protocol: /^https?$/ }).max(500).nullable(),
    email: z.email().max(200).nullable(),
    phones: z.array(PhoneSchema).max(10),
  };

  return {
    ServiceCreate: z.strictObject({ organizationId: ObjectIdSchema, ...fields }).partial().required({ organizationId: true, name: true }),
    ServiceUpdate: z.strictObject(fields).partial(),
  };
}

/** One figure of HSDS 3.1 `service_capacity`; the server stamps when it was given. */
export const CapacityEntryInput = z
  .strictObject({
    unit: z.enum(CAPACITY_UNITS),
    available: z.number().int().min(0).max(100_000),
    maximum: z.number().int().min(0).max(100_000).nullable().optional(),
    description: OptionalTranslatedSchema.optional(),
  })
  .refine((c) => c.maximum == null || c.available <= c.maximum, { message: 'capacityAboveMaximum', path: ['available'] });

/** POST /services/:id/capacity: the whole list of figures, each stamped as given now. */
export const CapacityUpdate = z.strictObject({
  capacity: z
    .array(CapacityEntryInput)
    .max(CAPACITY_UNITS.length)
    .refine((list) => new Set(list.map((c) => c.unit)).size === list.length, { message: 'capacityUnitTwice' }),
});
export type CapacityUpdate = z.infer<typeof CapacityUpdate>;

/** The fields an update may change, in form order: what verification compares and a rejection puts back. */
export const SERVICE_EDITABLE_FIELDS: readonly string[] = Object.keys(serviceInputWith(z.string()).ServiceUpdate.shape);
