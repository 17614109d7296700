import mongoose, { type Model, type Query, type Schema } from 'mongoose';
import type { ChangeFeed } from './change-feed.js';

type IdLike = { toHexString(): string } | string;
const hex = (id: IdLike) => (typeof id === 'string' ? id : id.toHexString());

/** The ids a filter names (by _id equality or $in), or undefined when it selects by anything else. */
function idsNamedBy(filter: Record<string, unknown>): string[] | undefined {
  const id = filter._id as IdLike | { $in?: IdLike[] } | undefined;
  if (!id) return undefined;
  if (typeof id === 'string' || 'toHexString' in id) return [hex(id as IdLike)];
  if (Array.isArray((id as { $in?: IdLike[] }).$in)) return (id as { $in: IdLike[] }).$in.map(hex);
  return undefined;
}

/**
 * The ids a write with this filter can touch: those it names, or else those that match it now (read
 * before the write, as a write may change what matches). Only writes that select by other fields
 * pay for the look-up; the app's own writes name their ids.
 */
async function idsSelectedBy(model: Model<unknown>, filter: Record<string, unknown>): Promise<string[]> {
  const named = idsNamedBy(filter);
  if (named) return named;
  const docs = await model.collection.find(filter, { projection: { _id: 1 } }).toArray();
  return docs.map((d) => hex(d._id as IdLike));
}

type BulkOperation = Partial<Record<'updateOne' | 'updateMany' | 'replaceOne' | 'deleteOne' | 'deleteMany', { filter: Record<string, unknown> }>>;

const SELECTED = Symbol('ids the write selects');
type PendingQuery = Query<unknown, unknown> & { [SELECTED]?: string[] };

/**
 * The one publisher: every write through the model lands in `feed` once, after it succeeded, with
 * exactly the ids it changed, whatever code made it. Writes that bypass Mongoose (the native driver)
 * must publish themselves.
 */
export function publishesChanges(schema: Schema, feed: ChangeFeed): void {
  const collection = schema.get('collection') as string | undefined;
  if (!collection) throw new Error('publishesChanges needs a schema with an explicit collection name');
  const publish = (ids: readonly string[]) => feed.publish(collection, ids);

  schema.post('save', async function (doc: { _id: IdLike }) {
    await publish([hex(doc._id)]);
  });
  schema.post('insertMany', async function (docs: { _id: IdLike }[]) {
    await publish(docs.map((d) => hex(d._id)));
  });
  schema.post(['findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace'], async function (doc: { _id: IdLike } | null) {
    if (doc) await publish([hex(doc._id)]);
  });
  schema.pre<PendingQuery>(['updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'replaceOne'], async function () {
    this[SELECTED] = await idsSelectedBy(this.model as Model<unknown>, this.getFilter());
  });
  schema.post(['updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'replaceOne'], async function (this: PendingQuery, result: unknown) {
    const upserted = (result as { upsertedId?: IdLike | null } | null)?.upsertedId;
    await publish([...(this[SELECTED] ?? []), ...(upserted ? [hex(upserted)] : [])]);
  });

  // bulkWrite's hooks do not see both the operations and the result: wrap it instead.
  schema.static('bulkWrite', async function (this: Model<unknown>, ops: BulkOperation[], options?: mongoose.mongo.BulkWriteOptions) {
    const selected = await Promise.all(
      ops.map((op) => {
        const filter = Object.values(op)[0]?.filter;
        return filter ? idsSelectedBy(this, filter) : [];
      }),
    );
    const result = await mongoose.Model.bulkWrite.call(this, ops as never, options);
    const created = [...Object.values(result.insertedIds ?? {}), ...Object.values(result.upsertedIds ?? {})] as IdLike[];
    await publish([...selected.flat(), ...created.map(hex)]);
    return result;
  });
}
