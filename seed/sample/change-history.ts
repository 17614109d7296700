import { Types } from 'mongoose';

/** The parts of a generated organisation or service that its sample history touches. */
interface SampleRecord {
  _id: Types.ObjectId;
  organizationId?: Types.ObjectId;
  phones: { number: string; type: string }[];
  updatedAt: Date;
  lastVerifiedAt: Date | null;
  verification: { status: string; changedAt?: Date | null };
}

const HOUR_MS = 3_600_000;

/** Another number on the same unused 555 exchange: the earlier one reached no one either. */
const earlierNumber = (number: string) => number.replace(/(\d{2})$/, (digits) => String((Number(digits) + 37) % 100).padStart(2, '0'));

/**
 * A pending sample record that was verified before has a change to review, as a real one would: its
 * organisation changed its phone number (or dropped it) a day after the verification. The
 * record gets the date of that change and the audit log the entry it would have written, so the
 * verification queue shows a before/after and a rejection has values to put back. Records not
 * pending, or never verified, are left alone (null). Deterministic: no randomness is drawn.
 */
export function sampleChange(record: SampleRecord, entity: 'organization' | 'service'): Record<string, unknown> | null {
  if (record.verification.status !== 'pending' || !record.lastVerifiedAt) return null;
  const at = new Date(record.lastVerifiedAt.getTime() + 26 * HOUR_MS);
  // A changed number; a record without one dropped the number it had (another unused one).
  const before = record.phones.length
    ? record.phones.map((p, i) => (i === 0 ? { ...p, number: earlierNumber(p.number) } : p))
    : [{ number: `+964 770 555 01${record._id.toHexString().slice(-2).replace(/\D/g, '0').padStart(2, '0')}`, type: 'voice' }];
  record.updatedAt = at;
  record.verification = { ...record.verification, changedAt: at };
  return {
    _id: new Types.ObjectId(),
    at,
    actorId: null,
    actorEmail: null,
    actorRole: 'org-admin',
    organizationId: record.organizationId ?? record._id,
    action: `${entity}.update`,
    entity,
    entityId: record._id.toHexString(),
    changes: [{ field: 'phones', before: JSON.stringify(before), after: JSON.stringify(record.phones) }],
    // Marks the entry as part of the fictional sample.
    requestId: 'sample-data',
  };
}
