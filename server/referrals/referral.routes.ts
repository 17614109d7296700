import { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Config } from '../platform/config.js';
import { apiRoute } from '../platform/http/api-route.js';
import { ifMatchVersion, requireIfMatch, withVersion } from '../platform/http/http-cache.js';
import { currentUser, actorOf } from '../accounts/permissions.js';
import { findLiveOrganization } from '../directory/catalog/queries.js';
import { HttpProblem, type FieldProblem } from '../platform/http/problem.js';
import { AgreementList, AgreementTransitionBody, AgreementView, CreateAgreementBody } from '../contract/referrals/agreement.schemas.js';
import { getAgreement, organizationAgreements, proposeAgreement, transitionAgreement } from './agreements/agreement.use-cases.js';
import { referralCipher } from './crypto.js';
import { IdempotencyKeyHeader, IdempotencyKeys } from './idempotency.js';
import { caseCodeExample } from '../contract/referrals/referral-input.js';
import { NetworkQuery, partnerNetwork } from './network.js';
import { NetworkView } from '../contract/referrals/referral.schemas.js';
import { CommentBody, CommentList, CommentView, CountsView, IdentificationInput, IdParams, ReferralList, ReferralView, StatsQuery, StatsView, TransitionBody } from '../contract/referrals/referral.schemas.js';
import { CreateReferralBody, ListQuery, UpdateDraftBody } from './referral.requests.js';
import {
  addComment,
  createReferral,
  getReferral,
  listComments,
  listReferrals,
  recordIdentification,
  referralCounts,
  startReflection,
  transitionReferral,
  updateDraft,
  type ReferralDeps,
} from './referral.use-cases.js';
import { referralStats } from './stats.js';

const TAGS = ['referrals'];
const NOT_VISIBLE = 'No such referral, or not visible to you.';

/** Referral responses hold case data: never stored by browsers or proxies. */
const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

const isCaseCodeName = (p: FieldProblem) => typeof p.message === 'object' && p.field === 'body.caseCode' && p.message.key === 'caseCodeName';

/**
 * A case code refused for looking like a name is explained with the numbering suggested to the
 * sender's organisation, which the shared schema cannot know (in the reader's language, as every problem).
 */
const explainCaseCodeName: ErrorRequestHandler = async (err, req, _res, next) => {
  if (!(err instanceof HttpProblem) || !err.errors?.some(isCaseCodeName)) return next(err);
  const organizationId = currentUser(req)?.organizationId;
  const organization = organizationId ? await findLiveOrganization(organizationId) : undefined;
  const example = caseCodeExample(organization?.governorates ?? [], new Date().getFullYear());
  const message = { key: 'caseCodeNameExample', params: { example } } as const;
  next(
    new HttpProblem(err.status, err.detail, {
      type: err.type,
      title: err.title,
      errors: err.errors.map((p) => (isCaseCodeName(p) ? { ...p, message } : p)),
      headers: err.headers,
    }),
  );
};

