import { createHash } from 'node:crypto';
import { Schema, Types, model } from 'mongoose';
import { compareAndSet } from '../directory/records/compare-and-set.js';
import { isDuplicateKey } from '../platform/db/duplicate-key.js';

/**
 * A lease in the database: of several app instances, only the holder of a named lease runs the job
 * it guards; a crashed holder's lease simply expires. Taking or giving back the lease is a
 * compare-and-set on its version (a unique version claim, then the update), because the embedded
 * database does not isolate a conditional update: "update if expired" alone let several instances in.
 */
const LeaseSchema = new Schema(
  {
    name: { type: String, required: true },
    owner: { type: String, default: null },
    expiresAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'job_leases', versionKey: false },
);

interface LeaseDoc {
  _id: Types.ObjectId;
  name: string;
  owner: string | null;
  expiresAt: Date;
  version: number;
}

const LeaseModel = model<LeaseDoc>('Lease', LeaseSchema);

/** Each lease lives under an id derived from its name, so creating it twice is a duplicate key. */
const leaseId = (name: string) => new Types.ObjectId(createHash('sha256').update(`lease:${name}`).digest('hex').slice(0, 24));

async function leaseNamed(name: string): Promise<LeaseDoc> {
  const _id = leaseId(name);
  const existing = await LeaseModel.findById(_id).lean<LeaseDoc>();
  if (existing) return existing;
  try {
    return (await LeaseModel.create({ _id, name, owner: null, expiresAt: new Date(0), version: 1 })).toObject<LeaseDoc>();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return (await LeaseModel.findById(_id).lean<LeaseDoc>())!;
  }
}

/** True when `owner` now holds the lease for `ttlMs`; false while somebody else's lease runs. */
export async function acquireLease(name: string, owner: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const lease = await leaseNamed(name);
  if (lease.expiresAt > now) return false;
  const taken = await compareAndSet(LeaseModel, lease._id, lease.version, { owner, expiresAt: new Date(now.getTime() + ttlMs) });
  return taken !== null;
}

/** Gives the lease back early (only if still ours), so the next run need not wait for it to expire. */
export async function releaseLease(name: string, owner: string): Promise<void> {
  const lease = await leaseNamed(name);
  if (lease.owner !== owner) return;
  await compareAndSet(LeaseModel, lease._id, lease.version, { owner: null, expiresAt: new Date(0) });
}
