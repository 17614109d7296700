import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { translatedMongoose } from '../../platform/text/translated.js';

/** The law applying to trafficking cases in some governorates: reference data kept by platform admins (see contract/directory/legal-frames). */
const LegalFrameSchema = new Schema(
  {
    code: { type: String, required: true },
    name: { type: translatedMongoose(), required: true },
    citation: { type: translatedMongoose(), required: true },
    competentBodies: { type: [translatedMongoose()], default: [] },
    /** ISO 3166-2 codes (IQ-HA for Halabja); a governorate is under one live frame at most. */
    governorates: { type: [String], default: [] },
    order: { type: Number, default: 100 },
    archivedAt: { type: Date, default: null },
    version: { type: Number, default: 1 },
  },
  { timestamps: true, collection: 'legalframes' },
);
// The bundled frames are seeded by code: one entry per code.
LegalFrameSchema.index({ code: 1 }, { unique: true });

export type LegalFrameDoc = InferSchemaType<typeof LegalFrameSchema> & { _id: Types.ObjectId };
export const LegalFrameModel = model('LegalFrame', LegalFrameSchema);
