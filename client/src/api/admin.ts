import type { z } from 'zod';
import type { SampleCounts } from '../../../server/contract/admin/sample-data.schemas.js';
import type { AuditEntryView } from '../../../server/contract/accounts/audit-log.schemas.js';
import type { InvitationBody, MemberRole } from '../../../server/contract/accounts/members.schemas.js';
import type { InvitationViewSchema } from '../../../server/contract/accounts/account.schemas.js';
import type { MemberView } from '../../../server/contract/accounts/account.schemas.js';
import type { QueueEntry } from '../../../server/contract/admin/verification-queue.schemas.js';
import type { ArchivedChoice } from '../../../server/contract/directory/records/archived.js';
import type { OrganizationDetail, OrganizationSummary } from '../../../server/contract/directory/organizations/organization.schemas.js';
import type { TermCreate, TermUpdate, TermView } from '../../../server/contract/directory/taxonomy/taxonomy.schemas.js';
import type { ImportReportView as ImportReport } from '../../../server/contract/standards/hsds-import.schemas.js';
import { get, getForEdit, getSignedIn, send, sendVersioned, toSearchParams, type Query } from './client.js';
import type { Translated } from '../i18n/types.js';
import type { User } from './types.js';
import { forgetReference } from './reference.js';

/** Typed calls of the administration screens (platform admins) and of the account pages. */

export type { AuditEntryView, ImportReport, MemberView, QueueEntry, SampleCounts };
export type Invitation = z.infer<typeof InvitationViewSchema>;

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
}

export const getVerificationQueue = (page: number, signal?: AbortSignal) =>
  getSignedIn<Paged<QueueEntry> & { perPage: number }>('/admin/verification-queue', { page, perPage: 20 }, signal);

const collection = (kind: QueueEntry['kind']) => (kind === 'organization' ? 'organizations' : 'services');

export const verifyRecord = (kind: QueueEntry['kind'], id: string) => send<unknown>('POST', `/${collection(kind)}/${encodeURIComponent(id)}/verify`);

/** Turns down the change the admin saw (its version): the verified values come back, the organisation is told why. */
export const rejectChange = (entry: QueueEntry, reason: string) =>
  send<unknown>('POST', `/${collection(entry.kind)}/${encodeURIComponent(entry.id)}/reject`, { reason }, { ifMatch: `"${entry.version}"` });

export interface UserFilter extends Query {
  role?: string;
  organizationId?: string;
  status?: string;
  page?: number;
}

export const listUsers = (filter: UserFilter, signal?: AbortSignal) =>
  getSignedIn<Paged<MemberView> & { pageSize: number }>('/users', { pageSize: 50, ...filter }, signal);

export const inviteUser = (body: z.input<typeof InvitationBody>) => send<Invitation>('POST', '/invitations', body);

const memberPath = (member: MemberView) => `/organizations/${encodeURIComponent(member.organization?.id ?? '')}/members/${encodeURIComponent(member.id)}`;

export const changeRole = (member: MemberView, role: MemberRole) => send<MemberView>('PATCH', memberPath(member), { role });

export const deactivateUser = (member: MemberView) => send<void>('DELETE', memberPath(member));

/** Confirms the pending first admin of an organisation that claimed its record. */
export const confirmUser = (member: MemberView) => send<MemberView>('POST', `/users/${encodeURIComponent(member.id)}/confirm`);

export interface OrganizationName {
  id: string;
  name: Translated;
}

/** Every organisation's name, for pickers (the list serves at most 100 a page). */
export async function organizationNames(signal?: AbortSignal): Promise<OrganizationName[]> {
  const out: OrganizationName[] = [];
  for (let page = 1; ; page++) {
    const batch = await get<Paged<OrganizationName>>('/organizations', { fields: 'name', sort: 'name', perPage: 100, page }, signal);
    out.push(...batch.items);
    if (out.length >= batch.total || !batch.items.length) return out;
  }
}

export interface AuditFilter extends Query {
  actor?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
  page?: number;
}

