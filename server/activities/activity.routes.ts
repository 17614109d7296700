import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { apiRoute } from '../platform/http/api-route.js';
import { HttpProblem, preconditionFailed } from '../platform/http/problem.js';
import { archiveActivity, getActivity, listActivities, recordActivity, reviseActivity, type ExpectedVersion } from './activities.js';
import {
  ActivityCreateSchema,
  ActivityIdParams,
  ActivityPageSchema,
  ActivityPatchSchema,
  ActivityQuerySchema,
  ActivityViewSchema,
  type ActivityView,
} from './activity.schemas.js';

const TAGS = ['activities'];

/** Sends the activity with its version as ETag, for the next If-Match. */
function withEtag(res: Response, activity: ActivityView): ActivityView {
  res.setHeader('ETag', `"${activity.version}"`);
  return activity;
}

/** The version If-Match names ("3", W/"3" or *); 428 when `required` and absent, 412 when unreadable. */
function expectedVersion(req: Request, required: boolean): ExpectedVersion {
  const header = req.get('If-Match')?.trim();
  if (!header) {
    if (required) throw new HttpProblem(428, 'Send If-Match with the ETag of the version you edited.');
    return 'any';
  }
  if (header === '*') return 'any';
  const match = /^(?:W\/)?"(\d+)"$/.exec(header);
  if (!match) throw preconditionFailed('If-Match does not name a version of this activity.');
  return Number(match[1]);
}

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
      summary: 'One activity; its ETag is the version to send in If-Match',
      tags: TAGS,
      params: ActivityIdParams,
      response: ActivityViewSchema,
      errors: { 404: 'No such activity.' },
    },
    async ({ params, res }) => withEtag(res, await getActivity(params.id)),
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
      const activity = await recordActivity(req, body);
      res.location(`${req.baseUrl}/activities/${activity.id}`);
      return withEtag(res, activity);
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
      params: ActivityIdParams,
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
      withEtag(res, await reviseActivity(req, params.id, expectedVersion(req, true), body)),
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/activities/:id/archive',
      summary: 'Archive an activity (If-Match optional)',
      tags: TAGS,
      auth: 'session',
      params: ActivityIdParams,
      body: z.strictObject({}),
      response: ActivityViewSchema,
      errors: { 404: 'No such activity.', 412: 'The activity changed since the version in If-Match.' },
    },
    async ({ params, req, res }) => withEtag(res, await archiveActivity(req, params.id, expectedVersion(req, false))),
  );

  return router;
}
