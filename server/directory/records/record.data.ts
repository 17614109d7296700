import type { Model } from 'mongoose';
import type { z } from 'zod';
import { toObjectId, type StoredRecord } from './record.js';

/** A key of its own that names a record instead of its ObjectId (taxonomy terms use their code). */
export interface NaturalKey {
  field: string;
  schema: z.ZodType<string>;
}

/** The filter that finds the record `key` names; null when no record can have such a key. */
export function recordFilter(key: string, naturalKey: NaturalKey | undefined): Record<string, unknown> | null {
  if (naturalKey) return naturalKey.schema.safeParse(key).success ? { [naturalKey.field]: key } : null;
  const oid = toObjectId(key);
  return oid ? { _id: oid } : null;
}

/** The record as stored, archived or not; null when there is none. */
export const findRecord = <R>(model: Model<R>, filter: Record<string, unknown>): Promise<StoredRecord<R> | null> =>
  model.findOne(filter).lean<StoredRecord<R>>();

/** The stored version of the record; null when it is gone. */
export async function storedVersion<R>(model: Model<R>, filter: Record<string, unknown>): Promise<number | null> {
  const current = await model.findOne(filter, { version: 1 }).lean<{ version: number }>();
  return current?.version ?? null;
}

/** Stores a new record (through the model, so its defaults and hooks apply) and returns it as stored. */
export async function insertRecord<R>(model: Model<R>, stored: Record<string, unknown>): Promise<StoredRecord<R>> {
  const doc = new model(stored);
  await doc.save();
  return doc.toObject<StoredRecord<R>>();
}
