import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { translatedMongoose } from '../../platform/text/translated.js';
import { phoneMongoose } from '../phone.js';
import { directoryRecord } from '../record-plugin.js';
import { verificationMongoose } from '../records/verification.js';
import { CAPACITY_UNITS, GENDER_RESTRICTIONS, POPULATIONS, REQUIRED_IDENTIFICATIONS, RESPONSE_COMMITMENTS, SERVICE_STATUSES } from '../../contract/directory/vocabulary.js';

/** Opening hours, after HSDS `schedule` (iCalendar-style weekly rule). */
const ScheduleSchema = new Schema(
  {
    byDay: { type: [String], default: [] },
    opensAt: { type: String, default: null },
    closesAt: { type: String, default: null },
    description: { type: translatedMongoose(), default: {} },
  },
  { _id: false },
);

/** HSDS 3.1 `service_capacity`: how many units are free now, of how many, as of `updatedAt`. */
const CapacitySchema = new Schema(
  {
    unit: { type: String, enum: CAPACITY_UNITS, required: true },
    available: { type: Number, required: true },
    maximum: { type: Number, default: null },
    description: { type: translatedMongoose(), default: {} },
    updatedAt: { type: Date, required: true },
  },
  { _id: false },
);

const ServiceSchema = new Schema(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true, index: true },
    name: { type: translatedMongoose(), required: true },
    description: { type: translatedMongoose(), default: {} },
    /** Taxonomy codes (categories, not groups). */
    categories: { type: [String], default: [], index: true },
    populations: { type: [String], enum: POPULATIONS, default: [], index: true },
    ageMin: { type: Number, default: null },
    ageMax: { type: Number, default: null },
    genderRestriction: { type: String, enum: GENDER_RESTRICTIONS, default: 'any' },
    /** The identification the service requires; the referral wizard warns when the person's status falls short. */
    requiredIdentification: { type: String, enum: REQUIRED_IDENTIFICATIONS, default: 'none' },
    /** How quickly the service acknowledges a referral: what a referral's overdue time is computed from. */
    responseCommitment: { type: String, enum: [...RESPONSE_COMMITMENTS, null], default: null },
    languages: { type: [String], default: [], index: true },
    eligibility: { type: translatedMongoose(), default: {} },
    applicationProcess: { type: translatedMongoose(), default: {} },
    fees: { type: translatedMongoose(), default: {} },
    free: { type: Boolean, default: true },
    schedules: { type: [ScheduleSchema], default: [] },
    status: { type: String, enum: SERVICE_STATUSES, default: 'active', index: true },
    locationIds: { type: [Schema.Types.ObjectId], ref: 'Location', default: [] },
    /** Service area: governorate codes (ISO 3166-2) the service covers. */
    governorates: { type: [String], default: [], index: true },
    /** Shelters and safe houses: no address, coordinates or location names leave the server publicly. */
    confidential: { type: Boolean, default: false },
    url: { type: String, default: null },
    email: { type: String, default: null },
    phones: { type: [phoneMongoose], default: [] },
    lastVerifiedAt: { type: Date, default: null, index: true },
    capacity: { type: [CapacitySchema], default: [] },
    /**
     * When the freshest figure with a unit free was given (null: none free): the "free capacity now"
     * filter compares it with the stale age of the moment, so staleness itself is never stored.
     */
    capacityFreeAt: { type: Date, default: null },
    verification: verificationMongoose,

    // Denormalised from the organisation so filters stay single-collection queries (no joins).
    organizationType: { type: String, index: true },
    acceptsReferrals: { type: Boolean, default: false, index: true },

    /**
     * Where the service is drawn and measured from. For confidential services this is the capital
     * of its governorate (`precision: 'governorate'`), never the real place.
     */
    point: {
      lat: { type: Number, default: null },
      lng: { type: Number, default: null },
      precision: { type: String, enum: ['exact', 'governorate'], default: 'exact' },
    },
    search: {
      nameTokens: { type: [String], default: [] },
      // Matched by the in-memory catalog (prefix per word), so no database index.
      words: { type: [String], default: [] },
      sortName: { type: String, default: '' },
    },
  },
  { collection: 'services' },
);
ServiceSchema.plugin(directoryRecord);
ServiceSchema.index({ 'point.lat': 1, 'point.lng': 1 });
ServiceSchema.index({ archivedAt: 1, status: 1, 'search.sortName': 1 });

export type ServiceDoc = InferSchemaType<typeof ServiceSchema> & { _id: Types.ObjectId };
export const ServiceModel = model('Service', ServiceSchema);
