import type { Types } from 'mongoose';
import type { StoredRecord } from '../records/record.js';
import { idOf } from '../records/record.js';
import { phones, translated } from '../records/view-schemas.js';
import type { ContactBrief } from '../services/service.schemas.js';
import { ContactModel, type ContactDoc } from './contact.model.js';
import type { ContactView } from './contact.schemas.js';

export type ContactRecord = StoredRecord<ContactDoc>;

/** Live contacts of an organisation (all of them) or of one service; focal points first. */
export function liveContacts(where: { organizationId: Types.ObjectId } | { serviceId: Types.ObjectId }): Promise<ContactRecord[]> {
  return ContactModel.find({ ...where, archivedAt: null })
    .sort({ referralFocalPoint: -1, name: 1, _id: 1 })
    .lean<ContactRecord[]>();
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
