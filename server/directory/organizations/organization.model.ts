import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { translatedMongoose } from '../../platform/text/translated.js';
import { phoneMongoose } from '../phone.js';
import { directoryRecord } from '../record-plugin.js';
import { verificationMongoose } from '../records/verification.js';
import { ORGANIZATION_TYPES } from '../../contract/directory/vocabulary.js';

// Where the HSDS rows and the sample generator have always found it.
export { VERIFICATION_STATES } from '../records/verification.js';

const OrganizationSchema = new Schema(
  {
    name: { type: translatedMongoose(), required: true },
    alternateName: { type: String, default: null },
    description: { type: translatedMongoose(), default: {} },
    type: { type: String, enum: ORGANIZATION_TYPES, required: true, index: true },
    website: { type: String, default: null },
    email: { type: String, default: null },
    phones: { type: [phoneMongoose], default: [] },
    /** Governorate codes (ISO 3166-2) where the organisation works. */
    governorates: { type: [String], default: [], index: true },
    headOfficeLocationId: { type: Schema.Types.ObjectId, ref: 'Location', default: null },
    /** Governorate of the head office, denormalised for filters and map labels. */
    headOfficeGovernorate: { type: String, default: null },
    languages: { type: [String], default: [], index: true },
    acceptsReferrals: { type: Boolean, default: false, index: true },
    yearIncorporated: { type: Number, default: null },
    legalStatus: { type: String, default: null },
    verification: verificationMongoose,
    lastVerifiedAt: { type: Date, default: null, index: true },
    search: {
      /** Normalised words of the names: name matches rank first. */
      nameTokens: { type: [String], default: [] },
      /** Every word prefix of names, descriptions, type: what `q` matches against. */
      // Matched by the in-memory catalog (prefix per word), so no database index.
      words: { type: [String], default: [] },
      /** Normalised primary name for stable sorting across scripts. */
      sortName: { type: String, default: '', index: true },
    },
  },
  { collection: 'organizations' },
);
OrganizationSchema.plugin(directoryRecord);
OrganizationSchema.index({ archivedAt: 1, 'search.sortName': 1 });

export type OrganizationDoc = InferSchemaType<typeof OrganizationSchema> & { _id: Types.ObjectId };
export const OrganizationModel = model('Organization', OrganizationSchema);
