import { z } from 'zod';
import { authorize, type Action, type Actor } from '../../accounts/permissions.js';
import { badRequest } from '../../platform/http/problem.js';
import { multiValue } from '../../contract/query-params.js';
import { ArchivedParam, type ArchivedChoice } from '../../contract/directory/records/archived.js';
import { iso } from '../../contract/directory/records/view-schemas.js';

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;

/** `page` and `perPage` of every list. */
export const PageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
};

// The page's shape is the contract's (the web app reads it); lists here build it.
export { pageSchema, type Page } from '../../contract/directory/records/page.schemas.js';

export const skipOf = (q: { page: number; perPage: number }) => (q.page - 1) * q.perPage;

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Records from the catalog in the order the database sorts `{ <key>: 1, _id: 1 }`: by the key's text, then by id (in place). */
export const sortedBy = <T extends { _id: { toHexString(): string } }>(records: T[], key: (record: T) => string = () => ''): T[] =>
  records.sort((a, b) => compareText(key(a), key(b)) || compareText(a._id.toHexString(), b._id.toHexString()));

/** `fields=a,b`: the keys of a list item a client may ask for; `id` always comes along. */
export const fieldsQuery = <K extends string>(keys: readonly [K, ...K[]]) => multiValue(z.enum(keys)).optional();

export function pickFields<T extends { id: string }>(item: T, fields: readonly string[] | undefined): Partial<T> {
  if (!fields?.length) return item;
  const out: Record<string, unknown> = { id: item.id };
  for (const field of fields) if (field in item) out[field] = item[field as keyof T];
  return out as Partial<T>;
}

/**
 * `archived=include|only` on a list of one organisation's records (services, locations, contacts):
 * archived records are shown to those who may write that organisation's records, so they can restore them.
 */
export const OrganizationArchivedQuery = {
  archived: ArchivedParam.describe(
    'Archived records: left out (default), included, or only them. `include` and `only` need exactly one `organization` whose records you may write.',
  ),
};

/** 401/403 unless this user may ask for the archived records of the one organisation given. */
export function authorizeArchived(actor: Actor, query: { archived: ArchivedChoice; organization?: string[] }, action: Action): void {
  if (query.archived === 'exclude') return;
  const organizations = query.organization ?? [];
  if (organizations.length !== 1) {
    throw badRequest('archivedOneOrganisation', [{ field: 'query.organization', message: 'exactlyOneOrganisation' }]);
  }
  authorize(actor, action, organizations[0]!.toLowerCase());
}

/** A list item with `archivedAt`, only when archived records were asked for (else the public view is unchanged). */
export function withArchivedAt<T extends object>(item: T, record: { archivedAt?: Date | null }, archived: ArchivedChoice): T & { archivedAt?: string | null } {
  return archived === 'exclude' ? item : { ...item, archivedAt: iso(record.archivedAt) };
}
