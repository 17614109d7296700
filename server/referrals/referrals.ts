import type { Request } from 'express';
import { Types } from 'mongoose';
import { authorize, requireUser, type SessionUser } from '../accounts/permissions.js';
import { recordAudit } from '../audit/audit.js';
import { compareAndSet } from '../directory/records/compare-and-set.js';
import { HttpProblem, badRequest, conflict, forbidden, preconditionFailed } from '../platform/http/problem.js';
import { loadVisibleReferral, type Standing } from './access.js';
import type { TextCipher } from './crypto.js';
import type { IdempotencyKeys } from './idempotency.js';
import { notifyReceivingOrganisation } from './notifications.js';
import { ReferralCommentModel, ReferralModel, type ReferralDoc } from './referral.model.js';
import {
  caseRuleProblems,
  type ListQuery,
  type ReferralFields,
  type TransitionBody,
  type UpdateDraftBody,
} from './referral.schemas.js';
import { REFERRAL_TRANSITIONS, milestoneFields, type ReferralTransition } from './referral-workflow.js';
import { boxEntries, entryOverdue, newestFirst, type ReferralEntry } from './referral-index.js';
import { findByIds } from '../directory/records/record.js';
import { findTransition, historyLine, moveAtomically } from './state-machine.js';
import { REASONS_NEEDING_NOTE, type ReferralStatus } from './vocabulary.js';
import { organizationNames, textContext, toCommentView, toDetailView, toSummaryView } from './views.js';
import { findLiveOrganization, findLiveService } from '../directory/catalog/queries.js';

export interface ReferralDeps {
  cipher: TextCipher;
  idempotency: IdempotencyKeys;
  /** Base URL of the web app, for the link in notifications. */
  publicUrl: string;
}

/** What the audit log keeps of a referral: structure, never the case text. */
const auditSnapshot = (r: ReferralDoc) => ({
  status: r.status,
  toOrganizationId: r.toOrganizationId.toString(),
  toServiceId: r.toServiceId?.toString() ?? null,
  caseCode: r.caseCode,
  urgency: r.urgency,
  needs: r.needs,
  governorate: r.governorate,
  consentOverride: r.consentOverride?.reason ?? null,
});

async function detail(deps: ReferralDeps, referral: ReferralDoc, standing: Standing) {
  const names = await organizationNames([referral.fromOrganizationId, referral.toOrganizationId]);
  return toDetailView(referral, standing, names, deps.cipher, new Date());
}

/** The receiving side must exist, be somebody else, and (when named) offer the service actively. */
async function checkReceiver(fromOrganizationId: string, fields: ReferralFields): Promise<void> {
  if (fields.toOrganizationId === fromOrganizationId) {
    throw badRequest('A referral goes to another organisation.', [
      { field: 'body.toOrganizationId', message: 'is your own organisation' },
    ]);
  }
  if (!(await findLiveOrganization(fields.toOrganizationId))) {
    throw badRequest('The receiving organisation is not in the directory.', [
      { field: 'body.toOrganizationId', message: 'no such organisation' },
    ]);
  }
  if (fields.toServiceId) {
    const service = await findLiveService(fields.toServiceId);
    if (!service || service.status !== 'active' || String(service.organizationId) !== fields.toOrganizationId) {
      throw badRequest('The service is not an active service of the receiving organisation.', [
        { field: 'body.toServiceId', message: 'not an active service of the receiving organisation' },
      ]);
    }
  }
}

/** The stored fields of a referral record written by `user` (text sealed to the record's id). */
function recordFields(
  deps: ReferralDeps,
  id: Types.ObjectId,
  fields: ReferralFields,
  user: SessionUser,
  previous: ReferralDoc['consentOverride'] = null,
) {
  const { consent, summary, notes, toOrganizationId, toServiceId, ...caseFields } = fields;
  const overrideReason = consent.given ? null : consent.overrideReason;
  return {
    ...caseFields,
    toOrganizationId: new Types.ObjectId(toOrganizationId),
    toServiceId: toServiceId ? new Types.ObjectId(toServiceId) : null,
    consent: consent.given ? { by: consent.by, at: consent.at, scope: consent.scope } : null,
    // An unchanged override keeps who made it and when.
    consentOverride:
      overrideReason === null
        ? null
        : previous?.reason === overrideReason
          ? previous
          : { reason: overrideReason, byUserId: user.id, at: new Date() },
    summary: deps.cipher.seal(summary, textContext.summary(id)),
    notes: deps.cipher.seal(notes, textContext.notes(id)),
  };
}

