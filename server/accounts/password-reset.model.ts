import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/** A one-time password-reset link. Only the SHA-256 of its token is kept. */
const PasswordResetSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    tokenHash: { type: String, required: true, unique: true },
    expiresAt: { type: Date, required: true, index: true },
    usedAt: { type: Date, default: null },
  },
  { collection: 'password_resets', timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);

export type PasswordResetDoc = InferSchemaType<typeof PasswordResetSchema> & { _id: Types.ObjectId };
export const PasswordResetModel = model('PasswordReset', PasswordResetSchema);
