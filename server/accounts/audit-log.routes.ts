import { Router } from 'express';
import { apiRoute } from '../platform/http/api-route.js';
import { forbidden } from '../platform/http/problem.js';
import { readAuditLog } from './audit-log.js';
import { authorize, canEverywhere, actorOf } from './permissions.js';
import { AuditPage, AuditQuery } from '../contract/accounts/audit-log.schemas.js';

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
