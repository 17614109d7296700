/**
 * PostgreSQL as the peer a team would pick for a service directory (the stack of Open Referral's
 * reference API): a throw-away cluster in a temporary directory, started from the installed server
 * binaries (nothing is installed), holding the app's records with the indexes each query needs:
 * a GIN index over the normalised words (prefix match through tsquery `:*`), GIN over the array
 * filters, btree on status, the sort name and the inbox, GiST over the point for `near`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { boundingBox } from '../../server/directory/search/distance.js';
import { PAGE_SIZE, type DirectoryRecords, type Peer, type PeerQuery, type SearchQuery } from './peer.js';

/** The directory holding initdb and pg_ctl: PATH first, then Debian's /usr/lib/postgresql/<version>/bin (newest). */
export function findPostgresBin(): string | undefined {
  const fromPath = (process.env.PATH ?? '').split(path.delimiter).find((dir) => dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  if (fromPath) return fromPath;
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(debian, v, 'bin')).find((bin) => existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl')));
}

interface Cluster {
  port: number;
  stop(): void;
}

/** PostgreSQL refuses to run as root: then the cluster belongs to the `postgres` user and its commands run as that user. */
function startCluster(bin: string, port: number): Cluster {
  const dir = mkdtempSync(path.join(tmpdir(), 'ct-directory-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  const data = path.join(dir, 'data');
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch {
        // already gone; the directory goes anyway
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-U', 'bench', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
    // A throw-away copy: durability settings off only speed up the load, not the timed reads.
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=120`;
    started = true;
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', 'start']);
  } catch (err) {
    stop();
    throw err;
  }
  return { port, stop };
}

const SCHEMA = `
  CREATE TABLE organizations (id text PRIMARY KEY, doc jsonb NOT NULL);
  CREATE TABLE locations (id text PRIMARY KEY, doc jsonb NOT NULL);
  CREATE TABLE contacts (id text PRIMARY KEY, organization_id text NOT NULL, doc jsonb NOT NULL);
  CREATE TABLE services (
    id text PRIMARY KEY,
    organization_id text NOT NULL,
    status text NOT NULL,
    archived boolean NOT NULL,
    governorates text[] NOT NULL,
    categories text[] NOT NULL,
    populations text[] NOT NULL,
    languages text[] NOT NULL,
    organization_type text,
    location_ids text[] NOT NULL,
    words tsvector NOT NULL,
    name_words tsvector NOT NULL,
    sort_name text NOT NULL,
    point point,
    doc jsonb NOT NULL
  );
  CREATE TABLE referrals (id text PRIMARY KEY, to_organization_id text NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL, doc jsonb NOT NULL);
`;

const INDEXES = `
  CREATE INDEX ON services USING gin (words);
  CREATE INDEX ON services USING gin (governorates);
  CREATE INDEX ON services USING gin (categories);
  CREATE INDEX ON services USING gin (populations);
  CREATE INDEX ON services (status, archived, sort_name);
  CREATE INDEX ON services USING gist (point);
  CREATE INDEX ON contacts (organization_id);
  CREATE INDEX ON referrals (to_organization_id, status, created_at DESC);
  ANALYZE;
`;

const json = (doc: unknown) => JSON.stringify(doc);

/** Rows go in as one JSON array per batch, unpacked by json_to_recordset (no COPY stream dependency). */
async function insertBatches(client: pg.PoolClient, sql: string, rows: unknown[]): Promise<void> {
  const batch = 2000;
  for (let i = 0; i < rows.length; i += batch) await client.query(sql, [json(rows.slice(i, i + batch))]);
}

async function load(pool: pg.Pool, records: DirectoryRecords): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(SCHEMA);
    const plain = (docs: DirectoryRecords['organizations']) => docs.map((d) => ({ id: String(d._id), doc: d }));
    await insertBatches(client, `INSERT INTO organizations SELECT id, doc FROM json_to_recordset($1) AS r(id text, doc jsonb)`, plain(records.organizations));
    await insertBatches(client, `INSERT INTO locations SELECT id, doc FROM json_to_recordset($1) AS r(id text, doc jsonb)`, plain(records.locations));
    await insertBatches(
      client,
      `INSERT INTO contacts SELECT id, organization_id, doc FROM json_to_recordset($1) AS r(id text, organization_id text, doc jsonb)`,
      records.contacts.map((d) => ({ id: String(d._id), organization_id: String(d.organizationId), doc: d })),
    );
    await insertBatches(
      client,
      `INSERT INTO services SELECT id, organization_id, status, archived, governorates, categories, populations, languages, organization_type, location_ids,
         array_to_tsvector(words), array_to_tsvector(name_words), sort_name, CASE WHEN lat IS NULL THEN NULL ELSE point(lng, lat) END, doc
       FROM json_to_recordset($1) AS r(id text, organization_id text, status text, archived boolean, governorates text[], categories text[], populations text[],
         languages text[], organization_type text, location_ids text[], words text[], name_words text[], sort_name text, lat float8, lng float8, doc jsonb)`,
      records.services.map((s) => ({
        id: String(s._id),
        organization_id: String(s.organizationId),
        status: s.status,
        archived: s.archivedAt != null,
        governorates: s.governorates ?? [],
        categories: s.categories ?? [],
        populations: s.populations ?? [],
        languages: s.languages ?? [],
        organization_type: s.organizationType ?? null,
        location_ids: (s.locationIds ?? []).map(String),
        // The app's own normalised words (written by its normaliser when the record was saved).
        words: s.search?.words ?? [],
        name_words: s.search?.nameTokens ?? [],
        sort_name: s.search?.sortName ?? '',
        lat: s.point?.lat ?? null,
        lng: s.point?.lng ?? null,
        doc: s,
      })),
    );
    await insertBatches(
      client,
      `INSERT INTO referrals SELECT id, to_organization_id, status, created_at, doc FROM json_to_recordset($1) AS r(id text, to_organization_id text, status text, created_at timestamptz, doc jsonb)`,
      records.referrals.map((r) => ({ id: String(r._id), to_organization_id: String(r.toOrganizationId), status: r.status, created_at: r.createdAt, doc: r })),
    );
    await client.query(INDEXES);
  } finally {
    client.release();
  }
}

/** Every word a prefix: `'legal':* & 'aid':*` (quoted, so the words stay as the app's normaliser wrote them). */
const prefixQuery = (terms: string[]) => terms.map((t) => `'${t.replace(/'/g, "''")}':*`).join(' & ');

const ACTIVE = `status = 'active' AND NOT archived`;

/** A search's first page with the total, ranked as the app ranks: name matches first, then by name. */
function searchStatement(q: SearchQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (v: unknown) => `$${values.push(v)}`;
  const where = [ACTIVE];
  const order: string[] = [];
  if (q.terms.length) {
    const query = param(prefixQuery(q.terms));
    where.push(`words @@ ${query}::tsquery`);
    order.push(`name_words @@ ${query}::tsquery DESC`);
  }
  if (q.governorates.length) where.push(`governorates && ${param(q.governorates)}::text[]`);
  if (q.categories.length) where.push(`categories && ${param(q.categories)}::text[]`);
  if (q.populations.length) where.push(`populations && ${param(q.populations)}::text[]`);
  let distance = 'NULL';
  if (q.near) {
    const box = boundingBox(q.near, q.near.radiusKm);
    where.push(`point <@ box(point(${param(box.minLng)}, ${param(box.minLat)}), point(${param(box.maxLng)}, ${param(box.maxLat)}))`);
    // Haversine in km, as the app measures, so the box's corners drop out.
    const lat = param(q.near.lat);
    const lng = param(q.near.lng);
    distance = `2 * 6371.0088 * asin(sqrt(sin(radians(point[1] - ${lat}) / 2) ^ 2 + cos(radians(${lat})) * cos(radians(point[1])) * sin(radians(point[0] - ${lng}) / 2) ^ 2))`;
    where.push(`${distance} <= ${param(q.near.radiusKm)}`);
    order.push(distance);
  }
  order.push('sort_name');
  return {
    text: `SELECT doc, ${distance} AS distance_km, count(*) OVER () AS total FROM services WHERE ${where.join(' AND ')} ORDER BY ${order.join(', ')} LIMIT ${PAGE_SIZE} OFFSET ${((q.page ?? 1) - 1) * PAGE_SIZE}`,
    values,
  };
}

/** `$1`: the governorates asked for; none is every governorate. */
const IN_GOVERNORATES = `(cardinality($1::text[]) = 0 OR governorates && $1::text[])`;

const FACETS = ['governorates', 'categories', 'populations', 'languages']
  .map((field) => `SELECT '${field}' AS facet, v AS value, count(*) FROM services, unnest(${field}) v WHERE ${ACTIVE} AND ${IN_GOVERNORATES} GROUP BY v`)
  .concat(`SELECT 'organizationType', organization_type, count(*) FROM services WHERE ${ACTIVE} AND ${IN_GOVERNORATES} GROUP BY organization_type`)
  .join(' UNION ALL ');

/** Per governorate × category: services and the organisations offering them. */
const COVERAGE = `SELECT g, c, count(*) AS services, count(DISTINCT organization_id) AS organizations
  FROM services, unnest(governorates) g, unnest(categories) c WHERE ${ACTIVE} AND (cardinality($1::text[]) = 0 OR c = ANY($1::text[])) GROUP BY g, c`;

const SERVICE = `SELECT s.doc, o.doc AS organization,
    (SELECT json_agg(l.doc) FROM locations l WHERE l.id = ANY (s.location_ids)) AS locations,
    (SELECT json_agg(c.doc) FROM contacts c WHERE c.organization_id = s.organization_id) AS contacts
  FROM services s JOIN organizations o ON o.id = s.organization_id WHERE s.id = $1`;

const INBOX = `SELECT doc, count(*) OVER () AS total FROM referrals WHERE to_organization_id = $1 AND status <> 'draft' ORDER BY created_at DESC LIMIT ${PAGE_SIZE}`;

/** Starts the cluster, loads the records and answers through a pool of `maxConnections`; undefined (with the reason logged) when PostgreSQL is not installed. */
export async function startPostgresPeer(records: DirectoryRecords, port: number, maxConnections: number, log: (line: string) => void): Promise<Peer | undefined> {
  const bin = findPostgresBin();
  if (!bin) {
    log('PostgreSQL peer skipped: no initdb/pg_ctl in PATH or /usr/lib/postgresql/*/bin (install Debian\'s postgresql package to compare).');
    return undefined;
  }
  const cluster = startCluster(bin, port);
  const pool = new pg.Pool({ host: '127.0.0.1', port: cluster.port, user: 'bench', database: 'postgres', max: maxConnections });
  const close = async () => {
    await pool.end().catch(() => {});
    cluster.stop();
  };
  try {
    const started = performance.now();
    await load(pool, records);
    log(`PostgreSQL (${bin}) loaded ${records.services.length} services with indexes in ${Math.round(performance.now() - started)} ms`);
  } catch (err) {
    await close();
    throw err;
  }
  const statement = (query: PeerQuery): { text: string; values: unknown[] } => {
    switch (query.kind) {
      case 'search':
        return searchStatement(query);
      case 'map':
        return { text: `SELECT id, doc->'name'->>$1 AS name, organization_id, categories, point, (doc->>'confidential')::boolean AS confidential FROM services WHERE ${ACTIVE} AND (cardinality($2::text[]) = 0 OR governorates && $2::text[])`, values: [query.lang, query.governorates] };
      case 'facets':
        return { text: FACETS, values: [query.governorates] };
      case 'coverage':
        return { text: COVERAGE, values: [query.categories] };
      case 'service':
        return { text: SERVICE, values: [query.id] };
      case 'inbox':
        return { text: INBOX, values: [query.organizationId] };
    }
  };
  return {
    name: 'PostgreSQL',
    prepare(query) {
      const { text, values } = statement(query);
      // A named statement is parsed and planned once per connection, as an ORM's prepared statements are.
      const name = createHash('sha256').update(text).digest('hex').slice(0, 32);
      return () => pool.query({ name, text, values });
    },
    close,
  };
}
