import type { Schema } from 'mongoose';
import { directoryFeed, type ChangeFeed } from './catalog/change-feed.js';
import { publishesChanges } from './catalog/publish-changes.js';

/**
 * Fields every directory record carries: the sample-data mark, soft-delete (archive), an explicit
 * version for optimistic concurrency (ETag / If-Match), timestamps, and a place in the change feed
 * that keeps every instance's in-memory read model current (the directory's, unless told another).
 */
export function directoryRecord(schema: Schema, options: { changes?: ChangeFeed } = {}): void {
  schema.add({
    sample: { type: Boolean, default: false, index: true },
    archivedAt: { type: Date, default: null },
    version: { type: Number, default: 1 },
  });
  schema.set('timestamps', true);
  schema.set('versionKey', false);
  schema.index({ updatedAt: 1 });
  publishesChanges(schema, options.changes ?? directoryFeed);
}
