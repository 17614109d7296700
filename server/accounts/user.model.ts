import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { ChangeFeed } from '../directory/catalog/change-feed.js';
import { publishesChanges } from '../directory/catalog/publish-changes.js';
import { LANGUAGES, type Language } from '../contract/text/languages.js';
import { ROLES } from './permissions.js';

/** `pending`: opened from an organisation's claim of its record, until a platform admin confirms it. */
export const USER_STATUSES = ['active', 'pending', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/**
 * An account. The email is kept as typed for display and lowercased in `emailNormalized`, which is
 * unique: sign-in is case-insensitive without collation support in the database.
 */
const UserSchema = new Schema(
  {
    email: { type: String, required: true },
    emailNormalized: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: ROLES, required: true },
    /** Null only for platform admins. */
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', default: null, index: true },
    status: { type: String, enum: USER_STATUSES, default: 'active' },
    passwordChangedAt: { type: Date, default: () => new Date() },
    lastLoginAt: { type: Date, default: null },
    deactivatedAt: { type: Date, default: null },
    invitedBy: { type: Schema.Types.ObjectId, default: null },
    /** The interface language the person works in: what the app's mails to them are written in. */
    language: { type: String, enum: LANGUAGES, default: 'en' },
    /** Sample accounts (SAMPLE_PASSWORD) go away with the sample directory. */
    sample: { type: Boolean, default: false },
  },
  { collection: 'users', timestamps: true, versionKey: false },
);
UserSchema.index({ role: 1, status: 1 });

/** Every write to accounts: what keeps the in-memory list of who receives referrals current (referral-receivers.ts). */
export const accountFeed = new ChangeFeed('user_changes');
publishesChanges(UserSchema, accountFeed);

export type UserDoc = InferSchemaType<typeof UserSchema> & { _id: Types.ObjectId };
export const UserModel = model('User', UserSchema);

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** The language to write to an account in: accounts opened before they held one read English. */
export const accountLanguage = (u: { language?: string | null }): Language => LANGUAGES.find((l) => l === u.language) ?? 'en';
