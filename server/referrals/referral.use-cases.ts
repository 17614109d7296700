import { requireReferralReceivers } from '../accounts/referral-receivers.js';
import { Types } from 'mongoose';
import { authorize, requireUser, type SessionUser, type Actor } from '../accounts/permissions.js';
import { recordAudit } from '../audit/audit.js';
import { compareAndSet } from '../directory/records/compare-and-set.js';
import { HttpProblem, badRequest, conflict, forbidden, preconditionFailed } from '../platform/http/problem.js';
import { loadVisibleReferral, requireResponsible, type Standing } from './access.js';
import type { TextCipher } from './crypto.js';
import type { IdempotencyKeys } from './idempotency.js';
import { notifyReceivingOrganisation } from './notifications.js';
import { DAY_MS } from './reflection.js';
import { ReferralCommentModel, ReferralModel, type ReferralDoc } from './referral.model.js';
import { caseRuleProblems, childSafeguardProblems, type ReferralFields, type TransitionBody } from '../contract/referrals/referral.schemas.js';
import { type ListQuery, type UpdateDraftBody } from './referral.requests.js';
import { REFERRAL_TRANSITIONS, milestoneFields, type ReferralTransition } from '../contract/referrals/referral-workflow.js';
import { boxEntries, commentIdsOf, entryOverdue, newestFirst, oldestFirst, type ReferralEntry } from './referral-index.js';
import { findByIds } from '../directory/records/record.js';
import { findTransition, historyLine, moveAtomically } from './state-machine.js';
import { REASONS_NEEDING_NOTE, meetsIdentification, type ReferralStatus } from '../contract/referrals/vocabulary.js';
import type { RequiredIdentification, ResponseCommitment } from '../contract/directory/vocabulary.js';
import type { IdentificationInput } from '../contract/referrals/referral-input.js';
import { organizationNames, textContext, toCommentView, toDetailView, toSummaryView } from './referral.view.js';
import { findLiveOrganization, findLiveService } from '../directory/catalog/queries.js';
import { isDuplicateKey } from '../platform/db/duplicate-key.js';

export interface ReferralDeps {
  cipher: TextCipher;
  idempotency: IdempotencyKeys;
  /** Base URL of the web app, for the link in notifications. */
  publicUrl: string;
  /** Length of the recovery and reflection period in days (REFLECTION_PERIOD_DAYS). */
  reflectionDays: number;
}

/** What the audit log keeps of a referral: structure, never the case text. */
const auditSnapshot = (r: ReferralDoc) => ({
  status: r.status,
  toOrganizationId: r.toOrganizationId.toString(),
  toServiceId: r.toServiceId?.toString() ?? null,
  caseCode: r.caseCode,
  kind: r.kind,
  urgency: r.urgency,
  needs: r.needs,
  governorate: r.governorate,
  consentOverride: r.consentOverride?.reason ?? null,
  ageStatus: r.ageStatus,
  guardianRole: r.guardianRole,
  contactPreference: r.contactPreference,
  sharedParts: r.sharedParts,
  withheldReason: r.withheldReason,
  identification: identificationSnapshot(r.identification),
});

/** What the audit log keeps of an identification: the status, the authority's role or body, the day. */
const identificationSnapshot = (i: ReferralDoc['identification']) => ({
  status: i.status,
  authority: i.authority,
  decidedOn: i.decidedOn?.toISOString().slice(0, 10) ?? null,
});

/** The identification a referral's service requires, when the person's status does not meet it. */
async function identificationShortfall(r: Pick<ReferralDoc, 'toServiceId' | 'identification'>): Promise<RequiredIdentification | null> {
  if (!r.toServiceId) return null;
  const required = (await findLiveService(r.toServiceId))?.requiredIdentification ?? 'none';
  return meetsIdentification(required, r.identification.status) ? null : required;
}

async function detail(deps: ReferralDeps, referral: ReferralDoc, standing: Standing) {
  const [names, requiredIdentification] = await Promise.all([
    organizationNames([referral.fromOrganizationId, referral.toOrganizationId]),
    identificationShortfall(referral),
  ]);
  return toDetailView(referral, standing, names, deps.cipher, new Date(), requiredIdentification);
}

