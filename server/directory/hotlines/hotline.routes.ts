import { Router } from 'express';
import { z } from 'zod';
import { actorOf, authorizeEverywhere } from '../../accounts/permissions.js';
import { apiRoute } from '../../platform/http/api-route.js';
import { sameForEveryone } from '../../platform/http/http-cache.js';
import { LanguageSchema } from '../../platform/text/translated.js';
import { iso, translated } from '../../contract/directory/records/view-schemas.js';
import { archivedCondition, archivedListErrors, ArchivedParam } from '../../contract/directory/records/archived.js';
import { hotlineInputWith, HotlineList, HotlineView, type HotlineCreate, type HotlineUpdate } from '../../contract/directory/hotlines/hotline.schemas.js';
import { GovernorateInput } from '../governorates/governorate-input.js';
import { withArchivedAt } from '../records/list.js';
import { registerRecordRoutes } from '../records/record.routes.js';
import type { StoredRecord } from '../records/record.js';
import { HotlineModel, type HotlineDoc } from './hotline.model.js';

const { HotlineCreate: CreateBody, HotlineUpdate: UpdateBody } = hotlineInputWith(GovernorateInput);

/** What a verification vouches for: changing any of these makes the entry a sample again. */
const CHECKED_FIELDS = ['number', 'governorates', 'source'] as const;

const hotlineView = (h: StoredRecord<HotlineDoc>): HotlineView => ({
  id: h._id.toHexString(),
  number: h.number,
  name: translated(h.name),
  purpose: translated(h.purpose),
  governorates: h.governorates,
  emergency: h.emergency,
  source: { text: h.source.text, url: h.source.url },
  lastCheckedAt: iso(h.lastCheckedAt),
  verified: h.verifiedAt !== null,
  verifiedAt: iso(h.verifiedAt),
  order: h.order,
});

const toStored = (input: HotlineCreate | HotlineUpdate, existing: StoredRecord<HotlineDoc> | null): Record<string, unknown> => {
  const set: Record<string, unknown> = { ...input };
  if (input.lastCheckedAt !== undefined) set.lastCheckedAt = input.lastCheckedAt && new Date(input.lastCheckedAt);
  const changed = (field: (typeof CHECKED_FIELDS)[number]) =>
    input[field] !== undefined && JSON.stringify(input[field]) !== JSON.stringify(existing?.[field]);
  if (existing?.verifiedAt && CHECKED_FIELDS.some(changed)) Object.assign(set, { verifiedAt: null, verifiedBy: null });
  return set;
};

/** The hotlines of "Get help": public to read, written by platform admins only. */
export function hotlineRoutes(): Router {
  const router = Router();

  apiRoute(
    router,
    {
      method: 'get',
      path: '/hotlines',
      summary: 'Public hotlines in Iraq: the emergency number first, each with its source and when it was last checked',
      description:
        'Entries with `verified: false` have not been confirmed by a platform admin and are shown as samples. Archived entries are left out, unless a platform admin asks for them (`archived=include`) to restore them.',
      tags: ['hotlines'],
      query: z.strictObject({ lang: LanguageSchema.optional(), archived: ArchivedParam }),
      response: HotlineList,
      errors: archivedListErrors('platform admins'),
    },
    async ({ query, req, res }) => {
      if (query.archived !== 'exclude') authorizeEverywhere(actorOf(req), 'hotline:write');
      const rows = await HotlineModel.find(archivedCondition(query.archived)).sort({ emergency: -1, order: 1, number: 1 }).lean<StoredRecord<HotlineDoc>[]>();
      // The public list is the same for everyone and read by people in a hurry on slow connections: let
      // caches keep it a while. The admins' list with archived entries stays private and revalidated.
      if (query.archived === 'exclude') sameForEveryone(res, 'public, max-age=300');
      return { items: rows.map((h) => withArchivedAt(hotlineView(h), h, query.archived)) };
    },
  );

  registerRecordRoutes(router, {
    entity: 'hotline',
    path: '/hotlines',
    tag: 'hotlines',
    model: HotlineModel,
    create: CreateBody,
    update: UpdateBody,
    detailSchema: HotlineView.extend({ version: z.number().int() }),
    permissions: { create: 'hotline:write', update: 'hotline:write', archive: 'hotline:write' },
    ownerOfInput: () => null,
    ownerOf: () => null,
    toStored: async (input, existing) => toStored(input, existing as StoredRecord<HotlineDoc> | null),
    actions: [
      {
        name: 'verify',
        summary: 'Confirm a hotline as checked today: it stops being shown as a sample',
        permission: 'hotline:write',
        changes: (_record, user) => {
          const now = new Date();
          return { verifiedAt: now, verifiedBy: user.id, lastCheckedAt: now };
        },
      },
    ],
    detail: async (record) => ({ ...hotlineView(record as StoredRecord<HotlineDoc>), version: record.version }),
  });

  return router;
}