export function referralRoutes(config: Pick<Config, 'referralKeys' | 'publicUrl' | 'sessionSecret' | 'REFLECTION_PERIOD_DAYS'>): Router {
  const deps: ReferralDeps = {
    cipher: referralCipher(config.referralKeys),
    idempotency: new IdempotencyKeys(config.sessionSecret),
    publicUrl: config.publicUrl,
    reflectionDays: config.REFLECTION_PERIOD_DAYS,
  };
  const router = Router();
  router.use('/referrals', noStore);

  apiRoute(
    router,
    {
      method: 'post',
      path: '/referrals',
      summary: 'Write a referral to another organisation: kept as a draft, or sent at once with `send: true`',
      description:
        'The person is a case code and a few codes and bands, never a name. Consent is required unless it is ' +
        'overridden for a child at risk or imminent danger; the override is shown on the record. Summary, ' +
        'safety risks and notes are encrypted at rest and only shared when consent covers sharing case information. ' +
        '`consent.sharedParts` lists what the receiving organisation may see (all by default); each part left out is ' +
        'absent from its views, and `consent.withheldReason` says why. A child’s best-interests note is always shared ' +
        'with the receiver, because safeguarding needs it to accept the referral. Send an ' +
        'Idempotency-Key to make retries safe: a repeated request answers with the referral it created.',
      tags: TAGS,
      auth: 'session',
      headers: z.object({ 'Idempotency-Key': IdempotencyKeyHeader }),
      body: CreateReferralBody,
      response: ReferralView,
      status: 201,
      errors: { 422: 'The Idempotency-Key was already used by you for a different request (`referralId` names its referral).' },
    },
    async ({ req, res, body, headers }) => withVersion(res, await createReferral(deps, actorOf(req), body, headers['Idempotency-Key'])),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/referrals',
      summary: "My organisation's inbox or outbox (platform administrators: all sent referrals), with overdue flags",
      tags: TAGS,
      auth: 'session',
      query: ListQuery,
      response: ReferralList,
    },
    ({ req, query }) => listReferrals(actorOf(req), query),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/referrals/counts',
      summary: 'Counts for the header: waiting, overdue and in progress, in the inbox and the outbox',
      tags: TAGS,
      auth: 'session',
      query: z.strictObject({}),
      response: CountsView,
    },
    ({ req }) => referralCounts(actorOf(req)),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/referrals/stats',
      summary: 'Referral statistics (aggregates only): by status, urgency, governorate and need; response times; acceptance',
      description:
        'Platform administrators and government liaisons see all organisations (or one with organizationId); ' +
        'everybody else sees the referrals their own organisation sent or received. Periods are by sending date.',
      tags: TAGS,
      auth: 'session',
      query: StatsQuery,
      response: StatsView,
    },
    ({ req, query }) => referralStats(actorOf(req), query),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/referrals/:id',
      summary: 'One referral: with its text for the two organisations, without it for platform administrators',
      tags: TAGS,
      auth: 'session',
      params: IdParams,
      response: ReferralView,
      errors: { 404: NOT_VISIBLE },
    },
    async ({ req, res, params }) => withVersion(res, await getReferral(deps, actorOf(req), params.id)),
  );

  apiRoute(
    router,
    {
      method: 'patch',
      path: '/referrals/:id',
      summary: 'Edit a draft (If-Match with the ETag as read)',
      tags: TAGS,
      auth: 'session',
      params: IdParams,
      body: UpdateDraftBody,
      response: ReferralView,
      errors: {
        404: NOT_VISIBLE,
        409: 'Not a draft any more, or changed meanwhile.',
        412: 'The version in If-Match is not the current one.',
        428: 'If-Match is required.',
      },
    },
    async ({ req, res, params, body }) => {
      return withVersion(res, await updateDraft(deps, actorOf(req), params.id, requireIfMatch(req), body));
    },
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/referrals/:id/transitions',
      summary: 'Move a referral along its pathway: send, acknowledge, accept, decline, complete, not-complete, withdraw',
      description:
        'Each move belongs to one side (the sender sends and withdraws; the receiver does the rest). Declining, ' +
        'completing, not completing and withdrawing need a reason code; "other" also needs a note. The note is ' +
        'added, encrypted, to the comments. If-Match is optional.',
      tags: TAGS,
      auth: 'session',
      params: IdParams,
      body: TransitionBody,
      response: ReferralView,
      errors: {
        403: 'The move belongs to the other side.',
        404: NOT_VISIBLE,
        409: 'The move is not possible from the current state, or someone else moved the referral first.',
        412: 'The version in If-Match is not the current one.',
      },
    },
    async ({ req, res, params, body }) =>
      withVersion(res, await transitionReferral(deps, actorOf(req), params.id, body, ifMatchVersion(req))),
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/referrals/:id/identification',
      summary: "Record the person's identification status: screened, formally identified or not identified",
      description:
        'Apart from the referral\'s state. The sending organisation records a screening as a presumed victim; either ' +
        'side records the decision of the identifying authority (in federal Iraq, an investigative judge) by role or ' +
        'body and day, never a name or a document. Audited. If-Match is optional.',
      tags: TAGS,
      auth: 'session',
      params: IdParams,
      body: IdentificationInput,
      response: ReferralView,
      errors: {
        403: 'Screening is recorded by the sending organisation only; platform administrators record nothing.',
        404: NOT_VISIBLE,
        409: 'Someone else changed the referral first.',
        412: 'The version in If-Match is not the current one.',
      },
    },
    async ({ req, res, params, body }) =>
      withVersion(res, await recordIdentification(deps, actorOf(req), params.id, body, ifMatchVersion(req))),
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/referrals/:id/reflection',
      summary: 'Start the recovery and reflection period of an accepted referral (the receiving organisation)',
      description:
        'Once per referral; it ends `REFLECTION_PERIOD_DAYS` days later (30 by default, the Council of Europe ' +
        'convention’s minimum), when the referral members of both organisations are mailed a reminder with the ' +
        'case code and a link only. Audited. If-Match is optional.',
      tags: TAGS,
      auth: 'session',
      params: IdParams,
      body: z.strictObject({}),
      response: ReferralView,
      errors: {
        403: 'Only members of the receiving organisation with `referral:receive` start it.',
        404: NOT_VISIBLE,
        409: 'The referral is not accepted, its reflection period has already started, or someone else changed it first.',
        412: 'The version in If-Match is not the current one.',
      },
    },
    async ({ req, res, params }) => withVersion(res, await startReflection(deps, actorOf(req), params.id, ifMatchVersion(req))),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/referrals/:id/comments',
      summary: 'The conversation between the two organisations about a referral (decrypted for their members)',
      tags: TAGS,
      auth: 'session',
      params: IdParams,
      response: CommentList,
      errors: { 403: 'Platform administrators do not read case text.', 404: NOT_VISIBLE },
    },
    ({ req, params }) => listComments(deps, actorOf(req), params.id),
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/referrals/:id/comments',
      summary: 'Add a comment to a referral (encrypted at rest)',
      tags: TAGS,
      auth: 'session',
      params: IdParams,
      body: CommentBody,
      response: CommentView,
      status: 201,
      errors: { 403: 'Platform administrators do not write case text.', 404: NOT_VISIBLE, 409: 'The text has been erased.' },
    },
    ({ req, params, body }) => addComment(deps, actorOf(req), params.id, body.body),
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/agreements',
      summary: 'Propose a referral agreement (memorandum of understanding) to another organisation',
      tags: ['agreements'],
      auth: 'session',
      body: CreateAgreementBody,
      response: AgreementView,
      status: 201,
    },
    ({ req, body }) => proposeAgreement(actorOf(req), body),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/agreements/:id',
      summary: 'One agreement (proposals only for the two parties and platform administrators)',
      tags: ['agreements'],
      params: IdParams,
      response: AgreementView,
      errors: { 404: 'No such agreement, or not visible to you.' },
    },
    ({ req, params }) => getAgreement(actorOf(req), params.id),
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/agreements/:id/transitions',
      summary: "Accept or decline a proposal (the partner's administrator), withdraw it (the proposer's), or end an agreement (either)",
      tags: ['agreements'],
      auth: 'session',
      params: IdParams,
      body: AgreementTransitionBody,
      response: AgreementView,
      errors: {
        403: 'The move belongs to the other party.',
        404: 'No such agreement, or not visible to you.',
        409: 'Not possible from the current state, or changed meanwhile.',
      },
    },
    ({ req, params, body }) => transitionAgreement(actorOf(req), params.id, body.to),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/organizations/:id/agreements',
      summary: "An organisation's referral agreements (in force and past; proposals for the parties)",
      tags: ['agreements'],
      params: IdParams,
      response: AgreementList,
      errors: { 404: 'No such organisation.' },
    },
    ({ req, params }) => organizationAgreements(actorOf(req), params.id),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/network',
      summary: 'The partner network: organisations, and between them agreements and referral counts in a period',
      tags: ['agreements'],
      auth: 'session',
      query: NetworkQuery,
      response: NetworkView,
    },
    ({ req, query }) => partnerNetwork(actorOf(req), query),
  );

  router.use(explainCaseCodeName);
  return router;
}
