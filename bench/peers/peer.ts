/**
 * What the benchmark's peers share: the directory they hold (read once from the app's seeded
 * database, so every engine answers over the same records), the query each endpoint needs, and a
 * closed-loop driver that keeps N callers busy for a duration, as autocannon does for the app.
 */
import mongoose from 'mongoose';
import { percentile, round } from '../stats.js';

type Doc = mongoose.mongo.Document;

/** The records of the app's database that the endpoints read, as stored. */
export interface DirectoryRecords {
  services: Doc[];
  organizations: Doc[];
  locations: Doc[];
  contacts: Doc[];
  referrals: Doc[];
}

export async function readDirectoryRecords(): Promise<DirectoryRecords> {
  const db = mongoose.connection.db!;
  const all = (name: string) => db.collection(name).find({}).toArray();
  const [services, organizations, locations, contacts, referrals] = await Promise.all(
    ['services', 'organizations', 'locations', 'contacts', 'referrals'].map(all),
  );
  return { services: services!, organizations: organizations!, locations: locations!, contacts: contacts!, referrals: referrals! };
}

/** A directory search as every engine can express it: normalised query words (prefix match) and filters (any value of a filter). */
export interface SearchQuery {
  kind: 'search';
  terms: string[];
  governorates: string[];
  /** Category codes with the children of any group already included. */
  categories: string[];
  populations: string[];
  near?: { lat: number; lng: number; radiusKm: number };
  /** 1-based page of PAGE_SIZE results; the first when absent. */
  page?: number;
}

export type PeerQuery =
  | SearchQuery
  | { kind: 'map'; lang: string; governorates: string[] }
  | { kind: 'facets'; governorates: string[] }
  | { kind: 'coverage'; categories: string[] }
  | { kind: 'service'; id: string }
  | { kind: 'inbox'; organizationId: string };

/** The first page a list endpoint returns. */
export const PAGE_SIZE = 20;

export interface Peer {
  name: string;
  /** The work behind one request for this query, or undefined when the engine has no equivalent. */
  prepare(query: PeerQuery): (() => Promise<unknown>) | undefined;
  close(): Promise<void>;
}

export interface PeerTiming {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** One query of a pool after another, so a peer sees the same mix of requests as the app. */
export function roundRobin(works: (() => Promise<unknown>)[]): () => Promise<unknown> {
  let next = 0;
  return () => works[next++ % works.length]!();
}

/** `connections` callers each run `work` back to back for `durationSeconds`; every call's time is kept. */
export async function drivePeer(work: () => Promise<unknown>, connections: number, durationSeconds: number): Promise<PeerTiming> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  const caller = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      try {
        await work();
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, caller));
  const seconds = (performance.now() - started) / 1000;
  return {
    connections,
    requestsPerSecond: round(latencies.length / seconds),
    p50: round(percentile(latencies, 50), 2),
    p95: round(percentile(latencies, 95), 2),
    p99: round(percentile(latencies, 99), 2),
    errors,
  };
}
