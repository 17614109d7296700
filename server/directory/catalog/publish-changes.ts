import type { Query, Schema } from 'mongoose';
import { publishChange } from './change-feed.js';

type IdLike = { toHexString(): string } | string;
const hex = (id: IdLike) => (typeof id === 'string' ? id : id.toHexString());

/** The ids a filter names (by _id equality or $in), or 'all' when it selects by anything else. */
function idsOf(filter: Record<string, unknown>): string[] | 'all' {
  const id = filter._id as IdLike | { $in?: IdLike[] } | undefined;
  if (!id) return 'all';
  if (typeof id === 'string' || 'toHexString' in id) return [hex(id as IdLike)];
  if (Array.isArray((id as { $in?: IdLike[] }).$in)) return (id as { $in: IdLike[] }).$in.map(hex);
  return 'all';
}

/**
 * Every write through the model lands in the change feed, whatever code made it, so catalogs never
 * miss one. Writes that bypass Mongoose (the native driver) must call publishChange() themselves.
 */
export function publishesChanges(schema: Schema): void {
  const collection = schema.get('collection') as string | undefined;
  if (!collection) throw new Error('publishesChanges needs a schema with an explicit collection name');

  schema.post('save', async function (doc: { _id: IdLike }) {
    await publishChange(collection, [hex(doc._id)]);
  });
  schema.post('insertMany', async function (docs: { _id: IdLike }[]) {
    if (docs.length) await publishChange(collection, docs.map((d) => hex(d._id)));
  });
  schema.post(['findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace'], async function (doc: { _id: IdLike } | null) {
    if (doc) await publishChange(collection, [hex(doc._id)]);
  });
  schema.post(['updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'replaceOne'], async function (this: Query<unknown, unknown>) {
    await publishChange(collection, idsOf(this.getFilter()));
  });
  schema.post('bulkWrite', async function () {
    await publishChange(collection, 'all');
  });
}
