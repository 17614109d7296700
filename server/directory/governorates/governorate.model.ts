import { Schema, model, type InferSchemaType } from 'mongoose';
import { translatedMongoose } from '../../platform/text/translated.js';

/**
 * The 19 governorates. `code` is the ISO 3166-2 code (every governorate has one); `pcode` is the
 * OCHA P-code, which Halabja (made a governorate in 2025) does not have yet.
 */
const GovernorateSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    pcode: { type: String, default: null },
    name: { type: translatedMongoose(), required: true },
    capital: { type: translatedMongoose(), required: true },
    lat: { type: Number, required: true },
    lng: { type: Number, required: true },
    /**
     * GeoJSON geometry as JSON text (a Point for Halabja until a boundary is published). Stored as a
     * string because FerretDB v1 does not support nested arrays, which polygon coordinates are.
     */
    boundary: { type: String, required: true },
    /** Kurdistan Region governorates get Kurdish content first. */
    kurdistanRegion: { type: Boolean, default: false },
  },
  { collection: 'governorates' },
);

export type GovernorateDoc = InferSchemaType<typeof GovernorateSchema>;
export const GovernorateModel = model('Governorate', GovernorateSchema);
