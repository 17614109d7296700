import type { Model } from 'mongoose';
import type { z } from 'zod';
import { authorize, can, type Action, type Actor, type SessionUser } from '../../accounts/permissions.js';
import { recordAudit } from '../../audit/audit.js';
import { requiredIfMatch, versionOfIfMatch } from '../../platform/http/http-cache.js';
import { badRequest, conflict, notFound } from '../../platform/http/problem.js';
import { compareAndSet } from './compare-and-set.js';
import { findRecord, insertRecord, recordFilter, storedVersion, type NaturalKey } from './record.data.js';
import { staleVersion, type StoredRecord } from './record.js';
import { rejectAction, verificationAfterChange, verificationOnCreate, verifyAction, type WaitingChange } from './verification.js';

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
 * What the stories of one directory record type (organisations, services, locations, contacts,
 * taxonomy terms…) depend on. The stories themselves — find by key, permission, If-Match with one
 * atomic compare-and-set, archive/restore, verification, audit — are told once, in recordUseCases().
 */
export interface RecordRules<R, Create, Update> {
  /** Name in the audit log: 'service'. */
  entity: string;
  /** Name in messages, when it differs from `entity`: 'taxonomy term'. */
  label?: string;
  model: Model<R>;
  /** A natural key to use instead of the ObjectId (taxonomy terms use their code). */
  naturalKey?: NaturalKey;
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
   * adds the verify and reject actions, the latter putting back the verified values of these fields.
   */
  verifiable?: { fields: readonly string[]; publicUrl: string };
  /**
   * The record by its key (id or natural key) from an in-memory copy of every record of the collection
   * (archived ones too), as stored and current for the request: null when it does not exist, undefined
   * when the copy cannot tell. Reading one answers from it instead of reading the database, which scans.
   */
  held?(key: string): Promise<object | null | undefined>;
}

/** Create, read, edit and change the state of the records of one type, for an actor. */
export function recordUseCases<R, Create, Update>(rules: RecordRules<R, Create, Update>) {
  const { entity, model, permissions } = rules;
  const label = rules.label ?? entity;

  /** Malformed keys are records that do not exist (404), not bad requests. */
  const filterFor = (key: string): Record<string, unknown> => {
    const filter = recordFilter(key, rules.naturalKey);
    if (!filter) throw notFound(label);
    return filter;
  };

  const load = async (key: string) => {
    const filter = filterFor(key);
    const record = await findRecord(model, filter);
    if (!record) throw notFound(label);
    return { filter, record };
  };

  /** A version-checked write did not match: tell "gone" from "changed meanwhile". */
  const failedWrite = async (filter: Record<string, unknown>): Promise<never> => {
    const current = await storedVersion(model, filter);
    if (current === null) throw notFound(label);
    throw staleVersion(label, current);
  };

  const written = async (actor: Actor, kind: WriteKind, before: StoredRecord<R> | null, after: StoredRecord<R>) => {
    await recordAudit(actor, {
      action: `${entity}.${kind}`,
      entity,
      entityId: after._id.toHexString(),
      organizationId: rules.ownerOf(after),
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown>,
    });
    // The model's hook has put the write in the change feed (catalog/publish-changes.ts): once.
    await rules.afterWrite?.({ kind, before, after });
    return after;
  };

  const mustBeLive = (record: StoredRecord<R>) => {
    if (record.archivedAt) throw conflict({ key: 'archivedRestoreFirst', params: { what: label } });
  };

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
    ...(rules.verifiable
      ? [verifyAction<R>(label), rejectAction<R>(entity as 'organization' | 'service', label, rules.verifiable, {
          toStored: (input, existing, user) => rules.toStored(input as Update, existing, user),
          ownerOf: rules.ownerOf,
        })]
      : []),
    ...(rules.actions ?? []),
  ];

  return {
    label,
    /** Archive, restore, verify and reject where verifiable, and the type's own state changes. */
    actions,

    /**
     * The record `key` names, as `actor` may read it: from the in-memory copy once it is current for
     * this request (the same check searches make); from the database only while the copy cannot tell
     * (a change in the feed not recorded yet). Writes read the database: their compare-and-set starts
     * from the stored version.
     */
    async read(actor: Actor, key: string): Promise<StoredRecord<R>> {
      const filter = filterFor(key);
      let record: StoredRecord<R> | null = null;
      if (rules.held) {
        const held = await rules.held(String(filter[rules.naturalKey?.field ?? '_id']));
        if (held === null) throw notFound(label);
        // As stored, but for services' compacted search words, which no detail reads.
        if (held) record = held as StoredRecord<R>;
      }
      record ??= (await load(key)).record;
      // Archived records are gone for the public; their editors still see them, to restore them.
      if (record.archivedAt && !can(actor.user, permissions.update, rules.ownerOf(record))) throw notFound(label);
      return record;
    },

    /** A new record of `actor`'s; a platform admin's verifiable record is verified as made. */
    async create(actor: Actor, input: Create): Promise<StoredRecord<R>> {
      const user = authorize(actor, permissions.create, rules.ownerOfInput(input));
      const stored = await rules.toStored(input, null, user);
      if (rules.verifiable) Object.assign(stored, verificationOnCreate(user, rules.ownerOfInput(input)));
      return written(actor, 'create', null, await insertRecord(model, stored));
    },

    /**
     * `actor` changes the record from the version they read (`ifMatch`, required): of two editors
     * holding the same version, exactly one wins. An archived record is restored before it is edited.
     */
    async edit(actor: Actor, key: string, input: Update, ifMatch: string | undefined): Promise<StoredRecord<R>> {
      const { filter, record: before } = await load(key);
      const user = authorize(actor, permissions.update, rules.ownerOf(before));
      const expected = requiredIfMatch(ifMatch);
      if (!Object.keys(input as object).length) throw badRequest({ key: 'nothingSent', params: { what: label } });
      mustBeLive(before);
      if (before.version !== expected) throw staleVersion(label, before.version);
      const set = await rules.toStored(input, before, user);
      if (rules.verifiable) {
        const waiting = { entity: entity as WaitingChange['entity'], fields: rules.verifiable.fields };
        Object.assign(set, await verificationAfterChange(before as Record<string, unknown>, input as object, set, user, rules.ownerOf(before), waiting));
      }
      const after = await compareAndSet(model, before._id, expected, set);
      if (!after) return failedWrite(filter);
      return written(actor, 'update', before, after);
    },

    /**
     * `actor` takes one of the `actions` (archive, restore, verify…): If-Match is checked when sent, or
     * required when the change carries values. A record already in the target state is left as it is.
     */
    async changeState<B>(actor: Actor, action: RecordAction<R, B>, key: string, body: B, ifMatch: string | undefined): Promise<StoredRecord<R>> {
      const { filter, record: before } = await load(key);
      const user = authorize(actor, action.permission, rules.ownerOf(before));
      const expected = action.requireIfMatch ? requiredIfMatch(ifMatch) : versionOfIfMatch(ifMatch);
      if (action.requireIfMatch) mustBeLive(before);
      if (expected !== undefined && expected !== before.version) throw staleVersion(label, before.version);
      if (action.done?.(before)) return before;
      const after = await compareAndSet(model, before._id, before.version, await action.changes(before, user, body));
      if (!after) return failedWrite(filter);
      await written(actor, action.name, before, after);
      await action.after?.(after, body);
      return after;
    },
  };
}
