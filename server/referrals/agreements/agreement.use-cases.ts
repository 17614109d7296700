import { Types } from 'mongoose';
import { authorize, can, requireUser, type SessionUser, type Actor } from '../../accounts/permissions.js';
import { recordAudit } from '../../audit/audit.js';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/problem.js';
import type { Transition } from '../../contract/referrals/transition.js';
import { availableMoves, findTransition, historyLine, moveAtomically } from '../state-machine.js';
import { organizationNames, type OrganizationNames } from '../referral.view.js';
import { AgreementModel, type AgreementDoc } from './agreement.model.js';
import type { AgreementStatus } from '../../contract/referrals/vocabulary.js';
import type { CreateAgreementBody } from '../../contract/referrals/agreement.schemas.js';
import { findLiveOrganization, organizationsById } from '../../directory/catalog/queries.js';

type Party = 'proposer' | 'partner';

/** The life of an agreement, as data: proposed to a partner, who accepts or declines; either party ends it. */
export const AGREEMENT_TRANSITIONS: readonly Transition<AgreementStatus, Party>[] = [
  { from: ['proposed'], to: 'active', by: ['partner'] },
  { from: ['proposed'], to: 'declined', by: ['partner'] },
  { from: ['proposed'], to: 'withdrawn', by: ['proposer'] },
  { from: ['active'], to: 'ended', by: ['proposer', 'partner'] },
];

/** Agreements in force or past are public facts about organisations; proposals are the parties' business. */
const PUBLIC_STATUSES: readonly AgreementStatus[] = ['active', 'ended'];

function partiesOf(user: SessionUser | undefined, a: AgreementDoc): Party[] {
  const parties: Party[] = [];
  if (can(user, 'agreement:manage', a.proposerOrganizationId.toString())) parties.push('proposer');
  if (can(user, 'agreement:manage', a.partnerOrganizationId.toString())) parties.push('partner');
  return parties;
}

function visibleTo(user: SessionUser | undefined, a: AgreementDoc): boolean {
  if (PUBLIC_STATUSES.includes(a.status)) return true;
  if (!user) return false;
  const org = user.organizationId;
  return user.role === 'platform-admin' || org === a.proposerOrganizationId.toString() || org === a.partnerOrganizationId.toString();
}

export const inForce = (a: Pick<AgreementDoc, 'status' | 'startsOn' | 'endsOn'>, now: Date): boolean =>
  a.status === 'active' && a.startsOn <= now && (a.endsOn === null || a.endsOn > now);

function toView(a: AgreementDoc, user: SessionUser | undefined, names: OrganizationNames, now: Date) {
  const ref = (id: Types.ObjectId) => ({ id: id.toString(), name: names.get(id.toString()) ?? null });
  return {
    id: a._id.toString(),
    status: a.status,
    version: a.version,
    proposer: ref(a.proposerOrganizationId),
    partner: ref(a.partnerOrganizationId),
    categories: a.categories,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    endedAt: a.endedAt,
    inForce: inForce(a, now),
    history: a.history.map((h) => ({ at: h.at, from: h.from, to: h.to, byOrganizationId: h.byOrganizationId })),
    allowedMoves: availableMoves(AGREEMENT_TRANSITIONS, a.status, partiesOf(user, a)),
  };
}

async function views(agreements: AgreementDoc[], user: SessionUser | undefined) {
  const names = await organizationNames(agreements.flatMap((a) => [a.proposerOrganizationId, a.partnerOrganizationId]));
  const now = new Date();
  return agreements.map((a) => toView(a, user, names, now));
}

async function liveOrganization(id: string, field: string): Promise<void> {
  if (!(await findLiveOrganization(id))) {
    throw badRequest('organisationNotInDirectory', [{ field: `body.${field}`, message: 'noSuchOrganisation' }]);
  }
}

/** An organisation administrator proposes an agreement to another organisation. */
export async function proposeAgreement(actor: Actor, body: CreateAgreementBody) {
  const proposer = body.proposerOrganizationId ?? requireUser(actor).organizationId;
  if (!proposer) throw badRequest('nameProposer', [{ field: 'body.proposerOrganizationId', message: 'required' }]);
  const user = authorize(actor, 'agreement:manage', proposer);
  if (proposer === body.partnerOrganizationId) {
    throw badRequest('agreementTwoParties', [{ field: 'body.partnerOrganizationId', message: 'isProposer' }]);
  }
  await liveOrganization(proposer, 'proposerOrganizationId');
  await liveOrganization(body.partnerOrganizationId, 'partnerOrganizationId');

  const created = await AgreementModel.create({
    proposerOrganizationId: new Types.ObjectId(proposer),
    partnerOrganizationId: new Types.ObjectId(body.partnerOrganizationId),
    categories: body.categories,
    startsOn: body.startsOn,
    endsOn: body.endsOn,
    status: 'proposed',
    history: [historyLine<AgreementStatus>(user, null, 'proposed', null, new Date())],
  });
  const agreement = created.toObject<AgreementDoc>();
  const { history: _history, ...audited } = agreement;
  await recordAudit(actor, { action: 'agreement.propose', entity: 'agreement', entityId: agreement._id.toString(), organizationId: proposer, after: audited });
  return (await views([agreement], user))[0]!;
}

async function loadVisible(user: SessionUser | undefined, id: string): Promise<AgreementDoc> {
  const agreement = Types.ObjectId.isValid(id) ? await AgreementModel.findById(id).lean<AgreementDoc>() : null;
  if (!agreement || !visibleTo(user, agreement)) throw notFound('agreement');
  return agreement;
}

export async function getAgreement(actor: Actor, id: string) {
  const user = actor.user;
  return (await views([await loadVisible(user, id)], user))[0]!;
}

/** Accept, decline, withdraw or end: the move must be in the table and the user on a party allowed to make it. */
export async function transitionAgreement(actor: Actor, id: string, to: AgreementStatus) {
  const user = requireUser(actor);
  const agreement = await loadVisible(user, id);
  const move = findTransition(AGREEMENT_TRANSITIONS, agreement.status, to);
  if (!move) throw conflict({ key: 'agreementCannotMove', params: { from: agreement.status, to } }, { status: agreement.status });
  if (!move.by.some((p) => partiesOf(user, agreement).includes(p))) {
    throw forbidden({ key: 'agreementNotYourMove', params: { by: move.by.join(' or ') } });
  }
  const at = new Date();
  const moved = await moveAtomically(
    AgreementModel,
    agreement,
    historyLine(user, agreement.status, to, null, at),
    to === 'ended' ? { endedAt: at } : {},
  );
  if (!moved) throw conflict('agreementChanged');
  for (const organizationId of [agreement.proposerOrganizationId, agreement.partnerOrganizationId]) {
    await recordAudit(actor, {
      action: `agreement.${to}`,
      entity: 'agreement',
      entityId: id,
      organizationId: organizationId.toString(),
      before: { status: agreement.status },
      after: { status: moved.status },
    });
  }
  return (await views([moved], user))[0]!;
}

/** The agreements an organisation is party to, as its page shows them to the viewer. */
export async function organizationAgreements(actor: Actor, organizationId: string) {
  if (!(await organizationsById([organizationId])).size) {
    throw notFound('organisation');
  }
  const user = actor.user;
  const org = new Types.ObjectId(organizationId);
  const agreements = await AgreementModel.find({ $or: [{ proposerOrganizationId: org }, { partnerOrganizationId: org }] })
    .sort({ startsOn: -1, _id: -1 })
    .lean<AgreementDoc[]>();
  return { items: await views(agreements.filter((a) => visibleTo(user, a)), user) };
}
