import { acceptsReferralsCondition, receivingOrganizations } from '../../accounts/referral-receivers.js';
import { Types, type FilterQuery } from 'mongoose';
import type { z } from 'zod';
import { queryTerms } from '../../platform/text/normalize.js';
import { SEARCH_WORDS } from '../catalog/directory-catalog.js';
import type { OrganizationDoc } from '../organizations/organization.model.js';
import { archivedCondition, type ArchivedChoice } from '../../contract/directory/records/archived.js';
import { VerificationFilterParam } from '../records/verification.js';
import { runServicePlan } from '../catalog/queries.js';
import { NO_NEAR } from './near.js';
import type { Taxonomy } from '../taxonomy/taxonomy.data.js';
import { DAY_MS, DirectoryFilterParams } from './service-query.js';

/** Search and filters of the organisation list. `category` and `population` look at the organisations' live services. */
export const OrganizationFilterParams = {
  ...DirectoryFilterParams,
  verification: VerificationFilterParam,
};
export type OrganizationFilters = z.infer<z.ZodObject<typeof OrganizationFilterParams>>;


export async function organizationSearch(
  f: OrganizationFilters,
  taxonomy: Taxonomy,
  archived: ArchivedChoice = 'exclude',
  now = new Date(),
): Promise<{ filter: FilterQuery<OrganizationDoc>; terms: string[] }> {
  const and: FilterQuery<OrganizationDoc>[] = [archivedCondition(archived)];
  const anyOf = (field: string, values: readonly unknown[] | undefined) => {
    if (values?.length) and.push({ [field]: { $in: values } });
  };
  anyOf('governorates', f.governorate);
  anyOf('languages', f.language);
  anyOf('type', f.organizationType);
  anyOf('_id', f.organization?.map((id) => new Types.ObjectId(id)));
  anyOf('verification.status', f.verification);
  if (f.acceptsReferrals !== undefined) and.push(acceptsReferralsCondition(f.acceptsReferrals, '_id', receivingOrganizations()));
  if (f.verifiedWithinDays) and.push({ lastVerifiedAt: { $gte: new Date(now.getTime() - f.verifiedWithinDays * DAY_MS) } });
  if (f.category?.length || f.population?.length) {
    // Organisations that offer such a service: one plan over the services' read model.
    const { services } = await runServicePlan(
      {
        anyOf: {
          status: ['active'],
          ...(f.category?.length ? { categories: taxonomy.withChildren(f.category) } : {}),
          ...(f.population?.length ? { populations: f.population } : {}),
        },
        archived: 'exclude',
        words: [],
      },
      NO_NEAR,
    );
    and.push({ _id: { $in: [...new Map(services.map((s) => [String(s.organizationId), s.organizationId])).values()] } });
  }
  const terms = f.q ? queryTerms(f.q) : [];
  if (terms.length) and.push({ [SEARCH_WORDS]: { $all: terms } });
  return { filter: { $and: and }, terms };
}
