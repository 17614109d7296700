import { Router } from 'express';
import { z } from 'zod';
import { actorOf, authorizeEverywhere } from '../../accounts/permissions.js';
import { apiRoute } from '../../platform/http/api-route.js';
import { sameForEveryone } from '../../platform/http/http-cache.js';
import { conflict } from '../../platform/http/problem.js';
import { LanguageSchema } from '../../platform/text/translated.js';
import { translated } from '../../contract/directory/records/view-schemas.js';
import { archivedCondition, archivedListErrors, ArchivedParam } from '../../contract/directory/records/archived.js';
import {
  legalFrameInputWith,
  LegalFrameList,
  LegalFrameView,
  type LegalFrameCreate,
  type LegalFrameUpdate,
} from '../../contract/directory/legal-frames/legal-frame.schemas.js';
import { GovernorateInput } from '../governorates/governorate-input.js';
import { withArchivedAt } from '../records/list.js';
import { registerRecordRoutes } from '../records/record.routes.js';
import type { StoredRecord } from '../records/record.js';
import { LegalFrameModel, type LegalFrameDoc } from './legal-frame.model.js';

const { LegalFrameCreate: CreateBody, LegalFrameUpdate: UpdateBody } = legalFrameInputWith(GovernorateInput);

const legalFrameView = (f: StoredRecord<LegalFrameDoc>): LegalFrameView => ({
  id: f._id.toHexString(),
  code: f.code,
  name: translated(f.name),
  citation: translated(f.citation),
  competentBodies: f.competentBodies.map(translated),
  governorates: f.governorates,
  order: f.order,
});

/** A governorate answers to one law: refuse governorates another live frame already holds. */
async function toStored(input: LegalFrameCreate | LegalFrameUpdate, existing: StoredRecord<LegalFrameDoc> | null): Promise<Record<string, unknown>> {
  if (input.governorates?.length) {
    const other = await LegalFrameModel.findOne({
      ...(existing ? { _id: { $ne: existing._id } } : {}),
      archivedAt: null,
      governorates: { $in: input.governorates },
    }).lean<StoredRecord<LegalFrameDoc>>();
    if (other) {
      const taken = input.governorates.filter((g) => other.governorates.includes(g)).join(', ');
      throw conflict({ key: 'governorateHasLegalFrame', params: { governorates: taken, frame: other.code } });
    }
  }
  return { ...input };
}

/** The legal frames of the pathway page and the referral: public to read, written by platform admins only. */
export function legalFrameRoutes(): Router {
  const router = Router();

  apiRoute(
    router,
    {
      method: 'get',
      path: '/legal-frames',
      summary: 'The anti-trafficking law in force in each governorate, with the bodies competent under it',
      description:
        'Federal Law No. 28 of 2012 and the Kurdistan Region’s Law No. 6 of 2018 to start with; platform admins keep them. Each governorate is under one frame. ' +
        'Archived entries are left out, unless a platform admin asks for them (`archived=include`) to restore them.',
      tags: ['legal-frames'],
      query: z.strictObject({ lang: LanguageSchema.optional(), archived: ArchivedParam }),
      response: LegalFrameList,
      errors: archivedListErrors('platform admins'),
    },
    async ({ query, req, res }) => {
      if (query.archived !== 'exclude') authorizeEverywhere(actorOf(req), 'legal-frame:write');
      const rows = await LegalFrameModel.find(archivedCondition(query.archived)).sort({ order: 1, code: 1 }).lean<StoredRecord<LegalFrameDoc>[]>();
      // As the hotlines: the same for everyone and rarely changed, so caches may keep it a while.
      if (query.archived === 'exclude') sameForEveryone(res, 'public, max-age=300');
      return { items: rows.map((f) => withArchivedAt(legalFrameView(f), f, query.archived)) };
    },
  );

  registerRecordRoutes(router, {
    entity: 'legalFrame',
    label: 'legal frame',
    path: '/legal-frames',
    tag: 'legal-frames',
    model: LegalFrameModel,
    create: CreateBody,
    update: UpdateBody,
    detailSchema: LegalFrameView.extend({ version: z.number().int() }),
    permissions: { create: 'legal-frame:write', update: 'legal-frame:write', archive: 'legal-frame:write' },
    ownerOfInput: () => null,
    ownerOf: () => null,
    toStored: async (input, existing) => toStored(input, existing as StoredRecord<LegalFrameDoc> | null),
    detail: async (record) => ({ ...legalFrameView(record as StoredRecord<LegalFrameDoc>), version: record.version }),
  });

  return router;
}
