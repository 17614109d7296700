import { Router } from 'express';
import { z } from 'zod';
import { removeSampleData } from '../../seed/seed.js';
import { authorizeEverywhere } from '../accounts/permissions.js';
import { recordAudit } from '../audit/audit.js';
import { apiRoute } from '../platform/http/api-route.js';
import { QueuePage, QueueQuery, verificationQueue } from './verification-queue.js';

const SampleCountsView = z.object({
  organizations: z.number().int(),
  locations: z.number().int(),
  services: z.number().int(),
  contacts: z.number().int(),
  activities: z.number().int(),
});

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
      authorizeEverywhere(req, 'organization:verify');
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
      authorizeEverywhere(req, 'sample:clear');
      const removed = await removeSampleData();
      await recordAudit(req, { action: 'sample.clear', entity: 'sample-data', after: { ...removed } });
      return removed;
    },
  );

  return router;
}
