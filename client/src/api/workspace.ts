import type { z } from 'zod';
import type { ActivityView } from '../../../server/contract/activities/activity.schemas.js';
import type { InvitationList, InvitationView, MemberList, MemberView } from '../../../server/contract/accounts/account.schemas.js';
import type { InvitationBody, MemberRole } from '../../../server/contract/accounts/members.schemas.js';
import type { ContactDetail, ContactView } from '../../../server/contract/directory/contacts/contact.schemas.js';
import type { LocationDetail, LocationView } from '../../../server/contract/directory/locations/location.schemas.js';
import type { WithArchivedAt } from '../../../server/contract/directory/records/archived.js';
import type { OrganizationDetail, OrganizationName } from '../../../server/contract/directory/organizations/organization.schemas.js';
import type { ServiceDetail, ServiceSummary } from '../../../server/contract/directory/services/service.schemas.js';
import { SERVICE_STATUSES } from '../../../server/contract/directory/vocabulary.js';
import type { AgreementList, AgreementView, CreateAgreementBody } from '../../../server/contract/referrals/agreement.schemas.js';
import type { AgreementStatus } from '../../../server/contract/referrals/vocabulary.js';
import { getForEdit, getSignedIn, send, sendVersioned, type OverTheWire, type Versioned } from './client.js';
import type { Page } from '../../../server/contract/directory/records/page.schemas.js';

/** The organisation workspace's calls: records read with their ETag and saved with If-Match. */

export type { ActivityView, AgreementStatus, ContactView, LocationView, MemberRole, OrganizationDetail, OrganizationName, ServiceDetail };
export type { InvitationView as Invitation, MemberView as Member };
/** A record or list item as the organisation's writers see it: `archivedAt` is there on archived ones (lists: when asked for). */
export type Archivable<T> = WithArchivedAt<T>;

/** A record as its editors read it: `archivedAt` is there when it is archived. */
export type EditableService = Archivable<ServiceDetail>;
export type EditableContact = Archivable<ContactDetail>;
export type EditableLocation = Archivable<LocationDetail>;

/** An agreement as the API sends it: its days and times are ISO strings. */
export type Agreement = OverTheWire<z.output<typeof AgreementView>>;

const at = (...parts: string[]) => parts.map((p, i) => (i % 2 ? encodeURIComponent(p) : p)).join('/');

/** Where each editable record lives in the API. */
export const RECORD_PATHS = {
  organization: (id: string) => at('/organizations', id),
  service: (id: string) => at('/services', id),
  contact: (id: string) => at('/contacts', id),
  activity: (id: string) => at('/activities', id),
} as const;

export const readRecord = <T>(path: string, signal?: AbortSignal) => getForEdit<T>(path, signal);

/** Saves the changed fields of a record, based on the version the editor read. */
export const patchRecord = <T>(path: string, changes: Record<string, unknown>, etag: string) =>
  sendVersioned<T>('PATCH', path, changes, { ifMatch: etag });

export const createRecord = <T>(collection: string, body: Record<string, unknown>) => sendVersioned<T>('POST', collection, body);

/** archive, restore, confirm: a state change of one record. */
export const recordAction = <T>(path: string, action: string, etag?: string) =>
  sendVersioned<T>('POST', `${path}/${action}`, undefined, etag ? { ifMatch: etag } : {});

/** Only those who may write the organisation's records may ask for its archived ones (the API answers 403 otherwise). */
const archivedQuery = (withArchived: boolean) => (withArchived ? { archived: 'include' } : {});

export const listContacts = (organizationId: string, signal?: AbortSignal, withArchived = false) =>
  getSignedIn<Page<Archivable<ContactView>>>('/contacts', { organization: organizationId, perPage: 100, ...archivedQuery(withArchived) }, signal);

export const listLocations = (organizationId: string, signal?: AbortSignal, withArchived = false) =>
  getSignedIn<Page<Archivable<LocationView>>>('/locations', { organization: organizationId, perPage: 100, ...archivedQuery(withArchived) }, signal);

/** Every service of the organisation whatever its status, by name. */
export const listServices = (organizationId: string, signal?: AbortSignal, withArchived = false) =>
  getSignedIn<Page<Archivable<ServiceSummary>>>(
    '/services',
    { organization: organizationId, status: SERVICE_STATUSES, sort: 'name', perPage: 100, ...archivedQuery(withArchived) },
    signal,
  );

export const listMembers = (organizationId: string, signal?: AbortSignal) =>
  getSignedIn<MemberList>(at('/organizations', organizationId, 'members'), { status: 'active' }, signal);

export const listInvitations = (organizationId: string, signal?: AbortSignal) =>
  getSignedIn<InvitationList>(at('/organizations', organizationId, 'invitations'), {}, signal);

export const inviteMember = (body: z.input<typeof InvitationBody>) => send<InvitationView>('POST', '/invitations', body);

export const changeMemberRole = (organizationId: string, userId: string, role: MemberRole) =>
  send<MemberView>('PATCH', at('/organizations', organizationId, 'members', userId), { role });

export const removeMember = (organizationId: string, userId: string) =>
  send<void>('DELETE', at('/organizations', organizationId, 'members', userId));

export const listAgreements = (organizationId: string, signal?: AbortSignal) =>
  getSignedIn<OverTheWire<z.output<typeof AgreementList>>>(at('/organizations', organizationId, 'agreements'), {}, signal);

export const proposeAgreement = (body: z.input<typeof CreateAgreementBody>) =>
  send<Agreement>('POST', '/agreements', body);

export const moveAgreement = (id: string, to: AgreementStatus) => send<Agreement>('POST', at('/agreements', id, 'transitions'), { to });

export const listActivities = (organizationId: string, signal?: AbortSignal) =>
  getSignedIn<Page<ActivityView>>('/activities', { organization: organizationId, perPage: 100 }, signal);

export async function searchOrganizations(q: string, signal?: AbortSignal): Promise<OrganizationName[]> {
  return (await getSignedIn<Page<OrganizationName>>('/organizations', { q, perPage: 20 }, signal)).items;
}

export type { Versioned };
