import { Schema, model } from 'mongoose';

/**
 * A lease in the database: of several app instances, only the holder of a named lease runs the job
 * it guards. Taking it is one conditional update (free or expired → mine), so two instances cannot
 * both win; a crashed holder's lease simply expires.
 */
const LeaseSchema = new Schema(
  {
    _id: { type: String, required: true },
    owner: { type: String, default: null },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'job_leases', versionKey: false },
);

interface LeaseDoc {
  _id: string;
  owner: string | null;
  expiresAt: Date;
}

export const LeaseModel = model<LeaseDoc>('Lease', LeaseSchema);

export async function acquireLease(name: string, owner: string, ttlMs: number, now = new Date()): Promise<boolean> {
  try {
    // Make sure the lease document exists (expired), so taking it never needs an upsert race.
    await LeaseModel.updateOne({ _id: name }, { $setOnInsert: { owner: null, expiresAt: new Date(0) } }, { upsert: true });
  } catch (err) {
    if ((err as { code?: unknown }).code !== 11000) throw err;
  }
  const taken = await LeaseModel.findOneAndUpdate(
    { _id: name, expiresAt: { $lte: now } },
    { $set: { owner, expiresAt: new Date(now.getTime() + ttlMs) } },
    { new: true },
  ).lean<LeaseDoc>();
  return taken !== null;
}

/** Gives the lease back early (only if still ours), so the next run need not wait for it to expire. */
export async function releaseLease(name: string, owner: string): Promise<void> {
  await LeaseModel.updateOne({ _id: name, owner }, { $set: { owner: null, expiresAt: new Date(0) } });
}
