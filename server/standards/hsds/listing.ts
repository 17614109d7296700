import { once } from 'node:events';
import type { Response } from 'express';
import type { Types } from 'mongoose';
import { sortedBy } from '../../directory/records/list.js';

/**
 * HSDS list responses: the `Page` wrapper of the HSDS API reference for `format=json`, or every
 * result as newline-delimited JSON without pagination for `format=ndjson` (streamed in batches).
 */

export interface ListSource<T> {
  total(): Promise<number>;
  page(skip: number, limit: number): Promise<T[]>;
  /** Every item, in batches, for ndjson streaming and exports. */
  batches(): AsyncIterable<T[]>;
}

export interface PageParams {
  page: number;
  per_page: number;
  format: 'json' | 'ndjson';
}

const BATCH = 500;

/** Records from the catalog, already in page order: pages slice them; batches walk them by `_id` upwards, as ndjson has always been streamed. */
export function recordSource<T extends { _id: Types.ObjectId }>(records: T[]): ListSource<T> {
  const byId = arraySource(sortedBy([...records]), (batch) => batch);
  return { ...arraySource(records, (slice) => slice), batches: () => byId.batches() };
}

/** A list held in memory (taxonomy terms, service-at-location pairs); `load` turns a slice into items. */
export function arraySource<E, T>(all: E[], load: (slice: E[]) => Promise<T[]> | T[]): ListSource<T> {
  return {
    total: async () => all.length,
    page: async (skip, limit) => load(all.slice(skip, skip + limit)),
    async *batches() {
      for (let i = 0; i < all.length; i += BATCH) yield await load(all.slice(i, i + BATCH));
    },
  };
}

export async function sendList<T, O>(
  res: Response,
  params: PageParams,
  source: ListSource<T>,
  map: (items: T[]) => Promise<O[]> | O[],
): Promise<void> {
  if (params.format === 'ndjson') {
    res.status(200).type('application/x-ndjson');
    for await (const batch of source.batches()) {
      const lines = (await map(batch)).map((item) => `${JSON.stringify(item)}\n`).join('');
      if (lines && !res.write(lines)) await once(res, 'drain');
    }
    res.end();
    return;
  }
  const [total, items] = await Promise.all([
    source.total(),
    source.page((params.page - 1) * params.per_page, params.per_page),
  ]);
  const contents = await map(items);
  const totalPages = Math.ceil(total / params.per_page);
  res.json({
    total_items: total,
    total_pages: totalPages,
    page_number: params.page,
    // Not in HSDS 3.0's Page (which allows more): the page size served, after bringing it into range.
    per_page: params.per_page,
    size: contents.length,
    first_page: params.page === 1,
    last_page: params.page >= totalPages,
    empty: total === 0,
    contents,
  });
}
