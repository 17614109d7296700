/**
 * What the benchmark measures: each scenario is an HTTP request to the running app and the raw
 * database work that request needs, done through the driver with the app's own filter builder.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { createAccount } from '../server/accounts/accounts.js';
import { OrganizationModel } from '../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../server/directory/services/service.model.js';
import { ReferralModel } from '../server/referrals/referral.model.js';
import { serviceSearch, type ServiceFilters } from '../server/directory/search/service-query.js';
import { signInOverHttp } from '../test/support/http-session.js';
import { loadTaxonomy, type Taxonomy } from '../server/directory/taxonomy/taxonomy.data.js';
import { boundingBox } from '../server/directory/search/distance.js';

export interface ScenarioContext {
  base: string;
  taxonomy: Taxonomy;
  serviceId: string;
  organizationId: string;
  /** The session cookie of a caseworker whose organisation has received referrals. */
  receiver: { cookie: string; organizationId: string };
}

export interface Scenario {
  name: string;
  group: 'search' | 'other';
  request(ctx: ScenarioContext): Promise<{ path: string; headers?: Record<string, string> }> | { path: string; headers?: Record<string, string> };
  raw(ctx: ScenarioContext): Promise<unknown>;
}

const services = () => ServiceModel.collection;
const RANK_FIELDS = { projection: { _id: 1, 'search.nameTokens': 1, 'search.sortName': 1, point: 1, confidential: 1, governorates: 1 } };

/** The raw work of a list request: the candidates with their ranking fields, then one page of documents. */
async function rawList(ctx: ScenarioContext, filters: ServiceFilters) {
  // Without the app’s hidden places (in the app a short `$in` branch of the near pre-filter).
  const { filter } = serviceSearch(filters, ctx.taxonomy, []);
  const candidates = await services().find(filter as mongoose.mongo.Filter<mongoose.mongo.Document>, RANK_FIELDS).toArray();
  const page = candidates.slice(0, 20).map((c) => c._id);
  return services().find({ _id: { $in: page } }).toArray();
}

const TEXT_QUERY = 'legal aid';
const FILTERS: ServiceFilters = { governorate: ['IQ-BA', 'IQ-NA'], category: ['shelter', 'health'], population: ['women'] };
const NEAR = { lat: 30.5085, lng: 47.7804 };

