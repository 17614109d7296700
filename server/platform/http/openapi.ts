import { Router } from 'express';
import { z } from 'zod';
import { ProblemView } from '../../contract/problem.schemas.js';
import { API_PREFIX, registeredRoutes, type RouteSpec } from './api-route.js';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

function parametersOf(schema: z.ZodType | undefined, where: 'query' | 'path' | 'header') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
    ...(where === 'query' ? { style: 'form', explode: true } : {}),
  }));
}

const SESSION_ERRORS: Record<number, string> = { 401: 'Not signed in.', 403: 'Not allowed, or CSRF token missing.' };

function operation(spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>) {
  const status = String(spec.status ?? 200);
  const media = spec.produces ?? 'application/json';
  const isJson = media === 'application/json' || media.endsWith('+json');
  const body = spec.response ? toSchema(spec.response, 'output') : isJson ? {} : { type: 'string' };
  const noContent = status === '204' || (status === '202' && !spec.response);
  const responses: Record<string, unknown> = {
    [status]: noContent
      ? { description: status === '204' ? 'Done; no content.' : 'Accepted; no content.' }
      : { description: 'Success.', content: { [media]: { schema: body } } },
  };
  const errors: Record<number, string> = {
    400: 'Invalid input; `errors` lists the fields.',
    ...(spec.auth === 'session' ? SESSION_ERRORS : {}),
    429: 'Too many requests.',
    503: 'The database is not reachable.',
    ...spec.errors,
  };
  for (const [code, description] of Object.entries(errors)) {
    responses[code] = { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  }
  // Every path answers a method it does not take with 405 and `Allow` (RFC 9110), not 404.
  responses['405'] = { $ref: '#/components/responses/MethodNotAllowed' };
  return {
    operationId: `${spec.method}${spec.path.replace(/[/:{}.-]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    parameters: [...parametersOf(spec.params, 'path'), ...parametersOf(spec.query, 'query'), ...parametersOf(spec.headers, 'header')],
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(spec.body, 'input') } } } }
      : {}),
    responses,
    ...(spec.auth === 'session' ? { security: [{ session: [] }] } : {}),
  };
}

/** The OpenAPI 3.1 document of everything registered with apiRoute(). */
export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of registeredRoutes) {
    const path = API_PREFIX + spec.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[spec.method] = operation(spec);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Iraq counter-trafficking referral directory API',
      version: '1.0.0',
      description:
        'Organisations, services and contacts per governorate, referrals between them, and coverage. ' +
        'Errors are RFC 9457 problem details. Signed-in calls use the session cookie; state-changing ones ' +
        'also send the token from GET /api/v1/auth/csrf in X-CSRF-Token.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Problem: toSchema(ProblemView, 'output') },
      responses: {
        MethodNotAllowed: {
          description: 'The path does not take this method; `Allow` lists those it takes (OPTIONS answers 204 with the same `Allow`).',
          headers: { Allow: { description: 'The methods the path takes, e.g. `GET, HEAD, OPTIONS`.', schema: { type: 'string' } } },
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ctd.sid' } },
    },
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** GET /api/v1/openapi.json and a plain, readable reference page at /api/docs. */
export function openApiRoutes(publicUrl: string): { api: Router; docs: Router } {
  const api = Router();
  api.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApiDocument(publicUrl));
  });
  const docs = Router();
  docs.get('/api/docs', (_req, res) => {
    const doc = buildOpenApiDocument(publicUrl);
    const rows = Object.entries(doc.paths)
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => {
          const o = op as { summary: string; tags: string[]; parameters: { name: string; in: string }[]; security?: unknown };
          const params = o.parameters.map((p) => `<code>${escapeHtml(p.name)}</code>`).join(' ');
          return `<tr><td>${escapeHtml(o.tags.join(', '))}</td><td><code>${method.toUpperCase()} ${escapeHtml(path)}</code></td><td>${escapeHtml(o.summary)}${o.security ? ' <em>(signed in)</em>' : ''}</td><td>${params}</td></tr>`;
        }),
      )
      .join('\n');
    res.type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>API reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;max-width:75rem}table{border-collapse:collapse;width:100%}td,th{border-block-end:1px solid #ccc;padding:.4rem;text-align:start;vertical-align:top}code{font-size:.9em}</style></head>
<body><h1>${escapeHtml(doc.info.title)}</h1><p>${escapeHtml(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Open Referral HSDS 3.0: <a href="/hsds/">/hsds/</a>.</p>
<table><thead><tr><th>Area</th><th>Operation</th><th>Summary</th><th>Parameters</th></tr></thead><tbody>${rows}</tbody></table></body></html>`);
  });
  return { api, docs };
}
