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
import type { PeerQuery, SearchQuery } from './peers/peer.js';
import { median, round } from './stats.js';

export interface ScenarioContext {
  base: string;
  taxonomy: Taxonomy;
  serviceId: string;
  organizationId: string;
  /** The session cookie of a caseworker whose organisation has received referrals. */
  receiver: { cookie: string; organizationId: string };
  /** An organisation administrator of the receiving organisation, who edits its records. */
  editor: { cookie: string; csrf: string; serviceId: string };
}

export interface Scenario {
  name: string;
  group: 'search' | 'other';
  request(ctx: ScenarioContext): Promise<{ path: string; headers?: Record<string, string> }> | { path: string; headers?: Record<string, string> };
  /** The same request as the peer engines express it. */
  peerQuery(ctx: ScenarioContext): PeerQuery;
}

/** A search in the peers' terms: the app's own query words, and groups widened to their categories as the app does. */
function searchQuery(ctx: ScenarioContext, f: ServiceFilters): SearchQuery {
  return {
    kind: 'search',
    terms: f.q ? queryTerms(f.q) : [],
    governorates: f.governorate ?? [],
    categories: f.category ? ctx.taxonomy.withChildren(f.category) : [],
    populations: f.population ?? [],
    near: f.near && f.radiusKm ? { ...f.near, radiusKm: f.radiusKm } : undefined,
  };
}

const TEXT_QUERY = 'legal aid';
const FILTERS: ServiceFilters = { governorate: ['IQ-BA', 'IQ-NA'], category: ['shelter', 'health'], population: ['women'] };
const NEAR = { lat: 30.5085, lng: 47.7804 };

export const scenarios: Scenario[] = [
  {
    name: 'text search',
    group: 'search',
    request: () => ({ path: `/api/v1/services?q=${encodeURIComponent(TEXT_QUERY)}` }),
    peerQuery: (ctx) => searchQuery(ctx, { q: TEXT_QUERY }),
  },
  {
    name: 'filtered search',
    group: 'search',
    request: () => ({ path: '/api/v1/services?governorate=IQ-BA,IQ-NA&category=shelter,health&population=women' }),
    peerQuery: (ctx) => searchQuery(ctx, FILTERS),
  },
  {
    name: 'near search (25 km)',
    group: 'search',
    request: () => ({ path: `/api/v1/services?near=${NEAR.lat},${NEAR.lng}&radiusKm=25&sort=distance` }),
    peerQuery: (ctx) => searchQuery(ctx, { near: NEAR, radiusKm: 25 }),
  },
  {
    name: 'map (all active services)',
    group: 'search',
    // As a browser asks for it: the answer is kept gzipped.
    request: () => ({ path: `/api/v1/map/services?lang=${MAP_LANGUAGE}`, headers: { 'Accept-Encoding': 'gzip' } }),
    peerQuery: () => ({ kind: 'map', lang: MAP_LANGUAGE }),
  },
  {
    name: 'facets',
    group: 'search',
    request: () => ({ path: '/api/v1/services/facets' }),
    peerQuery: () => ({ kind: 'facets' }),
  },
  {
    name: 'coverage',
    group: 'other',
    request: () => ({ path: '/api/v1/coverage' }),
    peerQuery: () => ({ kind: 'coverage' }),
  },
  {
    name: 'service detail',
    group: 'other',
    request: (ctx) => ({ path: `/api/v1/services/${ctx.serviceId}` }),
    peerQuery: (ctx) => ({ kind: 'service', id: ctx.serviceId }),
  },
  {
    name: 'referral inbox (signed in)',
    group: 'other',
    request: (ctx) => ({ path: '/api/v1/referrals?box=inbox', headers: { ...VIA_TLS_PROXY, Cookie: ctx.receiver.cookie } }),
    peerQuery: (ctx) => ({ kind: 'inbox', organizationId: ctx.receiver.organizationId }),
  },
];

export const MAP_LANGUAGE = 'ar';

/** The app runs as behind a TLS proxy, which says so in this header (its session cookies are Secure). */
const VIA_TLS_PROXY = { 'X-Forwarded-Proto': 'https' };

/** Referrals in the benchmark's inbox. */
const INBOX_SIZE = 60;

const newAccount = async (base: string, role: 'caseworker' | 'org-admin', organizationId: string) => {
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
        isChild: false,
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

export async function prepareContext(base: string): Promise<ScenarioContext> {
  const taxonomy = await loadTaxonomy();
  const one = await ServiceModel.collection.findOne({ archivedAt: null, status: 'active', confidential: false }, { projection: { _id: 1, organizationId: 1 } });
  if (!one) throw new Error('no active service in the benchmark database');
  const organizations = await twoOrganizations();
  const own = await ServiceModel.collection.findOne({ archivedAt: null, organizationId: new Types.ObjectId(organizations[1]) }, { projection: { _id: 1 } });
  if (!own) throw new Error('the receiving organisation has no service to edit');
  return {
    base,
    taxonomy,
    serviceId: String(one._id),
    organizationId: String(one.organizationId),
    receiver: await referralInbox(base, organizations),
    editor: { ...(await newAccount(base, 'org-admin', organizations[1])), serviceId: String(own._id) },
  };
}

/**
 * How long an edit through the API takes: up to `times` PATCHes in a row, each with the ETag the one
 * before returned, until `budgetMs` is spent. A refused or failed edit is counted, not retried.
 */
export async function editLatency(
  ctx: ScenarioContext,
  path: string,
  body: (i: number) => object,
  budgetMs: number,
  times = 20,
): Promise<{ p50: number; edits: number; failures: string[] }> {
  const url = `${ctx.base}/api/v1${path}`;
  const headers = { ...VIA_TLS_PROXY, Cookie: ctx.editor.cookie };
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
      headers: { ...headers, 'Content-Type': 'application/json', 'X-CSRF-Token': ctx.editor.csrf, 'If-Match': etag },
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
