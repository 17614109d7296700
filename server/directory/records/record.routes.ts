import type { Request, Router } from 'express';
import { z } from 'zod';
import { actorOf } from '../../accounts/permissions.js';
import { API_PREFIX, apiRoute } from '../../platform/http/api-route.js';
import { setVersion } from '../../platform/http/http-cache.js';
import { withArchivedAt } from './list.js';
import { withArchivedAtSchema } from '../../contract/directory/records/archived.js';
import { IdParams, type StoredRecord } from './record.js';
import { recordUseCases, type RecordRules } from './record.use-cases.js';
import { viewerOf, type Viewer } from './viewer.js';

/**
 * One directory resource over HTTP (organisations, services, locations, contacts, taxonomy terms):
 * its rules (record.use-cases.ts) and what differs between them on the wire.
 */
export interface RecordResource<R, Create, Update> extends RecordRules<R, Create, Update> {
  /** Collection path under /api/v1: '/services'. */
  path: string;
  tag: string;
  /** A natural key to use instead of the ObjectId in the path (taxonomy terms use their code). */
  naturalKey?: NonNullable<RecordRules<R, Create, Update>['naturalKey']> & { param: string };
  create: z.ZodType<Create>;
  update: z.ZodType<Update>;
  /** Schema of the detail response, for the API document (`archivedAt` is added). */
  detailSchema: z.ZodObject;
  /** The response body for one record, as this viewer may see it; throw 404 to hide it altogether. */
  detail(record: StoredRecord<R>, viewer: Viewer): Promise<unknown>;
}

/**
 * Registers GET one, POST (create), PATCH and the state changes (archive, restore…) of a resource:
 * each parses the request, calls its use case with the actor and sends the record's detail with its
 * ETag. Lists are the resource's own.
 */
export function registerRecordRoutes<R, Create, Update>(router: Router, resource: RecordResource<R, Create, Update>): void {
  const { path, tag } = resource;
  const records = recordUseCases(resource);
  const { label } = records;
  const detailSchema = withArchivedAtSchema(resource.detailSchema);
  const key = resource.naturalKey;
  const param = key?.param ?? 'id';
  const itemPath = `${path}/:${param}`;
  // Malformed keys are records that do not exist (404), not bad requests: the use cases tell.
  const params = key ? z.strictObject({ [key.param]: z.string().max(64) }) : IdParams;
  const keyOf = (p: unknown) => (p as Record<string, string>)[param] ?? '';

  const respond = async (req: Request, record: StoredRecord<R>) => {
    // The detail decides whether this viewer may see the record at all (a hidden place is a 404): the
    // version goes out only after it, or a 404 would confirm the record and tell when it changes.
    const body = (await resource.detail(record, viewerOf(req))) as object;
    setVersion(req.res!, record.version);
    // Only editors reach an archived record: they are told it is archived (and can restore it).
    return record.archivedAt ? withArchivedAt(body, record, 'include') : body;
  };

  const errors = { 404: `No such ${label}.` };
  const editErrors = { ...errors, 409: `The ${label} is archived; restore it first.`, 412: 'The record changed since you read it.', 428: 'If-Match is missing.' };

  apiRoute(
    router,
    { method: 'get', path: itemPath, summary: `One ${label}`, tags: [tag], params, response: detailSchema, errors },
    async ({ params: p, req }) => respond(req, await records.read(actorOf(req), keyOf(p))),
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
      const created = await records.create(actorOf(req), body);
      const keyValue = key ? String((created as Record<string, unknown>)[key.field]) : created._id.toHexString();
      res.setHeader('Location', `${API_PREFIX}${path}/${encodeURIComponent(keyValue)}`);
      return respond(req, created);
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
      errors: editErrors,
    },
    async ({ params: p, body, req }) => respond(req, await records.edit(actorOf(req), keyOf(p), body, req.get('If-Match'))),
  );

  for (const action of records.actions) {
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
        errors: action.requireIfMatch ? editErrors : { ...errors, 412: 'If-Match was sent and the record changed since.' },
      },
      async ({ params: p, body, req }) => respond(req, await records.changeState(actorOf(req), action, keyOf(p), body, req.get('If-Match'))),
    );
  }
}
