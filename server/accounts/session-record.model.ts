import { Schema, model } from 'mongoose';

/**
 * The sessions collection written by connect-mongo (sessions stored as documents, not JSON text, so
 * they can be found by user). Declared here for its indexes and to end a user's sessions.
 */
const SessionRecordSchema = new Schema(
  {
    _id: { type: String, required: true },
    expires: { type: Date },
    session: { type: Schema.Types.Mixed },
  },
  { collection: 'sessions', versionKey: false, strict: false },
);
SessionRecordSchema.index({ expires: 1 });
SessionRecordSchema.index({ 'session.passport.user': 1 });

export const SessionRecordModel = model('SessionRecord', SessionRecordSchema);

/** Signs a user out everywhere, except (optionally) in the session that made the change. */
export async function endSessionsOf(userId: string, exceptSessionId?: string): Promise<void> {
  await SessionRecordModel.deleteMany({
    'session.passport.user': userId,
    ...(exceptSessionId ? { _id: { $ne: exceptSessionId } } : {}),
  });
}
