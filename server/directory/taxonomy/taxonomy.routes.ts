import { Router } from 'express';
import { authorizeEverywhere, actorOf } from '../../accounts/permissions.js';
import { z } from 'zod';
import { apiRoute } from '../../platform/http/api-route.js';
import { badRequest } from '../../platform/http/problem.js';
import { LanguageSchema } from '../../platform/text/translated.js';
import { registerRecordRoutes } from '../records/record.routes.js';
import { iso, translated } from '../../contract/directory/records/view-schemas.js';
import { ArchivedParam, archivedListErrors, type ArchivedChoice } from '../../contract/directory/records/archived.js';
import { refreshServices } from '../services/service.derived.js';
import { heldTerm, loadTaxonomy, storedTerms, synonymsOf, type TermSynonyms } from './taxonomy.data.js';
import { TaxonomyTermModel, type TaxonomyTermDoc } from './taxonomy.model.js';
import { TermCode, TermCreate, TermDetail, TermList, TermUpdate, type TermView } from '../../contract/directory/taxonomy/taxonomy.schemas.js';

const termView = (t: Pick<TaxonomyTermDoc, 'code' | 'parent' | 'name' | 'description'> & { synonyms?: Partial<TermSynonyms> | null; archivedAt?: Date | null }): TermView => ({
  code: t.code,
  parent: t.parent ?? null,
  name: translated(t.name),
  description: translated(t.description),
  synonyms: synonymsOf(t),
  archivedAt: iso(t.archivedAt),
});

/** Every term, archived ones included (or only those), for those who may restore them (a few hundred at most). */
async function termsWithArchived(archived: Exclude<ArchivedChoice, 'exclude'>): Promise<TermView[]> {
  const rows = await storedTerms();
  return (archived === 'only' ? rows.filter((t) => t.archivedAt) : rows).map(termView);
}

/** Two levels only: a parent must be a live group, and a group with categories cannot itself move under one. */
async function checkParent(code: string, parent: string | null | undefined): Promise<void> {
  if (!parent) return;
  const taxonomy = await loadTaxonomy();
  const group = taxonomy.get(parent);
  if (!group || group.parent !== null || parent === code) {
    throw badRequest('parentNotGroup', [{ field: 'body.parent', message: 'notGroup' }]);
  }
  if (taxonomy.terms.some((t) => t.parent === code)) {
    throw badRequest('groupHasCategories', [{ field: 'body.parent', message: 'termHasCategories' }]);
  }
}

export function taxonomyRoutes(): Router {
  const router = Router();

  apiRoute(
    router,
    {
      method: 'get',
      path: '/taxonomy',
      summary: 'The service categories: groups (parent null) and their categories, in display order',
      description: 'Platform admins may ask for archived terms too (`archived=include`), to restore them.',
      tags: ['taxonomy'],
      query: z.strictObject({ lang: LanguageSchema.optional(), archived: ArchivedParam }),
      response: TermList,
      errors: archivedListErrors('platform admins'),
    },
    async ({ query, req }) => {
      if (query.archived === 'exclude') return { items: (await loadTaxonomy()).terms.map(termView) };
      authorizeEverywhere(actorOf(req), 'taxonomy:write');
      return { items: await termsWithArchived(query.archived) };
    },
  );

  registerRecordRoutes(router, {
    entity: 'taxonomyTerm',
    label: 'taxonomy term',
    path: '/taxonomy',
    tag: 'taxonomy',
    model: TaxonomyTermModel,
    naturalKey: { field: 'code', param: 'code', schema: TermCode },
    create: TermCreate,
    update: TermUpdate,
    detailSchema: TermDetail,
    permissions: { create: 'taxonomy:write', update: 'taxonomy:write', archive: 'taxonomy:write' },
    ownerOfInput: () => null,
    ownerOf: () => null,
    async toStored(input, existing) {
      const code = existing?.code ?? (input as TermCreate).code;
      if (input.parent !== undefined) await checkParent(code, input.parent);
      return existing ? input : { ...input, code };
    },
    async afterWrite({ kind, before, after }) {
      const renamed = kind === 'update' && JSON.stringify([before?.name, before?.parent]) !== JSON.stringify([after.name, after.parent]);
      if (!renamed) return;
      // Category names are part of the services' search text.
      const taxonomy = await loadTaxonomy();
      await refreshServices({ categories: { $in: taxonomy.withChildren([after.code]) } });
    },
    detail: async (record) => ({ ...termView(record), version: record.version }),
    held: heldTerm,
  });

  return router;
}