export const readAuditLog = (filter: AuditFilter, signal?: AbortSignal) =>
  getSignedIn<Paged<AuditEntryView> & { pageSize: number }>('/audit', { pageSize: 25, ...filter }, signal);

/** An HSDS package (zip) or one table (CSV): checked only (`dryRun`) or imported. */
export function importDirectory(file: File, options: { dryRun: boolean; skipInvalid: boolean }): Promise<ImportReport> {
  const zip = /\.zip$/i.test(file.name) || file.type.includes('zip');
  const query = toSearchParams({ dryRun: options.dryRun, skipInvalid: options.skipInvalid }).toString();
  return send<ImportReport>('POST', `/admin/import${query ? `?${query}` : ''}`, file, { contentType: zip ? 'application/zip' : 'text/csv' });
}

export const HSDS_EXPORT_URL = '/hsds/export.zip';

export const clearSampleData = () => send<SampleCounts>('POST', '/admin/sample-data/clear');

// ---- Account pages -----------------------------------------------------------------------------

export const changePassword = (body: { currentPassword: string; newPassword: string }) => send<void>('POST', '/auth/password', body);

export const requestPasswordReset = (email: string) => send<void>('POST', '/auth/password-reset/request', { email }, { signedIn: false });

export const completePasswordReset = (body: { token: string; password: string }) =>
  send<void>('POST', '/auth/password-reset/complete', body, { signedIn: false });

export const acceptInvitation = (body: { token: string; name: string; password: string }) =>
  send<{ user: User }>('POST', '/invitations/accept', body, { signedIn: false });

// ---- Organisations and categories (platform admins) ---------------------------------------------

export type { OrganizationSummary, TermView };

export interface OrganizationFilter extends Query {
  q?: string;
  organizationType?: string;
  governorate?: string;
  verification?: string;
  archived?: ArchivedChoice;
  page?: number;
}

/** Every organisation matching the filter, archived ones too when asked (platform admins only). */
export const listOrganizations = (filter: OrganizationFilter, signal?: AbortSignal) =>
  getSignedIn<Paged<OrganizationSummary> & { perPage: number }>('/organizations', { perPage: 25, sort: filter.q ? 'relevance' : 'name', ...filter }, signal);

export const createOrganization = (body: Record<string, unknown>) => sendVersioned<OrganizationDetail>('POST', '/organizations', body);

/** Archive or restore; the API checks If-Match only when it is sent, and the list holds no versions. */
export const setOrganizationArchived = (id: string, archived: boolean) =>
  send<OrganizationDetail>('POST', `/organizations/${encodeURIComponent(id)}/${archived ? 'archive' : 'restore'}`);

/** Mails the address on the record a one-time link to claim it (its first admin, pending until confirmed). */
export const inviteToClaim = (id: string) => send<Invitation>('POST', `/organizations/${encodeURIComponent(id)}/claim-invitations`);

/** The whole category tree, archived terms included. */
export const listTerms = async (signal?: AbortSignal) => (await getSignedIn<{ items: TermView[] }>('/taxonomy', { archived: 'include' }, signal)).items;

type VersionedTerm = TermView & { version: number };
const termPath = (code: string) => `/taxonomy/${encodeURIComponent(code)}`;

export const readTerm = (code: string, signal?: AbortSignal) => getForEdit<VersionedTerm>(termPath(code), signal);

/** Each change of the taxonomy also drops the page's copy of it, so filters and forms show the change. */
const changingTaxonomy = async <T>(change: Promise<T>): Promise<T> => {
  const result = await change;
  forgetReference();
  return result;
};

export const createTerm = (body: z.input<typeof TermCreate>) => changingTaxonomy(send<VersionedTerm>('POST', '/taxonomy', body));

export const updateTerm = (code: string, changes: z.input<typeof TermUpdate>, etag: string) =>
  changingTaxonomy(sendVersioned<VersionedTerm>('PATCH', termPath(code), changes, { ifMatch: etag }));

export const setTermArchived = (code: string, archived: boolean) =>
  changingTaxonomy(send<VersionedTerm>('POST', `${termPath(code)}/${archived ? 'archive' : 'restore'}`));
