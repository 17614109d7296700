import { Router } from 'express';
import { removeSampleData } from '../../seed/seed.js';
import { authorizeEverywhere, actorOf } from '../accounts/permissions.js';
import { recordAudit } from '../audit/audit.js';
import { apiRoute } from '../platform/http/api-route.js';
import { verificationQueue } from './verification-queue.js';
import { QueuePage, QueueQuery } from '../contract/admin/verification-queue.schemas.js';
import { SampleCountsView } from '../contract/admin/sample-data.schemas.js';

/** Platform administration: the verification queue and removing the sample directory. */
export function adminRoutes(): Router {
  const router = Router();
  const tags = ['admin'];

  apiRoute(
    router,
    {
      method: 'get',
      path: '/admin/verification-queue',
      summary: 'Organisations and services waiting for verification, most recently changed first (platform admins)',
      description: 'Verify one with POST /organizations/{id}/verify or POST /services/{id}/verify.',
      tags,
      auth: 'session',
      query: QueueQuery,
      response: QueuePage,
    },
    ({ req, query }) => {
      authorizeEverywhere(actorOf(req), 'organization:verify');
      return verificationQueue(query);
    },
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/admin/sample-data/clear',
      summary: 'Delete the fictional sample directory (and anything added to sample organisations); answers the counts removed',
      tags,
      auth: 'session',
      response: SampleCountsView,
    },
    async ({ req }) => {
      authorizeEverywhere(actorOf(req), 'sample:clear');
      const removed = await removeSampleData();
      await recordAudit(actorOf(req), { action: 'sample.clear', entity: 'sample-data', after: { ...removed } });
      return removed;
    },
  );

  return router;
}