/** The stored record back in the shape the sender writes it, for merging an edit. */
function fieldsOf(deps: ReferralDeps, r: ReferralDoc): ReferralFields {
  return {
    toOrganizationId: r.toOrganizationId.toString(),
    toServiceId: r.toServiceId?.toString() ?? null,
    caseCode: r.caseCode,
    ageBand: r.ageBand,
    sex: r.sex,
    nationality: r.nationality,
    preferredLanguage: r.preferredLanguage as ReferralFields['preferredLanguage'],
    governorate: r.governorate,
    needs: r.needs,
    urgency: r.urgency,
    isChild: r.isChild,
    consent: r.consent
      ? { given: true, by: r.consent.by, at: r.consent.at, scope: r.consent.scope }
      : { given: false, overrideReason: r.consentOverride!.reason },
    summary: deps.cipher.open(r.summary, textContext.summary(r._id)),
    notes: deps.cipher.open(r.notes, textContext.notes(r._id)),
  };
}

const SEND = findTransition(REFERRAL_TRANSITIONS, 'draft', 'sent')!;

const isDuplicateKey = (err: unknown) => (err as { code?: unknown }).code === 11000;

/** A retry of a creation answers with what it created; the same key for another request is refused. */
async function replayCreation(deps: ReferralDeps, user: SessionUser, earlier: ReferralDoc, fingerprint: string) {
  if (earlier.idempotency?.fingerprint !== fingerprint) {
    throw new HttpProblem(422, 'This Idempotency-Key was already used for a different referral; use a new key for a new referral.', {
      type: '/problems/idempotency-key-reused',
      title: 'Idempotency-Key reused',
      extensions: { referralId: earlier._id.toString() },
    });
  }
  const { referral, standing } = await loadVisibleReferral(user, earlier._id.toString());
  return detail(deps, referral, standing);
}

/**
 * A caseworker writes a referral for their organisation: kept as a draft, or sent at once. Either
 * way it is one insert (a referral sent at once is stored already sent, with both history lines),
 * so a crash leaves the referral complete or absent, never a draft the sender was not shown. With an
 * Idempotency-Key the insert names the record the key stands for: a retry finds it instead of
 * making a second one, also when both attempts run at once.
 */
export async function createReferral(
  deps: ReferralDeps,
  req: Request,
  body: ReferralFields & { send: boolean },
  idempotencyKey?: string,
) {
  const user = authorize(req, 'referral:send');
  const from = user.organizationId!;
  const { send, ...fields } = body;
  const claim = idempotencyKey === undefined
    ? null
    : { _id: deps.idempotency.recordId(user.id, idempotencyKey), key: idempotencyKey, fingerprint: deps.idempotency.fingerprint(body) };
  const earlier = claim && (await ReferralModel.findById(claim._id).lean<ReferralDoc>());
  if (claim && earlier) return replayCreation(deps, user, earlier, claim.fingerprint);
  await checkReceiver(from, fields);

  const _id = claim?._id ?? new Types.ObjectId();
  const at = new Date();
  let created: ReferralDoc;
  try {
    const doc = await ReferralModel.create({
      _id,
      fromOrganizationId: new Types.ObjectId(from),
      fromUserId: new Types.ObjectId(user.id),
      ...recordFields(deps, _id, fields, user),
      status: send ? SEND.to : 'draft',
      history: [historyLine(user, null, 'draft', null, at), ...(send ? [historyLine(user, 'draft', SEND.to, null, at)] : [])],
      ...(send ? milestoneFields(SEND, fields, at, null) : {}),
      idempotency: claim && { key: claim.key, fingerprint: claim.fingerprint },
    });
    created = doc.toObject<ReferralDoc>();
  } catch (err) {
    // The other of two simultaneous attempts with the same key inserted first.
    if (claim && isDuplicateKey(err)) {
      const winner = await ReferralModel.findById(claim._id).lean<ReferralDoc>();
      if (winner) return replayCreation(deps, user, winner, claim.fingerprint);
    }
    throw err;
  }
  const audited = { entity: 'referral', entityId: _id.toString(), organizationId: from };
  await recordAudit(req, { action: 'referral.create', ...audited, after: auditSnapshot(created) });
  if (send) {
    await recordAudit(req, { action: `referral.${SEND.to}`, ...audited, before: { status: 'draft' }, after: { status: SEND.to, reason: null } });
    if (SEND.notifiesReceiver) await notifyReceivingOrganisation(created, deps.publicUrl);
  }
  return detail(deps, created, { sides: ['sender'], member: true });
}

