import type { Request, Response } from 'express';
import { Types } from 'mongoose';
import { z } from 'zod';
import { HttpProblem, notFound, preconditionFailed } from '../../platform/http/problem.js';

/** What every directory record carries once stored (see record-plugin.ts): identity, version, archive mark. */
export type StoredRecord<R> = Omit<R, '_id'> & {
  _id: Types.ObjectId;
  version: number;
  archivedAt: Date | null;
  createdAt?: Date;
  updatedAt?: Date;
};

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** An id in a request body that refers to another record. */
export const ObjectIdSchema = z.string().regex(OBJECT_ID, 'not a valid id');

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

/** ETag of a record: its version, as a strong validator. */
export function setVersionHeader(res: Response, version: number): void {
  res.setHeader('ETag', `"${version}"`);
}

const VERSION_TAG = /^(?:W\/)?"(\d{1,15})"$/;

/** The version the client last read, from If-Match; null when the header is absent. */
export function ifMatchVersion(req: Request): number | null {
  const header = req.get('If-Match');
  if (header === undefined || header.trim() === '') return null;
  const match = VERSION_TAG.exec(header.trim());
  if (!match) {
    throw new HttpProblem(412, 'If-Match must be the ETag of the record as last read, e.g. "3".');
  }
  return Number(match[1]);
}

/** Updates must say which version they change (RFC 6585 428 otherwise), so no edit is silently lost. */
export function requireIfMatch(req: Request): number {
  const version = ifMatchVersion(req);
  if (version === null) {
    throw new HttpProblem(428, 'Send If-Match with the ETag of the record you edited, so a newer edit is not overwritten.');
  }
  return version;
}

export function staleVersion(what: string, current: number): HttpProblem {
  return preconditionFailed(`The ${what} has changed since you read it; reload it and apply your change again.`, {
    currentVersion: current,
  });
}
