import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { ROLES } from './permissions.js';

/** A one-time invitation link to open an account with a given role. Only the token's hash is kept. */
const InvitationSchema = new Schema(
  {
    email: { type: String, required: true },
    emailNormalized: { type: String, required: true, index: true },
    role: { type: String, enum: ROLES, required: true },
    /** Null only for a platform-admin invitation. */
    organizationId: { type: Schema.Types.ObjectId, default: null, index: true },
    invitedBy: { type: Schema.Types.ObjectId, required: true },
    tokenHash: { type: String, required: true, unique: true },
    expiresAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: null },
    userId: { type: Schema.Types.ObjectId, default: null },
    /** An organisation claiming its record: the account opens pending, until a platform admin confirms it. */
    claim: { type: Boolean, default: false },
  },
  { collection: 'invitations', timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);

export type InvitationDoc = InferSchemaType<typeof InvitationSchema> & { _id: Types.ObjectId };
export const InvitationModel = model('Invitation', InvitationSchema);
