/**
 * What the benchmark measures: each scenario is an HTTP request to the running app and the same
 * request as the peer engines express it (the app's own query words and category groups).
 */
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { createAccount } from '../server/accounts/accounts.js';
import { OrganizationModel } from '../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../server/directory/services/service.model.js';
import type { ServiceFilters } from '../server/directory/search/service-query.js';
import { loadTaxonomy, type Taxonomy } from '../server/directory/taxonomy/taxonomy.data.js';
import { queryTerms } from '../server/platform/text/normalize.js';
import { signInOverHttp } from '../test/support/http-session.js';
import type { DirectoryRecords, PeerQuery, SearchQuery } from './peers/peer.js';
import { median, round } from './stats.js';

export interface ScenarioContext {
  base: string;
  taxonomy: Taxonomy;
  /** What the pools draw from: records spread over the whole table, not its first rows. */
  sample: {
    /** What each sampled service offers: a search built from one finds at least that service. */
    offers: { words: string[]; governorates: string[]; categories: string[]; populations: string[] }[];
    serviceIds: string[];
    origins: { lat: number; lng: number }[];
    words: string[];
    governorates: string[];
    categories: string[];
    populations: string[];
  };
  /** The session cookie of a caseworker whose organisation has received referrals. */
  receiver: { cookie: string; organizationId: string };
  /** An organisation administrator of the receiving organisation, who edits its services. */
  editor: Session & { serviceId: string };
  /** A platform administrator: only they rename organisations. */
  platformAdmin: Session;
}

type Session = { cookie: string; csrf: string };

/** One request of a scenario's pool and the same request as the peer engines express it. */
export interface PooledRequest {
  path: string;
  headers?: Record<string, string>;
  peer: PeerQuery;
}

export interface Scenario {
  name: string;
  group: 'search' | 'other';
  /** Different requests, asked in turn, so no answer repeats often enough for a cache to carry the engine. */
  pool(ctx: ScenarioContext): PooledRequest[];
  /** Answered from a cache kept per directory version: also timed as the first request after a write. */
  cached?: boolean;
}

/** A search in the peers' terms: the app's own query words, and groups widened to their categories as the app does. */
function searchQuery(ctx: ScenarioContext, f: ServiceFilters, page: number): SearchQuery {
  return {
    kind: 'search',
    terms: f.q ? queryTerms(f.q) : [],
    governorates: f.governorate ?? [],
    categories: f.category ? ctx.taxonomy.withChildren(f.category) : [],
    populations: f.population ?? [],
    near: f.near && f.radiusKm ? { ...f.near, radiusKm: f.radiusKm } : undefined,
    page,
  };
}

/** Requests in a pool: enough that a per-URL cache of a few dozen entries rarely answers. */
const POOL_SIZE = 200;