/** The sender edits a draft they have seen at `expectedVersion`; the result must still be a valid referral. */
export async function updateDraft(deps: ReferralDeps, req: Request, id: string, expectedVersion: number, patch: UpdateDraftBody) {
  const user = requireUser(req);
  const { referral, standing } = await loadVisibleReferral(user, id);
  if (!standing.sides.includes('sender')) throw forbidden('Only the sending organisation edits its drafts.');
  if (referral.status !== 'draft') throw conflict('Only drafts can be edited; this referral has been sent.');
  if (referral.version !== expectedVersion) {
    throw preconditionFailed('The draft has changed since you loaded it; reload it.', { version: referral.version });
  }

  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const fields: ReferralFields = { ...fieldsOf(deps, referral), ...defined };
  const problems = caseRuleProblems(fields);
  if (problems.length) {
    throw badRequest('The referral is not valid.', problems.map((p) => ({ field: ['body', ...p.path].join('.'), message: p.message })));
  }
  await checkReceiver(referral.fromOrganizationId.toString(), fields);

  // The version pins the state: a record still at the version read is still a draft.
  const updated = (await compareAndSet(
    ReferralModel,
    referral._id,
    expectedVersion,
    recordFields(deps, referral._id, fields, user, referral.consentOverride),
  )) as ReferralDoc | null;
  if (!updated) throw conflict('The draft changed meanwhile; reload it.');
  await recordAudit(req, {
    action: 'referral.update',
    entity: 'referral',
    entityId: id,
    organizationId: referral.fromOrganizationId.toString(),
    before: auditSnapshot(referral),
    after: auditSnapshot(updated),
  });
  return detail(deps, updated, standing);
}

/** The reason a move needs (a code from its list; "other" needs a note), or none when it takes none. */
function reasonFor(move: ReferralTransition, body: TransitionBody): string | null {
  if (!move.reasons) {
    if (body.reason) throw badRequest(`Becoming ${move.to} takes no reason.`, [{ field: 'body.reason', message: 'not expected' }]);
    return null;
  }
  if (!body.reason || !move.reasons.includes(body.reason)) {
    throw badRequest(`Becoming ${move.to} needs a reason.`, [
      { field: 'body.reason', message: `must be one of: ${move.reasons.join(', ')}` },
    ]);
  }
  if (REASONS_NEEDING_NOTE.includes(body.reason) && !body.note) {
    throw badRequest(`The reason "${body.reason}" needs a note.`, [{ field: 'body.note', message: 'required with this reason' }]);
  }
  return body.reason;
}

/**
 * One step of the pathway. The move must be in the table and belong to the user's side; it is then
 * applied as one conditional update on the state and version just read, so of two people acting at
 * once exactly one succeeds, and the other gets 409 with nothing changed.
 */
export async function transitionReferral(
  deps: ReferralDeps,
  req: Request,
  id: string,
  body: TransitionBody,
  expectedVersion?: number,
) {
  const user = requireUser(req);
  const { referral, standing } = await loadVisibleReferral(user, id);
  if (expectedVersion !== undefined && expectedVersion !== referral.version) {
    throw preconditionFailed('The referral has changed since you loaded it; reload it.', { version: referral.version });
  }
  const move = findTransition(REFERRAL_TRANSITIONS, referral.status, body.to);
  if (!move) {
    throw conflict(`A referral that is ${referral.status} cannot become ${body.to}.`, { referralStatus: referral.status });
  }
  if (!move.by.some((side) => standing.sides.includes(side))) {
    throw forbidden(`Only the ${move.by.join(' or ')} organisation can make this referral ${body.to}.`);
  }
  const reason = reasonFor(move, body);

  const at = new Date();
  const moved = await moveAtomically(
    ReferralModel,
    referral,
    historyLine(user, referral.status, body.to, reason, at),
    milestoneFields(move, referral, at, reason),
  );
  if (!moved) {
    throw conflict('Someone else changed this referral first; reload it to see its current state.');
  }
  if (body.note) await saveComment(deps, user, moved, body.note, body.to);
  await recordAudit(req, {
    action: `referral.${body.to}`,
    entity: 'referral',
    entityId: id,
    organizationId: user.organizationId,
    before: { status: referral.status },
    after: { status: moved.status, reason },
  });
  if (move.notifiesReceiver) await notifyReceivingOrganisation(moved, deps.publicUrl);
  return detail(deps, moved, standing);
}

export async function getReferral(deps: ReferralDeps, req: Request, id: string) {
  const { referral, standing } = await loadVisibleReferral(requireUser(req), id);
  return detail(deps, referral, standing);
}

/** The fields lists show (`toSummaryView`): never the case text or history. */
const SUMMARY_FIELDS = [
  'status', 'version', 'fromOrganizationId', 'toOrganizationId', 'toServiceId', 'caseCode', 'ageBand', 'sex', 'nationality',
  'preferredLanguage', 'governorate', 'needs', 'urgency', 'isChild', 'sentAt', 'acknowledgeBy', 'acknowledgedAt', 'acceptedAt',
  'closedAt', 'closeReason', 'createdAt', 'updatedAt',
] as const;

