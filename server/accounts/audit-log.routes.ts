import { Router } from 'express';
import { z } from 'zod';
import { apiRoute } from '../platform/http/api-route.js';
import { forbidden } from '../platform/http/problem.js';
import { readAuditLog } from './audit-log.js';
import { authorize, canEverywhere, actorOf } from './permissions.js';
import { objectId } from '../contract/accounts/account.schemas.js';
import { AuditPage } from '../contract/accounts/audit-log.schemas.js';

// Record actions read "service.verify": the dot is part of the word.
const word = z.string().trim().min(1).max(64).regex(/^[a-z0-9.:_-]+$/i, 'letters, digits, ".", ":", "_" and "-" only');

const AuditQuery = z.strictObject({
  organizationId: objectId.optional(),
  entity: word.optional(),
  entityId: z.string().trim().min(1).max(64).optional(),
  action: word.optional(),
  actor: objectId.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function auditLogRoutes(): Router {
  const router = Router();
  apiRoute(
    router,
    {
      method: 'get',
      path: '/audit',
      summary: 'The audit log: every write, newest first (platform admins: all; organisation admins: their organisation)',
      tags: ['audit'],
      auth: 'session',
      query: AuditQuery,
      response: AuditPage,
    },
    async ({ req, query }) => {
      const user = authorize(actorOf(req), 'audit:read');
      if (canEverywhere(user, 'audit:read')) return readAuditLog(query);
      if (query.organizationId && query.organizationId !== user.organizationId) throw forbidden('auditLogOwnOrganisation');
      return readAuditLog({ ...query, organizationId: user.organizationId ?? undefined });
    },
  );
  return router;
}