/** A deterministic generator (mulberry32), so two runs ask the same pools. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, xs: T[]): T => xs[Math.floor(next() * xs.length)]!;
const pickSome = <T>(next: () => number, xs: T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(next, xs)))];

function pooled(seed: number, make: (next: () => number, i: number) => PooledRequest): PooledRequest[] {
  const next = random(seed);
  return Array.from({ length: POOL_SIZE }, (_, i) => make(next, i));
}

const searchPath = (f: ServiceFilters, page: number) => {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.governorate) params.set('governorate', f.governorate.join(','));
  if (f.category) params.set('category', f.category.join(','));
  if (f.population) params.set('population', f.population.join(','));
  if (f.near) params.set('near', `${f.near.lat},${f.near.lng}`);
  if (f.radiusKm) params.set('radiusKm', String(f.radiusKm));
  if (f.near) params.set('sort', 'distance');
  if (page > 1) params.set('page', String(page));
  return `/api/v1/services?${params}`;
};

const search = (ctx: ScenarioContext, f: ServiceFilters, page: number): PooledRequest => ({ path: searchPath(f, page), peer: searchQuery(ctx, f, page) });
const LANGUAGES = ['ar', 'ckb', 'en'];

export const scenarios: Scenario[] = [
  {
    name: 'text search',
    group: 'search',
    // One or two words of one service, so every search finds something to rank.
    pool: (ctx) =>
      pooled(1, (next) => {
        const { words } = pick(next, ctx.sample.offers);
        return search(ctx, { q: pickSome(next, words.length ? words : ctx.sample.words, 2).join(' ') }, 1 + Math.floor(next() * 2));
      }),
  },
  {
    name: 'filtered search',
    group: 'search',
    pool: (ctx) =>
      // One service's values, each widened by another value at random, so every search finds something.
      pooled(2, (next) => {
        const offer = pick(next, ctx.sample.offers);
        const widened = (own: string[], all: string[]) => [...new Set([...own.slice(0, 1), pick(next, all)])];
        const filters: ServiceFilters = {
          governorate: widened(offer.governorates, ctx.sample.governorates),
          category: widened(offer.categories, ctx.sample.categories),
        };
        if (offer.populations.length) filters.population = offer.populations.slice(0, 1) as ServiceFilters['population'];
        return search(ctx, filters, 1 + Math.floor(next() * 2));
      }),
  },
  {
    name: 'near search (25 km)',
    group: 'search',
    pool: (ctx) => pooled(3, (next) => search(ctx, { near: pick(next, ctx.sample.origins), radiusKm: 25 }, 1 + Math.floor(next() * 2))),
  },
  {
    name: 'map (active services)',
    group: 'search',
    cached: true,
    // As a browser asks for it (the answer is kept gzipped): the whole map, or a governorate's.
    pool: (ctx) =>
      pooled(4, (next, i) => {
        const lang = LANGUAGES[i % LANGUAGES.length]!;
        const governorates = i % 4 === 0 ? [] : pickSome(next, ctx.sample.governorates, 2);
        const filter = governorates.length ? `&governorate=${governorates.join(',')}` : '';
        return { path: `/api/v1/map/services?lang=${lang}${filter}`, headers: { 'Accept-Encoding': 'gzip' }, peer: { kind: 'map', lang, governorates } };
      }),
  },
  {
    name: 'facets',
    group: 'search',
    cached: true,
    pool: (ctx) =>
      pooled(5, (next, i) => {
        const governorates = i % 4 === 0 ? [] : pickSome(next, ctx.sample.governorates, 2);
        return { path: `/api/v1/services/facets${governorates.length ? `?governorate=${governorates.join(',')}` : ''}`, peer: { kind: 'facets', governorates } };
      }),
  },
  {
    name: 'coverage',
    group: 'other',
    cached: true,
    pool: (ctx) =>
      pooled(6, (next, i) => {
        const categories = i % 4 === 0 ? [] : pickSome(next, ctx.sample.categories, 3);
        return { path: `/api/v1/coverage${categories.length ? `?category=${categories.join(',')}` : ''}`, peer: { kind: 'coverage', categories } };
      }),
  },
  {
    name: 'service detail',
    group: 'other',
    pool: (ctx) => ctx.sample.serviceIds.map((id) => ({ path: `/api/v1/services/${id}`, peer: { kind: 'service', id } })),
  },
  {
    name: 'referral inbox (signed in)',
    group: 'other',
    // One organisation's inbox: the app's answer is built per request, not cached.
    pool: (ctx) => [
      { path: '/api/v1/referrals?box=inbox', headers: { ...VIA_TLS_PROXY, Cookie: ctx.receiver.cookie }, peer: { kind: 'inbox', organizationId: ctx.receiver.organizationId } },
    ],
  },
];

/** The map's answer carries names: its size is measured in each language (Arabic and Sorani take more bytes). */
export const MAP_LANGUAGES = ['en', 'ar', 'ckb'] as const;

/** The app runs as behind a TLS proxy, which says so in this header (its session cookies are Secure). */
const VIA_TLS_PROXY = { 'X-Forwarded-Proto': 'https' };

/** Referrals in the benchmark's inbox. */
const INBOX_SIZE = 60;

const newAccount = async (base: string, role: 'caseworker' | 'org-admin' | 'platform-admin', organizationId: string | null) => {
  const password = `Bench pass ${randomBytes(12).toString('base64url')}`;
  const user = await createAccount(
    { email: `bench.${role}.${randomBytes(4).toString('hex')}@example.test`, name: `Bench ${role}`, password, role, organizationId },
    null,
  );
  return signInOverHttp(base, user.email, password, VIA_TLS_PROXY);
};

/** Two local NGOs of the sample: the first sends the second INBOX_SIZE referrals through the API. */
async function twoOrganizations() {
  const ngos = await OrganizationModel.find({ archivedAt: null, type: 'local-ngo' }, { _id: 1 }).limit(2).lean();
  if (ngos.length < 2) throw new Error('the benchmark needs two local NGOs in the sample');
  return ngos.map((o) => String(o._id)) as [string, string];
}

