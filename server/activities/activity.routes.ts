import { Router } from 'express';
import { z } from 'zod';
import { IdParams } from '../directory/records/record.js';
import { ifMatchVersion, requireIfMatch, withVersion } from '../platform/http/http-cache.js';
import { apiRoute } from '../platform/http/api-route.js';
import { archiveActivity, getActivity, listActivities, recordActivity, reviseActivity } from './activity.use-cases.js';
import { ActivityPageSchema, ActivityViewSchema } from '../contract/activities/activity.schemas.js';
import { ActivityCreateSchema, ActivityPatchSchema, ActivityQuerySchema } from './activity.requests.js';
import { actorOf } from '../accounts/permissions.js';

const TAGS = ['activities'];

export function activityRoutes(): Router {
  const router = Router();

  apiRoute(
    router,
    {
      method: 'get',
      path: '/activities',
      summary: 'Activities (4W: who does what, where, when), newest first',
      description:
        'Awareness sessions, trainings and campaigns. `from`/`to` keep activities that ran at some time in that period.',
      tags: TAGS,
      query: ActivityQuerySchema,
      response: ActivityPageSchema,
    },
    ({ query }) => listActivities(query),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/activities/:id',
      summary: 'One activity; send its ETag back in If-Match to change it',
      tags: TAGS,
      params: IdParams,
      response: ActivityViewSchema,
      errors: { 404: 'No such activity.' },
    },
    async ({ params, res }) => withVersion(res, await getActivity(params.id)),
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/activities',
      summary: "Record an activity of the user's organisation",
      description: 'endDate defaults to startDate. Platform admins name the organisation in organizationId.',
      tags: TAGS,
      auth: 'session',
      body: ActivityCreateSchema,
      response: ActivityViewSchema,
      status: 201,
    },
    async ({ body, req, res }) => {
      const activity = await recordActivity(actorOf(req), body);
      res.location(`${req.baseUrl}/activities/${activity.id}`);
      return withVersion(res, activity);
    },
  );

  apiRoute(
    router,
    {
      method: 'patch',
      path: '/activities/:id',
      summary: 'Change an activity (If-Match required)',
      tags: TAGS,
      auth: 'session',
      params: IdParams,
      body: ActivityPatchSchema,
      response: ActivityViewSchema,
      errors: {
        404: 'No such activity.',
        409: 'The activity is archived.',
        412: 'The activity changed since the version in If-Match.',
        428: 'If-Match is missing.',
      },
    },
    async ({ params, body, req, res }) =>
      withVersion(res, await reviseActivity(actorOf(req), params.id, requireIfMatch(req), body)),
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/activities/:id/archive',
      summary: 'Archive an activity (If-Match optional)',
      tags: TAGS,
      auth: 'session',
      params: IdParams,
      body: z.strictObject({}),
      response: ActivityViewSchema,
      errors: { 404: 'No such activity.', 412: 'The activity changed since the version in If-Match.' },
    },
    async ({ params, req, res }) => withVersion(res, await archiveActivity(actorOf(req), params.id, ifMatchVersion(req))),
  );

  return router;
}
