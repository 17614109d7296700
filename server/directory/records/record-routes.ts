import type { Request, Router } from 'express';
import type { Model } from 'mongoose';
import { z } from 'zod';
import { authorize, can, currentUser, type Action, type SessionUser, actorOf } from '../../accounts/permissions.js';
import { recordAudit } from '../../audit/audit.js';
import { compareAndSet } from './compare-and-set.js';
import { API_PREFIX, apiRoute } from '../../platform/http/api-route.js';
import { badRequest, conflict, notFound } from '../../platform/http/problem.js';
import { withArchivedAt } from './list.js';
import { withArchivedAtSchema } from '../../contract/directory/records/archived.js';
import { ifMatchVersion, requireIfMatch, setVersion } from '../../platform/http/http-cache.js';
import {
  IdParams,
  staleVersion,
  toObjectId,
  type StoredRecord,
} from './record.js';
import { verificationAfterChange, verificationOnCreate, rejectAction, verifyAction, type WaitingChange } from './verification.js';
import { viewerOf, type Viewer } from './viewer.js';

export type WriteKind = 'create' | 'update' | 'archive' | 'restore' | (string & {});

/** A POST /:id/<name> state change: archive, restore, verify, confirm, a service's capacity… */
export interface RecordAction<R, B = undefined> {
  name: string;
  summary: string;
  permission: Action;
  /** The request body, for a change that carries values (the state changes carry none). */
  body?: z.ZodType<B>;
  /** If-Match is required (428 without), as on PATCH: for changes that carry values. */
  requireIfMatch?: boolean;
  /** True when the record is already in the target state: answer without writing. */
  done?(record: StoredRecord<R>): boolean;
  changes(record: StoredRecord<R>, user: SessionUser, body: B): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** After the write and its audit entry: tell someone about it. */
  after?(record: StoredRecord<R>, body: B): Promise<void>;
}

/**
 * One directory resource (organisations, services, locations, contacts, taxonomy terms): everything
 * that differs between them. The mechanics they share — find by key, permission, ETag, If-Match with
 * one atomic compare-and-set, archive/restore, audit — live once, in registerRecordRoutes().
 */
export interface RecordResource<R, Create, Update> {
  /** Name in the audit log: 'service'. */
  entity: string;
  /** Name in messages, when it differs from `entity`: 'taxonomy term'. */
  label?: string;
  /** Collection path under /api/v1: '/services'. */
  path: string;
  tag: string;
  model: Model<R>;
  /** A natural key to use instead of the ObjectId in the path (taxonomy terms use their code). */
  naturalKey?: { field: string; param: string; schema: z.ZodType<string> };
  create: z.ZodType<Create>;
  update: z.ZodType<Update>;
  /** Schema of the detail response, for the API document (`archivedAt` is added). */
  detailSchema: z.ZodObject;
  permissions: { create: Action; update: Action; archive: Action };
  /** The organisation a new record will belong to (null: a platform-wide record). */
  ownerOfInput(input: Create): string | null;
  /** The organisation a stored record belongs to. */
  ownerOf(record: StoredRecord<R>): string | null;
  /**
   * The fields to store for valid input: checks references and computes denormalised fields.
   * `existing` is the record being updated (null on create); `user` is who writes (field-level rules).
   */
  toStored(input: Create | Update, existing: StoredRecord<R> | null, user: SessionUser): Promise<Record<string, unknown>>;
  /** Keeps dependent records in step after a successful write (e.g. services after an organisation changed). */
  afterWrite?(change: { kind: WriteKind; before: StoredRecord<R> | null; after: StoredRecord<R> }): Promise<void>;
  /** State changes besides archive, restore and verify. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action checks its own body
  actions?: RecordAction<R, any>[];
  /**
   * Verified by platform admins (records/verification.ts): content changes send it back to "pending";
   * adds POST …/verify and …/reject, which puts back the verified values of these fields.
   */
  verifiable?: { fields: readonly string[]; publicUrl: string };
  /** The response body for one record, as this viewer may see it; throw 404 to hide it altogether. */
  detail(record: StoredRecord<R>, viewer: Viewer): Promise<unknown>;
  /**
   * The record by its key (id or natural key) from an in-memory copy of every record of the collection
   * (archived ones too), as stored and current for the request: null when it does not exist, undefined
   * when the copy cannot tell. GET one answers from it instead of reading the database, which scans.
   */
  held?(key: string): Promise<object | null | undefined>;
}

