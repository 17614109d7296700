import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { translatedMongoose } from '../../platform/text/translated.js';
import { phoneMongoose } from '../phone.js';
import { directoryRecord } from '../record-plugin.js';

/** A person or desk to reach at an organisation or for one service; focal points receive referrals. */
const ContactSchema = new Schema(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true, index: true },
    serviceId: { type: Schema.Types.ObjectId, ref: 'Service', default: null, index: true },
    name: { type: String, required: true },
    title: { type: translatedMongoose(), default: {} },
    department: { type: String, default: null },
    email: { type: String, default: null },
    phones: { type: [phoneMongoose], default: [] },
    languages: { type: [String], default: [] },
    referralFocalPoint: { type: Boolean, default: false, index: true },
  },
  { collection: 'contacts' },
);
ContactSchema.plugin(directoryRecord);

export type ContactDoc = InferSchemaType<typeof ContactSchema> & { _id: Types.ObjectId };
export const ContactModel = model('Contact', ContactSchema);
