import type { z } from 'zod';
import type { SampleCounts } from '../../../server/contract/admin/sample-data.schemas.js';
import type { AuditEntryView, AuditPage, AuditQuery } from '../../../server/contract/accounts/audit-log.schemas.js';
import type { AcceptBody, PasswordChangeBody, ResetCompleteBody } from '../../../server/contract/accounts/auth.schemas.js';
import type { InvitationBody, MemberRole, UsersQuery } from '../../../server/contract/accounts/members.schemas.js';
import type { InvitationView, MemberView, SignedInView, UserPage } from '../../../server/contract/accounts/account.schemas.js';
import type { QueueEntry, QueuePage } from '../../../server/contract/admin/verification-queue.schemas.js';
import type { ArchivedChoice } from '../../../server/contract/directory/records/archived.js';
import type { Page } from '../../../server/contract/directory/records/page.schemas.js';
import type {
  OrganizationDetail,
  OrganizationName,
  OrganizationSummary,
} from '../../../server/contract/directory/organizations/organization.schemas.js';
import type { TermCreate, TermDetail, TermList, TermUpdate, TermView } from '../../../server/contract/directory/taxonomy/taxonomy.schemas.js';
import type { ImportQuery, ImportReportView as ImportReport } from '../../../server/contract/standards/hsds-import.schemas.js';
import type { HotlineCreate, HotlineList, HotlineUpdate, HotlineView } from '../../../server/contract/directory/hotlines/hotline.schemas.js';
import type {
  LegalFrameCreate,
  LegalFrameList,
  LegalFrameUpdate,
  LegalFrameView,
} from '../../../server/contract/directory/legal-frames/legal-frame.schemas.js';
import type { WithArchivedAt } from '../../../server/contract/directory/records/archived.js';
import { get, getForEdit, getSignedIn, refreshKeptCopy, send, sendVersioned, toSearchParams, type OverTheWire, type Query } from './client.js';
import { forgetReference } from './reference.js';

/** Typed calls of the administration screens (platform admins) and of the account pages. */

export type { AuditEntryView, ImportReport, InvitationView as Invitation, MemberView, OrganizationName, QueueEntry, SampleCounts };

export const getVerificationQueue = (page: number, signal?: AbortSignal) =>
  getSignedIn<QueuePage>('/admin/verification-queue', { page, perPage: 20 }, signal);

const collection = (kind: QueueEntry['kind']) => (kind === 'organization' ? 'organizations' : 'services');

export const verifyRecord = (kind: QueueEntry['kind'], id: string) => send<unknown>('POST', `/${collection(kind)}/${encodeURIComponent(id)}/verify`);

/** Turns down the change the admin saw (its version): the verified values come back, the organisation is told why. */
export const rejectChange = (entry: QueueEntry, reason: string) =>
  send<unknown>('POST', `/${collection(entry.kind)}/${encodeURIComponent(entry.id)}/reject`, { reason }, { ifMatch: `"${entry.version}"` });

/** The account list's filters: the query the server validates, every part optional. */
export type UserFilter = Partial<z.output<typeof UsersQuery>>;

export const listUsers = (filter: UserFilter, signal?: AbortSignal) =>
  getSignedIn<UserPage>('/users', { pageSize: 50, ...filter }, signal);

export const inviteUser = (body: z.input<typeof InvitationBody>) => send<InvitationView>('POST', '/invitations', body);

const memberPath = (member: MemberView) => `/organizations/${encodeURIComponent(member.organization?.id ?? '')}/members/${encodeURIComponent(member.id)}`;

export const changeRole = (member: MemberView, role: MemberRole) => send<MemberView>('PATCH', memberPath(member), { role });

export const deactivateUser = (member: MemberView) => send<void>('DELETE', memberPath(member));

/** Confirms the pending first admin of an organisation that claimed its record. */
export const confirmUser = (member: MemberView) => send<MemberView>('POST', `/users/${encodeURIComponent(member.id)}/confirm`);

/** Every organisation's name, for pickers (the list serves at most 100 a page). */
export async function organizationNames(signal?: AbortSignal): Promise<OrganizationName[]> {
  const out: OrganizationName[] = [];
  for (let page = 1; ; page++) {
    const batch = await get<Page<OrganizationName>>('/organizations', { fields: 'name', sort: 'name', perPage: 100, page }, signal);
    out.push(...batch.items);
    if (out.length >= batch.total || !batch.items.length) return out;
  }
}

/** The audit log's filters; dates as the form holds them (ISO strings). */
export type AuditFilter = Partial<OverTheWire<z.output<typeof AuditQuery>>>;

export const readAuditLog = (filter: AuditFilter, signal?: AbortSignal) =>
  getSignedIn<AuditPage>('/audit', { pageSize: 25, ...filter }, signal);

/** The import's choices: check only (`dryRun`) or import, skipping invalid rows or not. */
export type ImportOptions = Required<Pick<z.output<typeof ImportQuery>, 'dryRun' | 'skipInvalid'>>;

/** An HSDS package (zip) or one table (CSV): checked only (`dryRun`) or imported. */
export function importDirectory(file: File, options: ImportOptions): Promise<ImportReport> {
  const zip = /\.zip$/i.test(file.name) || file.type.includes('zip');
  const query = toSearchParams({ dryRun: options.dryRun, skipInvalid: options.skipInvalid }).toString();
  return send<ImportReport>('POST', `/admin/import${query ? `?${query}` : ''}`, file, { contentType: zip ? 'application/zip' : 'text/csv' });
}

export const HSDS_EXPORT_URL = '/hsds/export.zip';

export const clearSampleData = () => send<SampleCounts>('POST', '/admin/sample-data/clear');