/** The receiving side must exist, be somebody else, have someone to read it, and (when named) offer the service actively. */
async function checkReceiver(fromOrganizationId: string, fields: ReferralFields): Promise<void> {
  if (fields.toOrganizationId === fromOrganizationId) {
    throw badRequest('referToOther', [
      { field: 'body.toOrganizationId', message: 'isOwnOrganisation' },
    ]);
  }
  if (!(await findLiveOrganization(fields.toOrganizationId))) {
    throw badRequest('receiverNotInDirectory', [
      { field: 'body.toOrganizationId', message: 'noSuchOrganisation' },
    ]);
  }
  await requireReferralReceivers(fields.toOrganizationId);
  if (fields.toServiceId) {
    const service = await findLiveService(fields.toServiceId);
    if (!service || service.status !== 'active' || String(service.organizationId) !== fields.toOrganizationId) {
      throw badRequest('serviceNotOfReceiver', [
        { field: 'body.toServiceId', message: 'serviceNotOfReceiver' },
      ]);
    }
  }
}

/** The target service's response commitment: what the referral's overdue time is computed from. */
async function responseCommitmentOf(serviceId: Types.ObjectId | string | null): Promise<ResponseCommitment | null> {
  return serviceId ? ((await findLiveService(serviceId))?.responseCommitment ?? null) : null;
}

/** The stored fields of a referral record written by `user` (text sealed to the record's id). */
function recordFields(
  deps: ReferralDeps,
  id: Types.ObjectId,
  fields: ReferralFields,
  user: SessionUser,
  previous: ReferralDoc['consentOverride'] = null,
) {
  const { consent, summary, safetyRisks, notes, bestInterestsNote, guardianRole, toOrganizationId, toServiceId, ...caseFields } = fields;
  const overrideReason = consent.given ? null : consent.overrideReason;
  return {
    ...caseFields,
    toOrganizationId: new Types.ObjectId(toOrganizationId),
    toServiceId: toServiceId ? new Types.ObjectId(toServiceId) : null,
    guardianRole: guardianRole ?? null,
    consent: consent.given ? { by: consent.by, at: consent.at, scope: consent.scope } : null,
    sharedParts: consent.sharedParts,
    withheldReason: consent.withheldReason?.code ?? null,
    withheldNote: deps.cipher.seal(consent.withheldReason?.note, textContext.withheldNote(id)),
    // An unchanged override keeps who made it and when.
    consentOverride:
      overrideReason === null
        ? null
        : previous?.reason === overrideReason
          ? previous
          : { reason: overrideReason, byUserId: user.id, at: new Date() },
    summary: deps.cipher.seal(summary, textContext.summary(id)),
    safetyRisks: deps.cipher.seal(safetyRisks, textContext.safetyRisks(id)),
    notes: deps.cipher.seal(notes, textContext.notes(id)),
    bestInterestsNote: deps.cipher.seal(bestInterestsNote, textContext.bestInterestsNote(id)),
  };
}

/** The stored record back in the shape the sender writes it, for merging an edit. */
function fieldsOf(deps: ReferralDeps, r: ReferralDoc): ReferralFields {
  return {
    toOrganizationId: r.toOrganizationId.toString(),
    toServiceId: r.toServiceId?.toString() ?? null,
    caseCode: r.caseCode,
    kind: r.kind,
    ageBand: r.ageBand,
    sex: r.sex,
    nationality: r.nationality,
    preferredLanguage: r.preferredLanguage as ReferralFields['preferredLanguage'],
    governorate: r.governorate,
    needs: r.needs,
    urgency: r.urgency,
    ageStatus: r.ageStatus,
    guardianRole: r.guardianRole,
    contactPreference: r.contactPreference,
    consent: {
      ...(r.consent
        ? { given: true, by: r.consent.by, at: r.consent.at, scope: r.consent.scope }
        : { given: false, overrideReason: r.consentOverride!.reason }),
      sharedParts: r.sharedParts,
      withheldReason: r.withheldReason && { code: r.withheldReason, note: deps.cipher.open(r.withheldNote, textContext.withheldNote(r._id)) },
    },
    summary: deps.cipher.open(r.summary, textContext.summary(r._id)),
    safetyRisks: deps.cipher.open(r.safetyRisks, textContext.safetyRisks(r._id)),
    notes: deps.cipher.open(r.notes, textContext.notes(r._id)),
    bestInterestsNote: deps.cipher.open(r.bestInterestsNote, textContext.bestInterestsNote(r._id)),
  };
}

const SEND = findTransition(REFERRAL_TRANSITIONS, 'draft', 'sent')!;

/** An identification as stored: what was recorded, by whom (user and organisation) and when. */
function identificationRecord(input: IdentificationInput, user: SessionUser, at: Date): ReferralDoc['identification'] {
  return {
    status: input.status,
    authority: input.status === 'screened' ? null : input.authority,
    decidedOn: input.status === 'screened' ? null : input.decidedOn,
    recordedAt: at,
    byUserId: user.id,
    byOrganizationId: user.organizationId,
  };
}