async function referralInbox(base: string, [senderOrg, receiverOrg]: [string, string]): Promise<ScenarioContext['receiver']> {
  const [sender, receiver] = await Promise.all([newAccount(base, 'caseworker', senderOrg), newAccount(base, 'caseworker', receiverOrg)]);
  const post = (path: string, body: object) =>
    fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { ...VIA_TLS_PROXY, 'Content-Type': 'application/json', 'X-CSRF-Token': sender!.csrf, Cookie: sender!.cookie },
      body: JSON.stringify(body),
    });
  for (let i = 0; i < INBOX_SIZE; i++) {
    const draft = await post('/referrals', {
        toOrganizationId: receiverOrg,
        caseCode: `BENCH-${i}`,
        ageBand: '25-59',
        sex: 'female',
        nationality: 'IQ',
        preferredLanguage: 'ar',
        governorate: 'IQ-BA',
        needs: ['shelter'],
        urgency: i % 3 ? 'normal' : 'high',
        ageStatus: 'adult',
        consent: { given: true, by: 'person', at: new Date().toISOString(), scope: ['referral', 'share-case-information'] },
        summary: 'Benchmark referral (fictional).',
    });
    if (draft.status !== 201) throw new Error(`bench referral failed: ${draft.status} ${await draft.text()}`);
    const { id } = (await draft.json()) as { id: string };
    const sent = await post(`/referrals/${id}/transitions`, { to: 'sent' });
    if (!sent.ok) throw new Error(`bench referral not sent: ${sent.status} ${await sent.text()}`);
  }
  return { cookie: receiver.cookie, organizationId: receiverOrg };
}

/** Every active public service's id, and the words, places and codes the pools draw from, spread over the whole table. */
function sampleOf(records: DirectoryRecords): ScenarioContext['sample'] {
  const next = random(7);
  const active = records.services.filter((s) => s.status === 'active' && s.archivedAt == null && !s.confidential);
  if (!active.length) throw new Error('no active service in the benchmark database');
  const some = Array.from({ length: POOL_SIZE }, () => pick(next, active));
  const words = [...new Set(some.flatMap((s) => ((s.search?.words ?? []) as string[]).filter((w) => w.length >= 4)))];
  const codes = (field: string) => [...new Set(some.flatMap((s) => (s[field] ?? []) as string[]))].sort();
  const list = (s: (typeof some)[number], field: string) => (s[field] ?? []) as string[];
  return {
    offers: some.map((s) => ({
      words: ((s.search?.words ?? []) as string[]).filter((w) => w.length >= 4),
      governorates: list(s, 'governorates'),
      categories: list(s, 'categories'),
      populations: list(s, 'populations'),
    })),
    serviceIds: some.map((s) => String(s._id)),
    origins: some.flatMap((s) => (s.point?.lat != null && s.point?.lng != null ? [{ lat: s.point.lat as number, lng: s.point.lng as number }] : [])),
    words,
    governorates: codes('governorates'),
    categories: codes('categories'),
    populations: codes('populations'),
  };
}

export async function prepareContext(base: string, records: DirectoryRecords): Promise<ScenarioContext> {
  const taxonomy = await loadTaxonomy();
  const organizations = await twoOrganizations();
  const own = await ServiceModel.collection.findOne({ archivedAt: null, organizationId: new Types.ObjectId(organizations[1]) }, { projection: { _id: 1 } });
  if (!own) throw new Error('the receiving organisation has no service to edit');
  return {
    base,
    taxonomy,
    sample: sampleOf(records),
    receiver: await referralInbox(base, organizations),
    editor: { ...(await newAccount(base, 'org-admin', organizations[1])), serviceId: String(own._id) },
    platformAdmin: await newAccount(base, 'platform-admin', null),
  };
}

/**
 * How long an edit through the API takes: up to `times` PATCHes in a row, each with the ETag the one
 * before returned, until `budgetMs` is spent. A refused or failed edit is counted, not retried.
 */
export async function editLatency(
  ctx: ScenarioContext,
  as: Session,
  path: string,
  body: (i: number) => object,
  budgetMs: number,
  times = 20,
): Promise<{ p50: number; edits: number; failures: string[] }> {
  const url = `${ctx.base}/api/v1${path}`;
  const headers = { ...VIA_TLS_PROXY, Cookie: as.cookie };
  const currentTag = async () => {
    const read = await fetch(url, { headers });
    if (!read.ok) throw new Error(`${path} answered ${read.status}`);
    return read.headers.get('ETag')!;
  };
  let etag = await currentTag();
  const samples: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  for (let i = 0; i < times && performance.now() - started < budgetMs; i++) {
    const t = performance.now();
    const res = await fetch(url, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json', 'X-CSRF-Token': as.csrf, 'If-Match': etag },
      body: JSON.stringify(body(i)),
    });
    const text = await res.text();
    samples.push(performance.now() - t);
    if (res.ok) etag = res.headers.get('ETag')!;
    else {
      failures.push(`${res.status} after ${Math.round(performance.now() - t)} ms: ${text.slice(0, 200)}`);
      etag = await currentTag();
    }
  }
  return { p50: round(median(samples)), edits: samples.length, failures };
}