/** Registers GET one, POST (create), PATCH, archive and restore for a resource. Lists are the resource's own. */
export function registerRecordRoutes<R, Create, Update>(router: Router, resource: RecordResource<R, Create, Update>): void {
  const { entity, path, tag, model, permissions } = resource;
  const detailSchema = withArchivedAtSchema(resource.detailSchema);
  const label = resource.label ?? entity;
  const key = resource.naturalKey;
  const param = key?.param ?? 'id';
  const itemPath = `${path}/:${param}`;
  // Malformed keys are records that do not exist (404), not bad requests.
  const params = key ? z.strictObject({ [key.param]: z.string().max(64) }) : IdParams;

  const filterFor = (values: Record<string, string>): Record<string, unknown> => {
    const raw = values[param] ?? '';
    if (key) {
      if (!key.schema.safeParse(raw).success) throw notFound(label);
      return { [key.field]: raw };
    }
    const oid = toObjectId(raw);
    if (!oid) throw notFound(label);
    return { _id: oid };
  };

  const load = async (values: Record<string, string>) => {
    const filter = filterFor(values);
    const record = await model.findOne(filter).lean<StoredRecord<R>>();
    if (!record) throw notFound(label);
    return { filter, record };
  };

  /**
   * The record GET one shows: from the in-memory copy once it is current for this request (the same
   * check searches make); from the database only while the copy cannot tell (a change in the feed not
   * recorded yet). Writes read the database: their compare-and-set starts from the stored version.
   */
  const read = async (values: Record<string, string>): Promise<StoredRecord<R>> => {
    const filter = filterFor(values);
    if (resource.held) {
      const held = await resource.held(String(filter[key?.field ?? '_id']));
      if (held === null) throw notFound(label);
      // As stored, but for services' compacted search words, which no detail reads.
      if (held) return held as StoredRecord<R>;
    }
    return (await load(values)).record;
  };

  /** A version-checked write did not match: tell "gone" from "changed meanwhile". */
  const failedWrite = async (filter: Record<string, unknown>): Promise<never> => {
    const current = await model.findOne(filter, { version: 1 }).lean<{ version: number }>();
    if (!current) throw notFound(label);
    throw staleVersion(label, current.version);
  };

  const audit = (req: Request, kind: WriteKind, before: StoredRecord<R> | null, after: StoredRecord<R>) =>
    recordAudit(actorOf(req), {
      action: `${entity}.${kind}`,
      entity,
      entityId: after._id.toHexString(),
      organizationId: resource.ownerOf(after),
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown>,
    });

  const respond = async (req: Request, record: StoredRecord<R>) => {
    // The detail decides whether this viewer may see the record at all (a hidden place is a 404): the
    // version goes out only after it, or a 404 would confirm the record and tell when it changes.
    const body = (await resource.detail(record, viewerOf(req))) as object;
    setVersion(req.res!, record.version);
    // Only editors reach an archived record: they are told it is archived (and can restore it).
    return record.archivedAt ? withArchivedAt(body, record, 'include') : body;
  };

  const written = async (req: Request, kind: WriteKind, before: StoredRecord<R> | null, after: StoredRecord<R>) => {
    await audit(req, kind, before, after);
    // The model's hook has put the write in the change feed (catalog/publish-changes.ts): once.
    await resource.afterWrite?.({ kind, before, after });
    return respond(req, after);
  };

  const errors = { 404: `No such ${label}.` };

  apiRoute(
    router,
    { method: 'get', path: itemPath, summary: `One ${label}`, tags: [tag], params, response: detailSchema, errors },
    async ({ params: p, req }) => {
      const record = await read(p as Record<string, string>);
      // Archived records are gone for the public; their editors still see them, to restore them.
      if (record.archivedAt && !can(currentUser(req), permissions.update, resource.ownerOf(record))) throw notFound(label);
      return respond(req, record);
    },
  );

  apiRoute(
    router,
    {
      method: 'post',
      path,
      summary: `Create a ${label}`,
      tags: [tag],
      auth: 'session',
      body: resource.create,
      response: detailSchema,
      status: 201,
      // Records named by a key of their own (taxonomy codes) can collide; the others get fresh ids.
      errors: key ? { 409: `A ${label} with this ${key.field} already exists.` } : {},
    },
    async ({ body, req, res }) => {
      const user = authorize(actorOf(req), permissions.create, resource.ownerOfInput(body));
      const stored = await resource.toStored(body, null, user);
      if (resource.verifiable) Object.assign(stored, verificationOnCreate(user, resource.ownerOfInput(body)));
      const doc = new model(stored);
      await doc.save();
      const created = doc.toObject<StoredRecord<R>>();
      const keyValue = key ? String((created as Record<string, unknown>)[key.field]) : created._id.toHexString();
      res.setHeader('Location', `${API_PREFIX}${path}/${encodeURIComponent(keyValue)}`);
      return written(req, 'create', null, created);
    },
  );

  apiRoute(
    router,
    {
      method: 'patch',
      path: itemPath,
      summary: `Change a ${label}`,
      description: 'Send If-Match with the ETag you read. A stale version gets 412 and nothing is written.',
      tags: [tag],
      auth: 'session',
      params,
      body: resource.update,
      response: detailSchema,
      errors: { ...errors, 409: `The ${label} is archived; restore it first.`, 412: 'The record changed since you read it.', 428: 'If-Match is missing.' },
    },
    async ({ params: p, body, req }) => {
      const { filter, record: before } = await load(p as Record<string, string>);
      const user = authorize(actorOf(req), permissions.update, resource.ownerOf(before));
      const expected = requireIfMatch(req);
      if (!Object.keys(body as object).length) throw badRequest({ key: 'nothingSent', params: { what: label } });
      if (before.archivedAt) throw conflict({ key: 'archivedRestoreFirst', params: { what: label } });
      if (before.version !== expected) throw staleVersion(label, before.version);
      const set = await resource.toStored(body, before, user);
      if (resource.verifiable) {
        const waiting = { entity: entity as WaitingChange['entity'], fields: resource.verifiable.fields };
        Object.assign(set, await verificationAfterChange(before as Record<string, unknown>, body as object, set, user, resource.ownerOf(before), waiting));
      }
      // Compare-and-set: of two editors holding the same version, exactly one wins.
      const after = await compareAndSet(model, before._id, expected, set);
      if (!after) return failedWrite(filter);
      return written(req, 'update', before, after);
    },
  );

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action checks its own body
  const actions: RecordAction<R, any>[] = [
    {
      name: 'archive',
      summary: `Archive a ${label} (hidden from the public, kept)`,
      permission: permissions.archive,
      done: (r) => r.archivedAt !== null,
      changes: () => ({ archivedAt: new Date() }),
    },
    {
      name: 'restore',
      summary: `Restore an archived ${label}`,
      permission: permissions.archive,
      done: (r) => r.archivedAt === null,
      changes: () => ({ archivedAt: null }),
    },
    ...(resource.verifiable
      ? [verifyAction<R>(label), rejectAction<R>(entity as 'organization' | 'service', label, resource.verifiable, {
          toStored: (input, existing, user) => resource.toStored(input as Update, existing, user),
          ownerOf: resource.ownerOf,
        })]
      : []),
    ...(resource.actions ?? []),
  ];

  for (const action of actions) {
    apiRoute(
      router,
      {
        method: 'post',
        path: `${itemPath}/${action.name}`,
        summary: action.summary,
        tags: [tag],
        auth: 'session',
        params,
        ...(action.body ? { body: action.body } : {}),
        response: detailSchema,
        errors: action.requireIfMatch
          ? { ...errors, 409: `The ${label} is archived; restore it first.`, 412: 'The record changed since you read it.', 428: 'If-Match is missing.' }
          : { ...errors, 412: 'If-Match was sent and the record changed since.' },
      },
      async ({ params: p, body, req }) => {
        const { filter, record: before } = await load(p as Record<string, string>);
        const user = authorize(actorOf(req), action.permission, resource.ownerOf(before));
        const expected = action.requireIfMatch ? requireIfMatch(req) : ifMatchVersion(req);
        if (action.requireIfMatch && before.archivedAt) throw conflict({ key: 'archivedRestoreFirst', params: { what: label } });
        if (expected !== undefined && expected !== before.version) throw staleVersion(label, before.version);
        if (action.done?.(before)) return respond(req, before);
        const after = await compareAndSet(model, before._id, before.version, await action.changes(before, user, body));
        if (!after) return failedWrite(filter);
        const response = await written(req, action.name, before, after);
        await action.after?.(after, body);
        return response;
      },
    );
  }
}
