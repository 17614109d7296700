import { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Config } from '../platform/config.js';
import { apiRoute } from '../platform/http/api-route.js';
import { ifMatchVersion, requireIfMatch, withVersion } from '../platform/http/http-cache.js';
import { currentUser } from '../accounts/permissions.js';
import { findLiveOrganization } from '../directory/catalog/queries.js';
import { HttpProblem, type FieldProblem } from '../platform/http/problem.js';
import { LANGUAGES } from '../platform/text/translated.js';
import { AgreementTransitionBody, AgreementView, CreateAgreementBody } from './agreements/agreement.schemas.js';
import { getAgreement, organizationAgreements, proposeAgreement, transitionAgreement } from './agreements/agreements.js';
import { referralCipher } from './crypto.js';
import { IdempotencyKeyHeader, IdempotencyKeys } from './idempotency.js';
import { CASE_CODE_NAME_RULE, caseCodeExample, caseCodeNameMessage } from './referral-input.js';
import { NetworkQuery, NetworkView, partnerNetwork } from './network.js';
import {
  CommentBody,
  CommentView,
  CountsView,
  CreateReferralBody,
  IdParams,
  ListQuery,
  ReferralList,
  ReferralView,
  StatsQuery,
  StatsView,
  TransitionBody,
  UpdateDraftBody,
} from './referral.schemas.js';
import {
  addComment,
  createReferral,
  getReferral,
  listComments,
  listReferrals,
  referralCounts,
  transitionReferral,
  updateDraft,
  type ReferralDeps,
} from './referrals.js';
import { referralStats } from './stats.js';

const TAGS = ['referrals'];
const NOT_VISIBLE = 'No such referral, or not visible to you.';

/** Referral responses hold case data: never stored by browsers or proxies. */
const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

const isCaseCodeName = (p: FieldProblem) => p.field === 'body.caseCode' && p.message === CASE_CODE_NAME_RULE;

/**
 * A case code refused for looking like a name is explained in the reader's language (Accept-Language)
 * with the numbering suggested to their organisation, which the shared schema cannot know.
 */
const explainCaseCodeName: ErrorRequestHandler = async (err, req, _res, next) => {
  if (!(err instanceof HttpProblem) || !err.errors?.some(isCaseCodeName)) return next(err);
  const lang = req.acceptsLanguages(...LANGUAGES) || 'en';
  const organizationId = currentUser(req)?.organizationId;
  const organization = organizationId ? await findLiveOrganization(organizationId) : undefined;
  const message = caseCodeNameMessage(lang as (typeof LANGUAGES)[number], caseCodeExample(organization?.governorates ?? [], new Date().getFullYear()));
  next(
    new HttpProblem(err.status, err.message, {
      type: err.type,
      title: err.title,
      errors: err.errors.map((p) => (isCaseCodeName(p) ? { ...p, message } : p)),
      headers: { 'Content-Language': lang, Vary: 'Accept-Language' },
    }),
  );
};

export function referralRoutes(config: Pick<Config, 'referralKeys' | 'publicUrl' | 'sessionSecret'>): Router {
  const deps: ReferralDeps = {
    cipher: referralCipher(config.referralKeys),
    idempotency: new IdempotencyKeys(config.sessionSecret),
    publicUrl: config.publicUrl,
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
        'overridden for a child at risk or imminent danger; the override is shown on the record. Summary and ' +
        'notes are encrypted at rest and only shared when consent covers sharing case information. Send an ' +
        'Idempotency-Key to make retries safe: a repeated request answers with the referral it created.',
      tags: TAGS,
      auth: 'session',
      headers: z.object({ 'Idempotency-Key': IdempotencyKeyHeader }),
      body: CreateReferralBody,
      response: ReferralView,
      status: 201,
      errors: { 422: 'The Idempotency-Key was already used by you for a different request (`referralId` names its referral).' },
    },
    async ({ req, res, body, headers }) => withVersion(res, await createReferral(deps, req, body, headers['Idempotency-Key'])),
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
    ({ req, query }) => listReferrals(req, query),
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
    ({ req }) => referralCounts(req),
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
    ({ req, query }) => referralStats(req, query),
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
    async ({ req, res, params }) => withVersion(res, await getReferral(deps, req, params.id)),
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
      return withVersion(res, await updateDraft(deps, req, params.id, requireIfMatch(req), body));
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
      withVersion(res, await transitionReferral(deps, req, params.id, body, ifMatchVersion(req))),
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
      response: z.object({ items: z.array(CommentView), textErased: z.boolean() }),
      errors: { 403: 'Platform administrators do not read case text.', 404: NOT_VISIBLE },
    },
    ({ req, params }) => listComments(deps, req, params.id),
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
    ({ req, params, body }) => addComment(deps, req, params.id, body.body),
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
    ({ req, body }) => proposeAgreement(req, body),
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
    ({ req, params }) => getAgreement(req, params.id),
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
    ({ req, params, body }) => transitionAgreement(req, params.id, body.to),
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/organizations/:id/agreements',
      summary: "An organisation's referral agreements (in force and past; proposals for the parties)",
      tags: ['agreements'],
      params: IdParams,
      response: z.object({ items: z.array(AgreementView) }),
      errors: { 404: 'No such organisation.' },
    },
    ({ req, params }) => organizationAgreements(req, params.id),
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
    ({ req, query }) => partnerNetwork(req, query),
  );

  router.use(explainCaseCodeName);
  return router;
}
