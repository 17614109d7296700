import type { Express } from 'express';
import type { Role } from '../../server/accounts/permissions.js';
import { ContactModel } from '../../server/directory/contacts/contact.model.js';
import { ServiceModel } from '../../server/directory/services/service.model.js';
import type { OrganizationType } from '../../server/contract/directory/vocabulary.js';
import { createTestOrganization, signedInAgent, type SignedIn } from '../support/auth.js';

/** A signed-in user with short-hands that send the CSRF token on writes. */
export interface Actor {
  user: SignedIn['user'];
  get(url: string): ReturnType<SignedIn['agent']['get']>;
  post(url: string, body?: object): ReturnType<SignedIn['agent']['post']>;
  patch(url: string, body: object, ifMatch?: number): ReturnType<SignedIn['agent']['patch']>;
}

export async function actor(app: Express, role: Role, organizationId?: string): Promise<Actor> {
  const s = await signedInAgent(app, { role, organizationId: organizationId ?? null });
  return {
    user: s.user,
    get: (url) => s.agent.get(url),
    post: (url, body = {}) => s.agent.post(url).set('X-CSRF-Token', s.csrf).send(body),
    patch: (url, body, ifMatch) => {
      const req = s.agent.patch(url).set('X-CSRF-Token', s.csrf);
      return (ifMatch === undefined ? req : req.set('If-Match', `"${ifMatch}"`)).send(body);
    },
  };
}

export interface Network {
  senderOrg: string;
  receiverOrg: string;
  otherOrg: string;
  governmentOrg: string;
  serviceId: string;
  sender: Actor;
  senderAdmin: Actor;
  receiver: Actor;
  receiverAdmin: Actor;
  outsider: Actor;
  liaison: Actor;
  admin: Actor;
}

async function organization(type: OrganizationType, name: string): Promise<string> {
  return createTestOrganization(type, `${name} ${Math.random().toString(36).slice(2, 8)}`);
}

/**
 * Two NGOs that refer to each other, a third NGO and a government body that have nothing to do with
 * their referrals, and people in each: the cast of every referral test.
 */
export async function referralNetwork(app: Express): Promise<Network> {
  const senderOrg = await organization('local-ngo', 'Sender NGO');
  const receiverOrg = await organization('international-ngo', 'Receiver NGO');
  const otherOrg = await organization('local-ngo', 'Other NGO');
  const governmentOrg = await organization('government', 'Directorate');
  const service = await ServiceModel.create({
    organizationId: receiverOrg,
    name: { en: 'Safe shelter' },
    categories: ['shelter'],
    organizationType: 'international-ngo',
    governorates: ['IQ-AR'],
  });
  await ContactModel.create({
    organizationId: receiverOrg,
    name: 'Referral desk',
    email: 'referral-desk@receiver.example.test',
    referralFocalPoint: true,
  });
  const [sender, senderAdmin, receiver, receiverAdmin, outsider, liaison, admin] = await Promise.all([
    actor(app, 'caseworker', senderOrg),
    actor(app, 'org-admin', senderOrg),
    actor(app, 'caseworker', receiverOrg),
    actor(app, 'org-admin', receiverOrg),
    actor(app, 'caseworker', otherOrg),
    actor(app, 'gov-liaison', governmentOrg),
    actor(app, 'platform-admin'),
  ]);
  return {
    senderOrg,
    receiverOrg,
    otherOrg,
    governmentOrg,
    serviceId: service._id.toString(),
    sender,
    senderAdmin,
    receiver,
    receiverAdmin,
    outsider,
    liaison,
    admin,
  };
}

export const SUMMARY = 'Woman of 30 escaped forced domestic work in Erbil; needs shelter tonight and medical care.';

/** A valid referral body to `toOrganizationId`, with consent and a summary; override any field. */
export function referralBody(toOrganizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    toOrganizationId,
    caseCode: `ERB-${Math.floor(Math.random() * 1e6)}`,
    ageBand: '25-59',
    sex: 'female',
    nationality: 'IQ',
    preferredLanguage: 'ar',
    governorate: 'IQ-AR',
    needs: ['shelter', 'medical'],
    urgency: 'high',
    ageStatus: 'adult',
    consent: { given: true, by: 'person', at: new Date(Date.now() - 3_600_000).toISOString(), scope: ['referral', 'share-case-information'] },
    summary: SUMMARY,
    notes: 'Speaks Arabic and some English. Avoid contact through her former employer.',
    ...overrides,
  };
}

/** The moves that bring a sent referral to each state, with the reasons they need. */
export const PATH_TO: Record<string, { to: string; reason?: string }[]> = {
  draft: [],
  sent: [{ to: 'sent' }],
  acknowledged: [{ to: 'sent' }, { to: 'acknowledged' }],
  accepted: [{ to: 'sent' }, { to: 'acknowledged' }, { to: 'accepted' }],
  declined: [{ to: 'sent' }, { to: 'acknowledged' }, { to: 'declined', reason: 'no-capacity' }],
  completed: [{ to: 'sent' }, { to: 'acknowledged' }, { to: 'accepted' }, { to: 'completed', reason: 'services-provided' }],
  'not-completed': [{ to: 'sent' }, { to: 'acknowledged' }, { to: 'accepted' }, { to: 'not-completed', reason: 'unable-to-contact' }],
  withdrawn: [{ to: 'sent' }, { to: 'withdrawn', reason: 'sent-in-error' }],
};

const SENDER_MOVES = new Set(['sent', 'withdrawn', 'draft']);

/** Who makes a move to `to`: the sender for sending and withdrawing, the receiver otherwise. */
export const moverFor = (n: Network, to: string): Actor => (SENDER_MOVES.has(to) ? n.sender : n.receiver);

/** Creates a draft from the network's sender to its receiver and walks it to `state`; returns its id. */
export async function referralIn(n: Network, state: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await n.sender.post('/api/v1/referrals', referralBody(n.receiverOrg, overrides)).expect(201);
  const id = created.body.id as string;
  for (const move of PATH_TO[state]!) {
    await moverFor(n, move.to).post(`/api/v1/referrals/${id}/transitions`, move).expect(200);
  }
  return id;
}
