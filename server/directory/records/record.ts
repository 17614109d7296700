import { Types, type Model } from 'mongoose';
import { z } from 'zod';
import { OBJECT_ID } from '../../contract/directory/records/object-id.js';
import { type HttpProblem, notFound, preconditionFailed } from '../../platform/http/problem.js';

/** What every directory record carries once stored (see record-plugin.ts): identity, version, archive mark. */
export type StoredRecord<R> = Omit<R, '_id'> & {
  _id: Types.ObjectId;
  version: number;
  archivedAt: Date | null;
  createdAt?: Date;
  updatedAt?: Date;
};

export { ObjectIdSchema } from '../../contract/directory/records/object-id.js';

/** Path parameter `:id`; malformed ids are not a 400 but a record that does not exist (404). */
export const IdParams = z.strictObject({ id: z.string().max(64) });

export function toObjectId(id: string): Types.ObjectId | undefined {
  return OBJECT_ID.test(id) ? new Types.ObjectId(id) : undefined;
}

export function requireObjectId(id: string, what: string): Types.ObjectId {
  const oid = toObjectId(id);
  if (!oid) throw notFound(what);
  return oid;
}

export const idOf = (record: { _id: Types.ObjectId }) => record._id.toHexString();

export function staleVersion(what: string, current: number): HttpProblem {
  return preconditionFailed({ key: 'staleVersion', params: { what } }, {
    currentVersion: current,
  });
}

/** Up to this many ids (a page of up to 100 records) are read one by one; more with one `$in`. */
const POINT_LOOKUPS_MAX = 100;

/**
 * Records by id, as plain objects, in no particular order. FerretDB v1 answers `_id` equality from its
 * primary key but evaluates `_id: { $in }` by scanning the whole collection (measured on 2,000
 * documents: 20 point lookups ~50 ms, one `$in` of 20 ~4 s), so a page of records is read by point
 * lookups; large sets (the map's organisations) fall back to one `$in`.
 */
export async function findByIds<R, K extends keyof StoredRecord<R> = keyof StoredRecord<R>>(
  model: Model<R>,
  ids: readonly Types.ObjectId[],
  fields?: readonly K[],
): Promise<Pick<StoredRecord<R>, '_id' | K>[]> {
  type Row = Pick<StoredRecord<R>, '_id' | K>;
  const projection = fields ? Object.fromEntries(fields.map((f) => [f, 1])) : undefined;
  const unique = [...new Map(ids.map((id) => [id.toHexString(), id])).values()];
  if (!unique.length) return [];
  if (unique.length > POINT_LOOKUPS_MAX) return model.find({ _id: { $in: unique } }, projection).lean<Row[]>();
  const rows = await Promise.all(unique.map((id) => model.findOne({ _id: id }, projection).lean<Row>()));
  return rows.filter((r): r is Awaited<Row> & Row => r !== null);
}
