import { z } from 'zod';
import { Types } from 'mongoose';
import { authorize, canEverywhere, type Actor } from '../accounts/permissions.js';
import { organizationsById } from '../directory/catalog/queries.js';
import type { Translated } from '../platform/text/translated.js';
import { AgreementModel } from './agreements/agreement.model.js';
import { aggregatedPeriod, isSmall } from './disclosure.js';
import { ReferralModel } from './referral.model.js';
import type { NetworkView} from '../contract/referrals/referral.schemas.js';
import { PeriodQuery } from '../contract/referrals/referral.schemas.js';

export const NetworkQuery = z.strictObject(PeriodQuery);
export type NetworkQuery = z.output<typeof NetworkQuery>;


interface Edge {
  source: string;
  target: string;
  agreements: number;
  referrals: number;
  sourceToTarget: number;
  targetToSource: number;
}

async function referralPairs(from: Date | null, to: Date | null, organizationId: string | null) {
  const sent: Record<string, Date | null> = { $ne: null };
  if (from) sent.$gte = from;
  if (to) sent.$lt = to;
  const match: Record<string, unknown> = { sentAt: sent };
  if (organizationId) {
    const org = new Types.ObjectId(organizationId);
    match.$or = [{ fromOrganizationId: org }, { toOrganizationId: org }];
  }
  const rows = await ReferralModel.aggregate<{ _id: { from: unknown; to: unknown }; count: number }>([
    { $match: match },
    { $group: { _id: { from: '$fromOrganizationId', to: '$toOrganizationId' }, count: { $sum: 1 } } },
  ]);
  return rows.map((r) => ({ from: String(r._id.from), to: String(r._id.to), count: r.count }));
}

/**
 * Who works with whom: organisations as nodes; between two of them an edge with the agreements in force
 * during the period and the number of referrals sent either way. Edges are undirected (source < target).
 * Scoped like /referrals/stats: the viewer's own organisation's edges in full; edges between two
 * others only for those with `referral:stats` everywhere, and only as aggregates (see PERMISSIONS.md).
 */
export async function partnerNetwork(actor: Actor, query: NetworkQuery): Promise<z.input<typeof NetworkView>> {
  const user = authorize(actor, 'referral:stats');
  const own = user.organizationId;
  const seesOthers = canEverywhere(user, 'referral:stats');
  const isOwn = (a: string, b: string) => own !== null && (a === own || b === own);
  const shown = (a: string, b: string) => isOwn(a, b) || seesOthers;

  const edges = new Map<string, Edge>();
  const edge = (a: string, b: string): Edge => {
    const [source, target] = a < b ? [a, b] : [b, a];
    const key = `${source}|${target}`;
    let e = edges.get(key);
    if (!e) edges.set(key, (e = { source, target, agreements: 0, referrals: 0, sourceToTarget: 0, targetToSource: 0 }));
    return e;
  };

  const agreementFilter: Record<string, unknown>[] = [{ status: { $in: ['active', 'ended'] } }];
  if (query.to) agreementFilter.push({ startsOn: { $lt: query.to } });
  const agreements = await AgreementModel.find({ $and: agreementFilter }).lean();
  for (const a of agreements) {
    const ends = [a.endsOn, a.endedAt].filter((d): d is Date => d !== null).map((d) => d.getTime());
    const end = ends.length ? Math.min(...ends) : Infinity;
    if (query.from && end <= query.from.getTime()) continue;
    const [x, y] = [a.proposerOrganizationId.toString(), a.partnerOrganizationId.toString()];
    if (shown(x, y)) edge(x, y).agreements += 1;
  }

  const aggregated = aggregatedPeriod(query);
  const [ownPairs, otherPairs] = await Promise.all([
    own ? referralPairs(query.from ?? null, query.to ?? null, own) : [],
    seesOthers ? referralPairs(aggregated.from, aggregated.to, null) : [],
  ]);
  for (const p of [...ownPairs, ...otherPairs.filter((p) => !isOwn(p.from, p.to))]) {
    const e = edge(p.from, p.to);
    e.referrals += p.count;
    if (p.from === e.source) e.sourceToTarget += p.count;
    else e.targetToSource += p.count;
  }

  const ids = [...new Set([...edges.values()].flatMap((e) => [e.source, e.target]))];
  const organizations = [...(await organizationsById(ids)).values()];
  return {
    period: { from: query.from ?? null, to: query.to ?? null },
    aggregatedPeriod: aggregated,
    nodes: organizations
      .map((o) => ({ id: o._id.toString(), name: o.name as Translated, type: o.type, governorates: o.governorates }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    edges: [...edges.values()]
      .sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target))
      .map((e) => {
        if (isOwn(e.source, e.target)) return { ...e, detail: 'full' as const, fewerThanFive: false };
        const small = isSmall(e.referrals);
        return { ...e, detail: 'aggregate' as const, referrals: small ? null : e.referrals, fewerThanFive: small, sourceToTarget: null, targetToSource: null };
      }),
  };
}
