import type { Types } from 'mongoose';
import type { Translated } from '../../platform/text/translated.js';
import { organizationsById } from '../catalog/queries.js';
import { findByIds, type StoredRecord } from '../records/record.js';
import type { OrganizationType } from '../../contract/directory/vocabulary.js';
import { OrganizationModel, type OrganizationDoc } from './organization.model.js';

export type OrganizationRecord = StoredRecord<OrganizationDoc>;

/** What a service shows of its organisation. */
export interface OrganizationRef {
  id: string;
  name: Translated;
  type: OrganizationType | null;
}

/** Names and types of organisations, by id, for lists and the map (from the catalog). */
export async function organizationRefs(ids: Iterable<Types.ObjectId | string>): Promise<Map<string, OrganizationRef>> {
  const out = new Map<string, OrganizationRef>();
  for (const [id, org] of await organizationsById(ids)) out.set(id, { id, name: org.name ?? {}, type: org.type ?? null });
  return out;
}

/** The fields of an organisation that its services copy (see services/service.derived.ts). */
export type OrganizationForServices = Pick<OrganizationRecord, '_id' | 'name' | 'alternateName' | 'type' | 'acceptsReferrals'>;

export function organizationsForServices(ids: readonly Types.ObjectId[]): Promise<OrganizationForServices[]> {
  return findByIds(OrganizationModel, ids, ['name', 'alternateName', 'type', 'acceptsReferrals']);
}

export function findOrganization(id: Types.ObjectId): Promise<OrganizationRecord | null> {
  return OrganizationModel.findOne({ _id: id }).lean<OrganizationRecord>();
}
