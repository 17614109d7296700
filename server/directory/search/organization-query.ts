import type { z } from 'zod';
import { queryTerms } from '../../platform/text/normalize.js';
import type { ArchivedChoice } from '../../contract/directory/records/archived.js';
import { VerificationFilterParam } from '../records/verification.js';
import { runServicePlan } from '../catalog/queries.js';
import { NO_NEAR } from './near.js';
import type { Taxonomy } from '../taxonomy/taxonomy.data.js';
import { DAY_MS, DirectoryFilterParams } from './service-query.js';
import type { OrganizationPlan, OrganizationPlanField } from './service-plan.js';

/** Search and filters of the organisation list. `category` and `population` look at the organisations' live services. */
export const OrganizationFilterParams = {
  ...DirectoryFilterParams,
  verification: VerificationFilterParam,
};
export type OrganizationFilters = z.infer<z.ZodObject<typeof OrganizationFilterParams>>;


/**
 * The organisation list's search compiled into a plan over the organisations' read model: codes,
 * dates and words only, no database filter. `category` and `population` become the organisations
 * of the live services that a plan over the services' read model finds.
 */
export async function organizationSearch(
  f: OrganizationFilters,
  taxonomy: Taxonomy,
  archived: ArchivedChoice = 'exclude',
  now = new Date(),
): Promise<{ plan: OrganizationPlan; terms: string[] }> {
  const anyOf: OrganizationPlan['anyOf'] = {};
  const anyOfCodes = (field: OrganizationPlanField, values: readonly string[] | undefined) => {
    if (values?.length) anyOf[field] = [...values];
  };
  anyOfCodes('governorates', f.governorate);
  anyOfCodes('languages', f.language);
  anyOfCodes('type', f.organizationType);
  // Ids as the read model keeps them: lower-case hex.
  anyOfCodes('_id', f.organization?.map((id) => id.toLowerCase()));
  anyOfCodes('verification.status', f.verification);
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
    const offering = new Set(services.map((s) => s.organizationId.toHexString()));
    anyOf._id = anyOf._id ? anyOf._id.filter((id) => offering.has(id)) : [...offering];
  }
  const terms = f.q ? queryTerms(f.q) : [];
  const plan: OrganizationPlan = {
    anyOf,
    archived,
    words: terms.map((text) => ({ text, alternatives: [] })),
    ...(f.acceptsReferrals !== undefined ? { acceptsReferrals: f.acceptsReferrals } : {}),
    ...(f.verifiedWithinDays ? { verifiedSince: new Date(now.getTime() - f.verifiedWithinDays * DAY_MS) } : {}),
  };
  return { plan, terms };
}
