import type { Types } from 'mongoose';
import type { StoredRecord } from '../records/record.js';
import { idOf } from '../records/record.js';
import { phones, translated } from '../../contract/directory/records/view-schemas.js';
import type { ContactBrief } from '../../contract/directory/services/service.schemas.js';
import { listContactPlan } from '../catalog/queries.js';
import type { ContactDoc } from './contact.model.js';
import type { ContactView } from '../../contract/directory/contacts/contact.schemas.js';

export type ContactRecord = StoredRecord<ContactDoc>;

/** Live contacts of an organisation (all of them) or of one service; focal points first. */
export async function liveContacts(where: { organizationId: Types.ObjectId } | { serviceId: Types.ObjectId }): Promise<ContactRecord[]> {
  const anyOf = 'organizationId' in where ? { organizationId: [where.organizationId.toHexString()] } : { serviceId: [where.serviceId.toHexString()] };
  const contacts = (await listContactPlan({ anyOf, archived: 'exclude' })) as ContactRecord[];
  const key = (c: ContactRecord) => [c.referralFocalPoint ? 0 : 1, c.name, c._id.toHexString()] as const;
  return contacts.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0) || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
  });
}

export function contactBrief(c: ContactRecord): ContactBrief {
  return {
    id: idOf(c),
    name: c.name,
    title: translated(c.title),
    email: c.email ?? null,
    phones: phones(c.phones),
    languages: c.languages ?? [],
    referralFocalPoint: c.referralFocalPoint ?? false,
  };
}

export function contactView(c: ContactRecord): ContactView {
  return {
    ...contactBrief(c),
    organizationId: c.organizationId.toHexString(),
    serviceId: c.serviceId ? c.serviceId.toHexString() : null,
    department: c.department ?? null,
  };
}