export const scenarios: Scenario[] = [
  {
    name: 'text search',
    group: 'search',
    request: () => ({ path: `/api/v1/services?q=${encodeURIComponent(TEXT_QUERY)}` }),
    raw: (ctx) => rawList(ctx, { q: TEXT_QUERY }),
  },
  {
    name: 'filtered search',
    group: 'search',
    request: () => ({ path: '/api/v1/services?governorate=IQ-BA,IQ-NA&category=shelter,health&population=women' }),
    raw: (ctx) => rawList(ctx, FILTERS),
  },
  {
    name: 'near search (25 km)',
    group: 'search',
    request: () => ({ path: `/api/v1/services?near=${NEAR.lat},${NEAR.lng}&radiusKm=25&sort=distance` }),
    raw: async () => {
      const box = boundingBox(NEAR, 25);
      return services()
        .find({ archivedAt: null, status: 'active', 'point.lat': { $gte: box.minLat, $lte: box.maxLat }, 'point.lng': { $gte: box.minLng, $lte: box.maxLng } }, RANK_FIELDS)
        .toArray();
    },
  },
  {
    name: 'map (all active services)',
    group: 'search',
    // As a browser asks for it: the answer is kept gzipped.
    request: () => ({ path: '/api/v1/map/services?lang=ar', headers: { 'Accept-Encoding': 'gzip' } }),
    raw: () =>
      services()
        .find({ archivedAt: null, status: 'active' }, { projection: { _id: 1, name: 1, organizationId: 1, categories: 1, point: 1, confidential: 1 } })
        .toArray(),
  },
  {
    name: 'facets',
    group: 'search',
    request: () => ({ path: '/api/v1/services/facets' }),
    // One projected read of what the counts need (an aggregation per dimension is a full scan each on FerretDB v1).
    raw: () =>
      services()
        .find({ archivedAt: null, status: 'active' }, { projection: { governorates: 1, categories: 1, populations: 1, languages: 1, organizationType: 1 } })
        .toArray(),
  },
  {
    name: 'coverage',
    group: 'other',
    request: () => ({ path: '/api/v1/coverage' }),
    // What the coverage counts need from the database: every active service's area, categories and organisation.
    raw: () =>
      services()
        .find({ archivedAt: null, status: 'active' }, { projection: { organizationId: 1, governorates: 1, categories: 1, lastVerifiedAt: 1 } })
        .toArray(),
  },
  {
    name: 'service detail',
    group: 'other',
    request: (ctx) => ({ path: `/api/v1/services/${ctx.serviceId}` }),
    raw: async (ctx) => {
      const service = await services().findOne({ _id: new mongoose.Types.ObjectId(ctx.serviceId) });
      const db = mongoose.connection.db!;
      return Promise.all([
        db.collection('organizations').findOne({ _id: service!.organizationId }),
        db.collection('locations').find({ _id: { $in: service!.locationIds } }).toArray(),
        db.collection('contacts').find({ organizationId: service!.organizationId }).toArray(),
      ]);
    },
  },
  {
    name: 'referral inbox (signed in)',
    group: 'other',
    request: (ctx) => ({ path: '/api/v1/referrals?box=inbox', headers: { ...VIA_TLS_PROXY, Cookie: ctx.receiver.cookie } }),
    // The inbox reads its organisation's referrals, newest first.
    raw: (ctx) =>
      ReferralModel.collection
        .find({ toOrganizationId: new mongoose.Types.ObjectId(ctx.receiver.organizationId) })
        .sort({ createdAt: -1 })
        .limit(20)
        .toArray(),
  },
];

/** The app runs as behind a TLS proxy, which says so in this header (its session cookies are Secure). */
const VIA_TLS_PROXY = { 'X-Forwarded-Proto': 'https' };

/** Referrals in the benchmark's inbox. */
const INBOX_SIZE = 60;

/** A caseworker in each of two sample NGOs; the first sends the second INBOX_SIZE referrals through the API. */
async function referralInbox(base: string): Promise<ScenarioContext['receiver']> {
  const ngos = await OrganizationModel.find({ archivedAt: null, type: 'local-ngo' }, { _id: 1 }).limit(2).lean();
  if (ngos.length < 2) throw new Error('the benchmark needs two local NGOs in the sample');
  const [sender, receiver] = await Promise.all(
    ngos.map(async (org, i) => {
      const password = `Bench pass ${randomBytes(12).toString('base64url')}`;
      const user = await createAccount(
        { email: `bench.${i}.${randomBytes(4).toString('hex')}@example.test`, name: `Bench caseworker ${i}`, password, role: 'caseworker', organizationId: String(org._id) },
        null,
      );
      return { ...(await signInOverHttp(base, user.email, password, VIA_TLS_PROXY)), organizationId: String(org._id) };
    }),
  );
  const post = (path: string, body: object) =>
    fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { ...VIA_TLS_PROXY, 'Content-Type': 'application/json', 'X-CSRF-Token': sender!.csrf, Cookie: sender!.cookie },
      body: JSON.stringify(body),
    });
  for (let i = 0; i < INBOX_SIZE; i++) {
    const draft = await post('/referrals', {
        toOrganizationId: receiver!.organizationId,
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
  return { cookie: receiver!.cookie, organizationId: receiver!.organizationId };
}

export async function prepareContext(base: string): Promise<ScenarioContext> {
  const taxonomy = await loadTaxonomy();
  const one = await services().findOne({ archivedAt: null, status: 'active', confidential: false }, { projection: { _id: 1, organizationId: 1 } });
  if (!one) throw new Error('no active service in the benchmark database');
  return { base, taxonomy, serviceId: String(one._id), organizationId: String(one.organizationId), receiver: await referralInbox(base) };
}