/**
 * Inbox (sent to my organisation), outbox (written by it, drafts included), or all (platform admins).
 * Chosen, filtered and ordered from the referral index; the page shown is read by _id.
 */
export async function listReferrals(req: Request, query: ListQuery) {
  const user = requireUser(req);
  if (query.box === 'inbox') authorize(req, 'referral:receive');
  else if (query.box === 'outbox') authorize(req, 'referral:send');
  else if (user.role !== 'platform-admin') throw forbidden('Only platform administrators list all referrals.');
  const now = new Date();
  const at = now.getTime();
  const matching = (await boxEntries(query.box, user.organizationId))
    .filter(
      (r) =>
        (!query.status?.length || query.status.includes(r.status)) &&
        (!query.urgency?.length || query.urgency.includes(r.urgency)) &&
        (!query.governorate || r.governorate === query.governorate) &&
        // Not overdue: as the database compared, a sent referral without a deadline is neither.
        (query.overdue === undefined ||
          (query.overdue ? entryOverdue(r, at) : r.status !== 'sent' || (r.acknowledgeBy !== null && r.acknowledgeBy >= at))),
    )
    .sort(newestFirst);
  const page = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((r) => r._id);
  const read = new Map(
    (await findByIds(ReferralModel, page, SUMMARY_FIELDS)).map((r) => [r._id.toHexString(), r as unknown as ReferralDoc]),
  );
  const items = page.map((id) => read.get(id.toHexString())).filter((r): r is ReferralDoc => r !== undefined);
  const names = await organizationNames(items.flatMap((r) => [r.fromOrganizationId, r.toOrganizationId]));
  return { items: items.map((r) => toSummaryView(r, names, now)), total: matching.length, page: query.page, pageSize: query.pageSize };
}

const OPEN: ReadonlySet<ReferralStatus> = new Set(['acknowledged', 'accepted']);

function boxCounts(box: ReferralEntry[], now: number) {
  return {
    awaitingAcknowledgement: box.filter((r) => r.status === 'sent').length,
    overdue: box.filter((r) => entryOverdue(r, now)).length,
    inProgress: box.filter((r) => OPEN.has(r.status)).length,
  };
}

/** The numbers in the header: what waits in my organisation's inbox (overdue among it), and my outbox. */
export async function referralCounts(req: Request) {
  const user = authorize(req, 'referral:receive');
  const now = Date.now();
  const [inbox, outbox] = await Promise.all([boxEntries('inbox', user.organizationId), boxEntries('outbox', user.organizationId)]);
  return { inbox: boxCounts(inbox, now), outbox: { ...boxCounts(outbox, now), drafts: outbox.filter((r) => r.status === 'draft').length } };
}

/** Case text (comments included) is for the two organisations' members only. */
async function loadForText(user: SessionUser, id: string) {
  const loaded = await loadVisibleReferral(user, id);
  if (!loaded.standing.member) throw forbidden('Case text is readable only by the two organisations.');
  return loaded.referral;
}

async function saveComment(deps: ReferralDeps, user: SessionUser, referral: ReferralDoc, body: string, withStatus: ReferralStatus | null) {
  const _id = new Types.ObjectId();
  const created = await ReferralCommentModel.create({
    _id,
    referralId: referral._id,
    authorId: user.id,
    authorName: user.name,
    organizationId: user.organizationId,
    body: deps.cipher.encrypt(body, textContext.comment({ _id, referralId: referral._id })),
    withStatus,
  });
  return created.toObject();
}

export async function listComments(deps: ReferralDeps, req: Request, id: string) {
  const referral = await loadForText(requireUser(req), id);
  const comments = await ReferralCommentModel.find({ referralId: referral._id }).sort({ createdAt: 1, _id: 1 }).lean();
  return { items: comments.map((c) => toCommentView(c, deps.cipher)), textErased: referral.textErasedAt !== null };
}

export async function addComment(deps: ReferralDeps, req: Request, id: string, body: string) {
  const user = requireUser(req);
  const referral = await loadForText(user, id);
  if (referral.textErasedAt) throw conflict('The text of this referral has been erased under the retention policy.');
  const comment = await saveComment(deps, user, referral, body, null);
  await recordAudit(req, {
    action: 'referral.comment',
    entity: 'referral',
    entityId: id,
    organizationId: user.organizationId,
    after: { commentId: comment._id.toString() },
  });
  return toCommentView(comment, deps.cipher);
}
