import type { Request } from 'express';
import { z } from 'zod';
import { authorize } from '../accounts/permissions.js';
import { organizationsById } from '../directory/catalog/queries.js';
import type { Translated } from '../platform/text/translated.js';
import { AgreementModel } from './agreements/agreement.model.js';
import { ReferralModel } from './referral.model.js';
import { PeriodQuery } from './referral.schemas.js';

export const NetworkQuery = z.strictObject(PeriodQuery);
export type NetworkQuery = z.output<typeof NetworkQuery>;

export const NetworkView = z.object({
  period: z.object({ from: z.date().nullable(), to: z.date().nullable() }),
  nodes: z.array(z.object({ id: z.string(), name: z.record(z.string(), z.string()), type: z.string(), governorates: z.array(z.string()) })),
  edges: z.array(
    z.object({
      source: z.string(),
      target: z.string(),
      agreements: z.number().describe('Agreements between the two in force at any time in the period.'),
      referrals: z.number().describe('Referrals sent between the two, both ways, in the period.'),
      sourceToTarget: z.number().describe('Of those, the referrals `source` sent to `target`.'),
      targetToSource: z.number().describe('Of those, the referrals `target` sent to `source`.'),
    }),
  ),
});

interface Edge {
  source: string;
  target: string;
  agreements: number;
  referrals: number;
  sourceToTarget: number;
  targetToSource: number;
}

/**
 * Who works with whom: organisations as nodes; between two of them an edge with the agreements in force
 * during the period and the number of referrals sent either way. Edges are undirected (source < target).
 */
export async function partnerNetwork(req: Request, query: NetworkQuery) {
  authorize(req, 'referral:stats');
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
    edge(a.proposerOrganizationId.toString(), a.partnerOrganizationId.toString()).agreements += 1;
  }

  const sent: Record<string, Date | null> = { $ne: null };
  if (query.from) sent.$gte = query.from;
  if (query.to) sent.$lt = query.to;
  const pairs = await ReferralModel.aggregate<{ _id: { from: unknown; to: unknown }; count: number }>([
    { $match: { sentAt: sent } },
    { $group: { _id: { from: '$fromOrganizationId', to: '$toOrganizationId' }, count: { $sum: 1 } } },
  ]);
  for (const p of pairs) {
    const from = String(p._id.from);
    const e = edge(from, String(p._id.to));
    e.referrals += p.count;
    if (from === e.source) e.sourceToTarget += p.count;
    else e.targetToSource += p.count;
  }

  const ids = [...new Set([...edges.values()].flatMap((e) => [e.source, e.target]))];
  const organizations = [...(await organizationsById(ids)).values()];
  return {
    period: { from: query.from ?? null, to: query.to ?? null },
    nodes: organizations
      .map((o) => ({ id: o._id.toString(), name: o.name as Translated, type: o.type, governorates: o.governorates }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    edges: [...edges.values()].sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
  };
}
