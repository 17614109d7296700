import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { translatedMongoose } from '../../platform/text/translated.js';
import { directoryRecord } from '../record-plugin.js';

/** A physical place where services are delivered. Iraq has no postal codes in common use. */
const LocationSchema = new Schema(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true, index: true },
    name: { type: translatedMongoose(), required: true },
    description: { type: translatedMongoose(), default: {} },
    address: {
      street: { type: translatedMongoose(), default: {} },
      city: { type: translatedMongoose(), default: {} },
      district: { type: String, default: null },
      governorate: { type: String, required: true },
    },
    lat: { type: Number, default: null },
    lng: { type: Number, default: null },
    /** A shelter or safe house: the address and coordinates are shown only to its organisation and platform admins. */
    confidential: { type: Boolean, default: false },
    /**
     * Set (before the service is written) when a confidential service uses or leaves this place, and
     * cleared only by a platform admin: a shelter's old address stays as secret as the shelter.
     */
    heldSecretSince: { type: Date, default: null },
  },
  { collection: 'locations' },
);
LocationSchema.plugin(directoryRecord);
LocationSchema.index({ 'address.governorate': 1 });

export type LocationDoc = InferSchemaType<typeof LocationSchema> & { _id: Types.ObjectId };
export const LocationModel = model('Location', LocationSchema);