/**
 * A child's referral is accepted, or sent without consent, only with the guardian or responsible
 * adult and a best-interests note recorded: 422 naming what is missing, nothing changed.
 */
function requireChildSafeguards(r: Pick<ReferralDoc, 'ageStatus' | 'guardianRole' | 'bestInterestsNote'>): void {
  const problems = childSafeguardProblems({ ...r, hasBestInterestsNote: r.bestInterestsNote !== null });
  if (!problems.length) return;
  throw new HttpProblem(422, 'childSafeguardsMissing', {
    type: '/problems/child-safeguards-missing',
    title: 'titleChildSafeguardsMissing',
    errors: problems.map((p) => ({ field: ['body', ...p.path].join('.'), message: p.message })),
  });
}

/** Whether this move needs the child safeguards: acceptance always, sending when consent was overridden. */
const needsChildSafeguards = (to: ReferralStatus, r: Pick<ReferralDoc, 'consent'>) => to === 'accepted' || (to === SEND.to && r.consent === null);


/** A retry of a creation answers with what it created; the same key for another request is refused. */
async function replayCreation(deps: ReferralDeps, user: SessionUser, earlier: ReferralDoc, fingerprint: string) {
  if (earlier.idempotency?.fingerprint !== fingerprint) {
    throw new HttpProblem(422, 'idempotencyKeyReused', {
      type: '/problems/idempotency-key-reused',
      title: 'titleIdempotencyKeyReused',
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
  actor: Actor,
  body: ReferralFields & { send: boolean; identification: IdentificationInput },
  idempotencyKey?: string,
) {
  const user = authorize(actor, 'referral:send');
  const from = user.organizationId!;
  const { send, identification, ...fields } = body;
  const claim = idempotencyKey === undefined
    ? null
    : { _id: deps.idempotency.recordId(user.id, idempotencyKey), key: idempotencyKey, fingerprint: deps.idempotency.fingerprint(body) };
  const earlier = claim && (await ReferralModel.findById(claim._id).lean<ReferralDoc>());
  if (claim && earlier) return replayCreation(deps, user, earlier, claim.fingerprint);
  await checkReceiver(from, fields);

  const _id = claim?._id ?? new Types.ObjectId();
  const record = recordFields(deps, _id, fields, user);
  if (send && needsChildSafeguards(SEND.to, record)) requireChildSafeguards(record);
  const at = new Date();
  let created: ReferralDoc;
  try {
    const doc = await ReferralModel.create({
      _id,
      fromOrganizationId: new Types.ObjectId(from),
      fromUserId: new Types.ObjectId(user.id),
      ...record,
      identification: identificationRecord(identification, user, at),
      status: send ? SEND.to : 'draft',
      history: [historyLine(user, null, 'draft', null, at), ...(send ? [historyLine(user, 'draft', SEND.to, null, at)] : [])],
      ...(send ? milestoneFields(SEND, fields, at, null, await responseCommitmentOf(fields.toServiceId ?? null)) : {}),
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
  await recordAudit(actor, { action: 'referral.create', ...audited, after: auditSnapshot(created) });
  if (send) {
    await recordAudit(actor, { action: `referral.${SEND.to}`, ...audited, before: { status: 'draft' }, after: { status: SEND.to, reason: null } });
    if (SEND.notifiesReceiver) await notifyReceivingOrganisation(created, deps.publicUrl);
  }
  return detail(deps, created, { sides: ['sender'], member: true, receiving: false, historyOnly: false });
}

/** The sender edits a draft they have seen at `expectedVersion`; the result must still be a valid referral. */
export async function updateDraft(deps: ReferralDeps, actor: Actor, id: string, expectedVersion: number, patch: UpdateDraftBody) {
  const user = requireUser(actor);
  const { referral, standing } = await loadVisibleReferral(user, id);
  if (!standing.sides.includes('sender')) throw forbidden('onlySenderEditsDraft');
  if (referral.status !== 'draft') throw conflict('onlyDraftsEditable');
  if (referral.version !== expectedVersion) {
    throw preconditionFailed('draftChanged', { version: referral.version });
  }

  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const fields: ReferralFields = { ...fieldsOf(deps, referral), ...defined };
  const problems = caseRuleProblems(fields);
  if (problems.length) {
    throw badRequest('referralNotValid', problems.map((p) => ({ field: ['body', ...p.path].join('.'), message: p.message })));
  }
  await checkReceiver(referral.fromOrganizationId.toString(), fields);

  // The version pins the state: a record still at the version read is still a draft.
  const updated = (await compareAndSet(
    ReferralModel,
    referral._id,
    expectedVersion,
    recordFields(deps, referral._id, fields, user, referral.consentOverride),
  )) as ReferralDoc | null;
  if (!updated) throw conflict('draftChanged');
  await recordAudit(actor, {
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
    if (body.reason) throw badRequest({ key: 'moveTakesNoReason', params: { to: move.to } }, [{ field: 'body.reason', message: 'notExpected' }]);
    return null;
  }
  if (!body.reason || !move.reasons.includes(body.reason)) {
    throw badRequest({ key: 'moveNeedsReason', params: { to: move.to } }, [
      { field: 'body.reason', message: 'chooseOption' },
    ]);
  }
  if (REASONS_NEEDING_NOTE.includes(body.reason) && !body.note) {
    throw badRequest({ key: 'reasonNeedsNote', params: { reason: body.reason } }, [{ field: 'body.note', message: 'required' }]);
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
  actor: Actor,
  id: string,
  body: TransitionBody,
  expectedVersion?: number,
) {
  const user = requireUser(actor);
  const { referral, standing } = await loadVisibleReferral(user, id);
  if (expectedVersion !== undefined && expectedVersion !== referral.version) {
    throw preconditionFailed('referralChanged', { version: referral.version });
  }
  requireResponsible(standing);
  const move = findTransition(REFERRAL_TRANSITIONS, referral.status, body.to);
  if (!move) {
    throw conflict({ key: 'moveNotFromStatus', params: { status: referral.status, to: body.to } }, { referralStatus: referral.status });
  }
  if (!move.by.some((side) => standing.sides.includes(side))) {
    throw forbidden({ key: 'moveNotYourSide', params: { side: move.by.join(' or '), to: body.to } });
  }
  const reason = reasonFor(move, body);
  if (needsChildSafeguards(move.to, referral)) requireChildSafeguards(referral);
  // A draft written while someone received referrals there is not sent once no one does.
  if (move.to === 'sent') await requireReferralReceivers(referral.toOrganizationId);

  const at = new Date();
  const moved = await moveAtomically(
    ReferralModel,
    referral,
    historyLine(user, referral.status, body.to, reason, at),
    milestoneFields(move, referral, at, reason, move.to === 'sent' ? await responseCommitmentOf(referral.toServiceId) : null),
  );
  if (!moved) {
    throw conflict('referralChangedFirst');
  }
  if (body.note) await saveComment(deps, user, moved, body.note, body.to);
  await recordAudit(actor, {
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

/**
 * Records the person's identification status, apart from the referral's state. The sending
 * organisation's caseworkers record a screening (theirs is the presumption); either side records the
 * authority's decision, formally identified or not, with the authority's role or body and the day.
 * Platform administrators and members without the referral permission of their side record nothing.
 */
export async function recordIdentification(deps: ReferralDeps, actor: Actor, id: string, input: IdentificationInput, expectedVersion?: number) {
  const user = requireUser(actor);
  const { referral, standing } = await loadVisibleReferral(user, id);
  if (expectedVersion !== undefined && expectedVersion !== referral.version) {
    throw preconditionFailed('referralChanged', { version: referral.version });
  }
  requireResponsible(standing);
  if (!standing.sides.length) throw forbidden('identificationBySides');
  if (input.status === 'screened' && !standing.sides.includes('sender')) throw forbidden('screeningBySender');
  const identification = identificationRecord(input, user, new Date());
  const updated = (await compareAndSet(ReferralModel, referral._id, referral.version, { identification })) as ReferralDoc | null;
  if (!updated) throw conflict('referralChangedFirst');
  await recordAudit(actor, {
    action: 'referral.identification',
    entity: 'referral',
    entityId: id,
    organizationId: user.organizationId,
    before: identificationSnapshot(referral.identification),
    after: identificationSnapshot(updated.identification),
  });
  return detail(deps, updated, standing);
}

/**
 * The receiving side starts the recovery and reflection period of an accepted referral, once: it
 * ends the configured number of days later, and both sides are reminded then (reflection.ts). The
 * version pins the state, so a referral moved on meanwhile is not given one (409).
 */
export async function startReflection(deps: ReferralDeps, actor: Actor, id: string, expectedVersion?: number) {
  const user = requireUser(actor);
  const { referral, standing } = await loadVisibleReferral(user, id);
  if (expectedVersion !== undefined && expectedVersion !== referral.version) {
    throw preconditionFailed('referralChanged', { version: referral.version });
  }
  if (!standing.sides.includes('receiver')) throw forbidden('reflectionByReceiver');
  if (referral.status !== 'accepted') throw conflict('reflectionOnlyAccepted', { referralStatus: referral.status });
  if (referral.reflection) throw conflict('reflectionAlreadyStarted');
  const startedAt = new Date();
  const reflection = { startedAt, endsAt: new Date(startedAt.getTime() + deps.reflectionDays * DAY_MS), byUserId: user.id, remindedAt: null };
  const updated = (await compareAndSet(ReferralModel, referral._id, referral.version, { reflection })) as ReferralDoc | null;
  if (!updated) throw conflict('referralChangedFirst');
  await recordAudit(actor, {
    action: 'referral.reflection',
    entity: 'referral',
    entityId: id,
    organizationId: user.organizationId,
    before: { reflection: null },
    after: { reflection: { startedAt, endsAt: reflection.endsAt, days: deps.reflectionDays } },
  });
  return detail(deps, updated, standing);
}

export async function getReferral(deps: ReferralDeps, actor: Actor, id: string) {
  const { referral, standing } = await loadVisibleReferral(requireUser(actor), id);
  return detail(deps, referral, standing);
}

/**
 * Inbox (sent to my organisation), outbox (written by it, drafts included), or all (platform admins).
 * Chosen, filtered, ordered and shown from the referral index: the database is not read.
 */
export async function listReferrals(actor: Actor, query: ListQuery) {
  const user = requireUser(actor);
  if (query.box === 'inbox') authorize(actor, 'referral:receive');
  else if (query.box === 'outbox') authorize(actor, 'referral:send');
  else if (user.role !== 'platform-admin') throw forbidden('onlyAdminsListAll');
  const now = new Date();
  const at = now.getTime();
  const matching = (await boxEntries(query.box, user.organizationId))
    .filter(
      (r) =>
        (!query.status?.length || query.status.includes(r.status)) &&
        (!query.kind || r.summary.kind === query.kind) &&
        // A receiver's filter by urgency never matches a referral whose urgency is withheld from it.
        (!query.urgency?.length || (query.urgency.includes(r.urgency) && (query.box !== 'inbox' || r.urgencyShared))) &&
        (!query.governorate || r.governorate === query.governorate) &&
        // Not overdue: as the database compared, a sent referral without a deadline is neither.
        (query.overdue === undefined ||
          (query.overdue ? entryOverdue(r, at) : r.status !== 'sent' || (r.acknowledgeBy !== null && r.acknowledgeBy >= at))),
    )
    .sort(newestFirst);
  const items = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((r) => r.summary);
  const names = await organizationNames(items.flatMap((r) => [r.fromOrganizationId, r.toOrganizationId]));
  const receiving = query.box === 'inbox';
  return { items: items.map((r) => toSummaryView(r, names, now, receiving)), total: matching.length, page: query.page, pageSize: query.pageSize };
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
export async function referralCounts(actor: Actor) {
  const user = authorize(actor, 'referral:receive');
  const now = Date.now();
  const [inbox, outbox] = await Promise.all([boxEntries('inbox', user.organizationId), boxEntries('outbox', user.organizationId)]);
  return { inbox: boxCounts(inbox, now), outbox: { ...boxCounts(outbox, now), drafts: outbox.filter((r) => r.status === 'draft').length } };
}

/** Case text (comments included) is for the two organisations' members only. */
async function loadForText(user: SessionUser, id: string) {
  const loaded = await loadVisibleReferral(user, id);
  if (!loaded.standing.member) throw forbidden('caseTextMembersOnly');
  return loaded;
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

export async function listComments(deps: ReferralDeps, actor: Actor, id: string) {
  const { referral } = await loadForText(requireUser(actor), id);
  const comments = (await findByIds(ReferralCommentModel, await commentIdsOf(referral._id))).sort(oldestFirst);
  return { items: comments.map((c) => toCommentView(c, deps.cipher)), textErased: referral.textErasedAt !== null };
}

export async function addComment(deps: ReferralDeps, actor: Actor, id: string, body: string) {
  const user = requireUser(actor);
  const { referral, standing } = await loadForText(user, id);
  requireResponsible(standing);
  if (referral.textErasedAt) throw conflict('caseTextErased');
  const comment = await saveComment(deps, user, referral, body, null);
  await recordAudit(actor, {
    action: 'referral.comment',
    entity: 'referral',
    entityId: id,
    organizationId: user.organizationId,
    after: { commentId: comment._id.toString() },
  });
  return toCommentView(comment, deps.cipher);
}
