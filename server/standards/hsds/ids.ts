import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * HSDS identifiers are UUIDs; ours are ObjectIds. A record's UUID *is* its ObjectId, laid out as an
 * RFC 9562 version-8 (custom) UUID, so an id in a URL maps back to the record without a lookup table:
 *
 *   oid[0..8] - oid[8..12] - 8 oid[12..15] - 8 oid[15..18] - oid[18..24] suffix(6)
 *
 * The suffix is 000000 for a record. A service-at-location (a service × location pair, not a record
 * of its own) carries the service's ObjectId and six hex digits of a hash of the location's ObjectId,
 * which the service's short list of locations resolves. Objects that are never addressed on their
 * own (phones, schedules, service areas, languages, attributes, addresses) and code-keyed reference
 * data (taxonomy, terms) get name-based UUIDs (version 5) from stable names.
 */

const RECORD_SUFFIX = '000000';
const LAYOUT = /^([0-9a-f]{8})-([0-9a-f]{4})-8([0-9a-f]{3})-8([0-9a-f]{3})-([0-9a-f]{6})([0-9a-f]{6})$/;

type Oid = Types.ObjectId | string;
const hexOf = (oid: Oid) => (typeof oid === 'string' ? oid : oid.toHexString());

function layout(oidHex: string, suffix: string): string {
  const h = oidHex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(12, 15)}-8${h.slice(15, 18)}-${h.slice(18, 24)}${suffix}`;
}

function unlayout(uuid: string): { oid: string; suffix: string } | undefined {
  const m = LAYOUT.exec(uuid.toLowerCase());
  return m ? { oid: m.slice(1, 6).join(''), suffix: m[6]! } : undefined;
}

export const recordUuid = (oid: Oid): string => layout(hexOf(oid), RECORD_SUFFIX);

/** The ObjectId behind a record UUID of ours, or undefined for any other string. */
export function recordObjectId(uuid: string): Types.ObjectId | undefined {
  const parts = unlayout(uuid);
  return parts && parts.suffix === RECORD_SUFFIX ? new Types.ObjectId(parts.oid) : undefined;
}

/**
 * The ObjectId an imported HSDS id is stored under: ours decode to themselves; ids from other
 * systems hash to a stable ObjectId, so importing the same file again updates the same records.
 */
export function importObjectId(uuid: string): Types.ObjectId {
  return recordObjectId(uuid) ?? new Types.ObjectId(createHash('sha256').update(`hsds:${uuid.toLowerCase()}`).digest('hex').slice(0, 24));
}

const locationTag = (locationId: Oid) => {
  const tag = createHash('sha1').update(hexOf(locationId)).digest('hex').slice(0, 6);
  return tag === RECORD_SUFFIX ? '000001' : tag;
};

export const serviceAtLocationUuid = (serviceId: Oid, locationId: Oid): string =>
  layout(hexOf(serviceId), locationTag(locationId));

/** Resolves a service-at-location UUID against the service's locations. */
export function parseServiceAtLocationUuid(uuid: string): { serviceId: Types.ObjectId; matches(locationId: Oid): boolean } | undefined {
  const parts = unlayout(uuid);
  if (!parts || parts.suffix === RECORD_SUFFIX) return undefined;
  return { serviceId: new Types.ObjectId(parts.oid), matches: (locationId) => locationTag(locationId) === parts.suffix };
}

/** Namespace of this directory's name-based UUIDs (itself a v5 UUID of the project name in the URL namespace). */
const NAMESPACE = Buffer.from('5d0f6a8c3b1e5f2a9c4d7e8f1a2b3c4d', 'hex');

/** RFC 9562 version-5 UUID of `parts` joined with '/'. */
export function nameUuid(...parts: string[]): string {
  const hash = createHash('sha1').update(NAMESPACE).update(parts.join('/')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export const taxonomyUuid = (taxonomyId: string) => nameUuid('taxonomy', taxonomyId);
export const termUuid = (code: string) => nameUuid('taxonomy_term', code);
