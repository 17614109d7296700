import { Schema } from 'mongoose';

export { PHONE_TYPES, PhoneSchema, type Phone } from '../contract/directory/phone-input.js';

export const phoneMongoose = new Schema(
  { number: { type: String, required: true }, type: { type: String, default: 'voice' }, description: String },
  { _id: false },
);
