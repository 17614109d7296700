import { Schema, Types, model, type InferSchemaType } from 'mongoose';
import { translatedMongoose } from '../../platform/text/translated.js';

/** A public hotline: reference data kept by platform admins (see contract/directory/hotlines). */
const HotlineSchema = new Schema(
  {
    number: { type: String, required: true },
    name: { type: translatedMongoose(), required: true },
    purpose: { type: translatedMongoose(), required: true },
    /** ISO 3166-2 codes; empty: all Iraq. */
    governorates: { type: [String], default: [] },
    emergency: { type: Boolean, default: false },
    source: { type: new Schema({ text: { type: String, required: true }, url: { type: String, required: true } }, { _id: false }), required: true },
    lastCheckedAt: { type: Date, default: null },
    /** Set when a platform admin confirmed the entry as it stands; unset again when what was checked changes. */
    verifiedAt: { type: Date, default: null },
    verifiedBy: { type: Types.ObjectId, default: null },
    order: { type: Number, default: 100 },
    archivedAt: { type: Date, default: null },
    version: { type: Number, default: 1 },
  },
  { timestamps: true, collection: 'hotlines' },
);
// The bundled numbers are seeded by number: one entry per number.
HotlineSchema.index({ number: 1 }, { unique: true });

export type HotlineDoc = InferSchemaType<typeof HotlineSchema> & { _id: Types.ObjectId };
export const HotlineModel = model('Hotline', HotlineSchema);
