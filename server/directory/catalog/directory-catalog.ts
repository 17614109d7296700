import type { Model, Types } from 'mongoose';
import { ContactModel, type ContactDoc } from '../contacts/contact.model.js';
import { LocationModel, type LocationDoc } from '../locations/location.model.js';
import { OrganizationModel, type OrganizationDoc } from '../organizations/organization.model.js';
import { ServiceModel, type ServiceDoc } from '../services/service.model.js';
import { CatalogSet, RecordCatalog, type CatalogRecord } from './catalog.js';
import {
  contactReadModel,
  locationReadModel,
  organizationReadModel,
  serviceReadModel,
  type ContactReadModel,
  type LocationReadModel,
  type OrganizationReadModel,
  type ServiceReadModel,
} from './service-read-model.js';
import type { Filter } from './filter-match.js';

/**
 * Free-text search: `{ [SEARCH_WORDS]: { $all: terms } }` holds when every query term starts one of a
 * record's words. Only the catalog evaluates it (with its word index); the database never sees it.
 */
export const SEARCH_WORDS = 'search.words';

const interned = new Map<string, string>();
const intern = (s: string) => {
  const known = interned.get(s);
  if (known !== undefined) return known;
  interned.set(s, s);
  return s;
};

/** Records stored before `search.words` carried every prefix of every word (up to 12 letters): their longest ones are the words. */
export function wordsFromPrefixes(prefixes: readonly string[]): string[] {
  const sorted = [...prefixes].sort();
  const words: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const next = sorted[i + 1];
    if (next === undefined || !next.startsWith(sorted[i]!)) words.push(intern(sorted[i]!));
  }
  return words;
}

export interface CatalogSearch {
  nameTokens: string[];
  sortName: string;
  /** Sorted, so that ranking finds a query word among them by binary search. */
  words: string[];
}

/** A stored record as the catalog keeps it: the document, with `search` in its compact form. */
export type Catalogued<D> = Omit<D, 'search' | '_id'> & { _id: Types.ObjectId; search: CatalogSearch };
export type CatalogService = Catalogued<ServiceDoc>;
export type CatalogOrganization = Catalogued<OrganizationDoc>;

/**
 * In place: the document is the catalog's own (just read or parsed), and a copy of each of a whole
 * collection's documents is what a load would spend most of its memory churn on.
 */
function compact<T extends CatalogRecord>(doc: Record<string, unknown>): T {
  const search = (doc.search ?? {}) as { nameTokens?: string[]; sortName?: string; words?: string[]; prefixes?: string[] };
  doc.search = {
    nameTokens: (search.nameTokens ?? []).map(intern),
    sortName: search.sortName ?? '',
    words: search.words ? search.words.map(intern).sort() : wordsFromPrefixes(search.prefixes ?? []),
  };
  return doc as unknown as T;
}

/** `{ [SEARCH_WORDS]: { $all: terms } }`: every term starts a word. */
const prefixMatcher = (doc: object, condition: unknown): boolean => {
  const terms = (condition as { $all?: unknown }).$all;
  if (!Array.isArray(terms) || Object.keys(condition as Filter).length !== 1) {
    throw new Error(`The catalog matches ${SEARCH_WORDS} only with $all.`);
  }
  const words = (doc as { search: CatalogSearch }).search.words;
  return terms.every((t: string) => words.some((w) => w.startsWith(t)));
};

const wordIndex = { path: SEARCH_WORDS, of: (record: object) => (record as { search: CatalogSearch }).search.words };

/** The fields that searches, facets, coverage and the confidential-place checks filter on. */
export const serviceCatalogOf = (model: () => Model<unknown>) =>
  new RecordCatalog<CatalogService, ServiceReadModel>('services', model, compact, {
    fieldMatchers: { [SEARCH_WORDS]: prefixMatcher },
    indexes: {
      fields: ['archivedAt', 'status', 'governorates', 'categories', 'populations', 'languages', 'organizationId', 'organizationType', 'confidential', 'locationIds'],
      words: wordIndex,
    },
    // Searches, facets and the map run their plans here (service-read-model.ts).
    readModel: serviceReadModel,
  });
export const serviceCatalog = serviceCatalogOf(() => ServiceModel as never);
export const organizationCatalog = new RecordCatalog<CatalogOrganization, OrganizationReadModel>('organizations', () => OrganizationModel as never, compact, {
  // The organisation list, HSDS's organisations and the verification queue run their plans here.
  readModel: organizationReadModel,
});

/** Places and people carry no search fields: kept as stored. */
export type CatalogLocation = LocationDoc & { _id: Types.ObjectId };
export type CatalogContact = ContactDoc & { _id: Types.ObjectId };
const asStored = <T,>(doc: Record<string, unknown>) => doc as unknown as T;
const byOwner = { indexes: { fields: ['organizationId', 'serviceId'] } };
// Their lists (by owner, by governorate) run plans over these read models.
export const locationCatalog = new RecordCatalog<CatalogLocation, LocationReadModel>('locations', () => LocationModel as never, asStored<CatalogLocation>, {
  ...byOwner,
  readModel: locationReadModel,
});
export const contactCatalog = new RecordCatalog<CatalogContact, ContactReadModel>('contacts', () => ContactModel as never, asStored<CatalogContact>, {
  ...byOwner,
  readModel: contactReadModel,
});

export const directoryCatalog = new CatalogSet([serviceCatalog, organizationCatalog, locationCatalog, contactCatalog] as RecordCatalog<CatalogRecord>[]);
