import { Types } from 'mongoose';
import type { Translated } from '../../platform/text/translated.js';
import { findByIds, type StoredRecord } from '../records/record.js';
import type { OrganizationType } from '../vocabulary.js';
import { OrganizationModel, type OrganizationDoc } from './organization.model.js';

export type OrganizationRecord = StoredRecord<OrganizationDoc>;

/** What a service shows of its organisation. */
export interface OrganizationRef {
  id: string;
  name: Translated;
  type: OrganizationType | null;
}

const REF_TTL_MS = 60_000;
const REF_CACHE_MAX = 20_000;
const refCache = new Map<string, { ref: OrganizationRef; at: number }>();

/**
 * Names and types of organisations, by id, for lists and the map. Cached briefly in memory (there are
 * few organisations and many services); this process forgets an organisation as soon as it changes it.
 */
export async function organizationRefs(ids: Iterable<Types.ObjectId | string>): Promise<Map<string, OrganizationRef>> {
  const now = Date.now();
  const out = new Map<string, OrganizationRef>();
  const missing: string[] = [];
  for (const id of new Set([...ids].map(String))) {
    const hit = refCache.get(id);
    if (hit && now - hit.at < REF_TTL_MS) out.set(id, hit.ref);
    else missing.push(id);
  }
  if (missing.length) {
    const rows = await findByIds(
      OrganizationModel,
      missing.map((id) => new Types.ObjectId(id)),
      ['name', 'type'],
    );
    if (refCache.size + rows.length > REF_CACHE_MAX) refCache.clear();
    for (const row of rows) {
      const ref: OrganizationRef = { id: row._id.toHexString(), name: row.name ?? {}, type: row.type ?? null };
      refCache.set(ref.id, { ref, at: now });
      out.set(ref.id, ref);
    }
  }
  return out;
}

export function forgetOrganizationRef(id: string): void {
  refCache.delete(id);
}

/** The fields of an organisation that its services copy (see services/service.derived.ts). */
export type OrganizationForServices = Pick<OrganizationRecord, '_id' | 'name' | 'alternateName' | 'type' | 'acceptsReferrals'>;

export function organizationsForServices(ids: readonly Types.ObjectId[]): Promise<OrganizationForServices[]> {
  return findByIds(OrganizationModel, ids, ['name', 'alternateName', 'type', 'acceptsReferrals']);
}

export function findOrganization(id: Types.ObjectId): Promise<OrganizationRecord | null> {
  return OrganizationModel.findOne({ _id: id }).lean<OrganizationRecord>();
}