// ---- Account pages -----------------------------------------------------------------------------

export const changePassword = (body: z.input<typeof PasswordChangeBody>) => send<void>('POST', '/auth/password', body);

export const requestPasswordReset = (email: string) => send<void>('POST', '/auth/password-reset/request', { email }, { signedIn: false });

export const completePasswordReset = (body: z.input<typeof ResetCompleteBody>) =>
  send<void>('POST', '/auth/password-reset/complete', body, { signedIn: false });

export const acceptInvitation = (body: z.input<typeof AcceptBody>) =>
  send<SignedInView>('POST', '/invitations/accept', body, { signedIn: false });

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
  getSignedIn<Page<OrganizationSummary>>('/organizations', { perPage: 25, sort: filter.q ? 'relevance' : 'name', ...filter }, signal);

export const createOrganization = (body: Record<string, unknown>) => sendVersioned<OrganizationDetail>('POST', '/organizations', body);

/** Archive or restore; the API checks If-Match only when it is sent, and the list holds no versions. */
export const setOrganizationArchived = (id: string, archived: boolean) =>
  send<OrganizationDetail>('POST', `/organizations/${encodeURIComponent(id)}/${archived ? 'archive' : 'restore'}`);

/** Mails the address on the record a one-time link to claim it (its first admin, pending until confirmed). */
export const inviteToClaim = (id: string) => send<InvitationView>('POST', `/organizations/${encodeURIComponent(id)}/claim-invitations`);

/** The whole category tree, archived terms included. */
export const listTerms = async (signal?: AbortSignal) => (await getSignedIn<TermList>('/taxonomy', { archived: 'include' }, signal)).items;

const termPath = (code: string) => `/taxonomy/${encodeURIComponent(code)}`;

export const readTerm = (code: string, signal?: AbortSignal) => getForEdit<TermDetail>(termPath(code), signal);

/** Each change of the taxonomy also drops the page's copy of it, so filters and forms show the change. */
const changingTaxonomy = async <T>(change: Promise<T>): Promise<T> => {
  const result = await change;
  forgetReference();
  return result;
};

export const createTerm = (body: z.input<typeof TermCreate>) => changingTaxonomy(send<TermDetail>('POST', '/taxonomy', body));

export const updateTerm = (code: string, changes: z.input<typeof TermUpdate>, etag: string) =>
  changingTaxonomy(sendVersioned<TermDetail>('PATCH', termPath(code), changes, { ifMatch: etag }));

export const setTermArchived = (code: string, archived: boolean) =>
  changingTaxonomy(send<TermDetail>('POST', `${termPath(code)}/${archived ? 'archive' : 'restore'}`));

// ---- Hotlines (platform admins) ------------------------------------------------------------------

export type HotlineEntry = WithArchivedAt<HotlineView>;

/** Every hotline, archived ones too: private to the admin, so always as stored now. */
export const listHotlines = async (signal?: AbortSignal) => (await getSignedIn<HotlineList>('/hotlines', { archived: 'include' }, signal)).items;

const hotlinePath = (id: string) => `/hotlines/${encodeURIComponent(id)}`;

export const readHotline = (id: string, signal?: AbortSignal) => getForEdit<HotlineEntry>(hotlinePath(id), signal);

/** After a change to a public list that caches keep (5 minutes): renews this browser's copy, so its pages show the change. */
const renewing =
  (path: string) =>
  async <T>(change: Promise<T>): Promise<T> => {
    const result = await change;
    await refreshKeptCopy(path);
    return result;
  };

/** "Get help" reads the hotlines. */
const changingHotlines = renewing('/hotlines');

export const createHotline = (body: HotlineCreate) => changingHotlines(sendVersioned<HotlineEntry>('POST', '/hotlines', body));

export const updateHotline = (id: string, changes: HotlineUpdate, etag: string) =>
  changingHotlines(sendVersioned<HotlineEntry>('PATCH', hotlinePath(id), changes, { ifMatch: etag }));

export const setHotlineArchived = (id: string, archived: boolean) =>
  changingHotlines(send<HotlineEntry>('POST', `${hotlinePath(id)}/${archived ? 'archive' : 'restore'}`));

/** Confirms the entry as it stands, checked now. */
export const verifyHotline = (id: string) => changingHotlines(send<HotlineEntry>('POST', `${hotlinePath(id)}/verify`));

// ---- Legal frames (platform admins) --------------------------------------------------------------

export type LegalFrameEntry = WithArchivedAt<LegalFrameView>;

/** Every frame, archived ones too: private to the admin, so always as stored now. */
export const listLegalFrames = async (signal?: AbortSignal) =>
  (await getSignedIn<LegalFrameList>('/legal-frames', { archived: 'include' }, signal)).items;

const legalFramePath = (id: string) => `/legal-frames/${encodeURIComponent(id)}`;

export const readLegalFrame = (id: string, signal?: AbortSignal) => getForEdit<LegalFrameEntry>(legalFramePath(id), signal);

/** The pathway and referral pages read the frames. */
const changingLegalFrames = renewing('/legal-frames');

export const createLegalFrame = (body: LegalFrameCreate) => changingLegalFrames(sendVersioned<LegalFrameEntry>('POST', '/legal-frames', body));

export const updateLegalFrame = (id: string, changes: LegalFrameUpdate, etag: string) =>
  changingLegalFrames(sendVersioned<LegalFrameEntry>('PATCH', legalFramePath(id), changes, { ifMatch: etag }));

export const setLegalFrameArchived = (id: string, archived: boolean) =>
  changingLegalFrames(send<LegalFrameEntry>('POST', `${legalFramePath(id)}/${archived ? 'archive' : 'restore'}`));
