import { get, getGovernorate, getServiceDetails, searchAllServices } from '../../api/client.js';
import type { Reference } from '../../api/reference.js';
import type { ContactBrief as Contact, ServiceDetail, ServiceSummary } from '../../../../server/contract/directory/services/service.schemas.js';
import type { GovernorateView as Governorate } from '../../../../server/contract/directory/governorates/governorate.schemas.js';
import type { Page } from '../../../../server/contract/directory/records/page.schemas.js';
import type { PhoneView as Phone } from '../../../../server/contract/directory/records/view-schemas.js';
import type { TermView as TaxonomyTerm } from '../../../../server/contract/directory/taxonomy/taxonomy.schemas.js';
import type { ActivityView } from '../../../../server/contract/activities/activity.schemas.js';
import type { ActivitySummary, Coverage } from '../../../../server/contract/coverage/coverage.schemas.js';

/** Most services a governorate page lists; beyond that the directory's search and filters serve better. */
export const GOVERNORATE_LIMIT = 200;

export interface GovernorateServices {
  governorate: Governorate;
  services: ServiceSummary[];
  total: number;
}

export async function loadGovernorateServices(code: string, signal: AbortSignal): Promise<GovernorateServices> {
  const [governorate, page] = await Promise.all([
    getGovernorate(code, signal),
    searchAllServices({ governorate: code, sort: 'name' }, GOVERNORATE_LIMIT, signal),
  ]);
  return { governorate, services: page.items, total: page.total };
}

export interface CategoryGroup {
  category: TaxonomyTerm;
  services: ServiceSummary[];
}

/** Services under each of their categories, in taxonomy order; categories without services are left out. */
export function groupByCategory(services: ServiceSummary[], reference: Reference, first?: string): CategoryGroup[] {
  const categories = [...reference.categories];
  if (first) categories.sort((a, b) => Number(b.code === first) - Number(a.code === first));
  return categories
    .map((category) => ({ category, services: services.filter((s) => s.categories.includes(category.code)) }))
    .filter((group) => group.services.length > 0);
}

/**
 * Service details (contacts, phones) for a list of services, delivered as they arrive so the page
 * fills in progressively; `onProgress` gets the map of details loaded so far.
 */
export async function loadDetails(
  services: ServiceSummary[],
  signal: AbortSignal,
  onProgress: (details: ReadonlyMap<string, ServiceDetail>) => void,
): Promise<ReadonlyMap<string, ServiceDetail>> {
  const details = new Map<string, ServiceDetail>();
  await getServiceDetails(
    services.map((s) => s.id),
    (detail) => {
      details.set(detail.id, detail);
      onProgress(details);
    },
    signal,
  );
  return details;
}

/** Who to call to refer: the referral focal points, else any contact; and the service's own numbers. */
export function referralContacts(detail: ServiceDetail | undefined): { contacts: Contact[]; phones: Phone[] } {
  if (!detail) return { contacts: [], phones: [] };
  const focal = detail.contacts.filter((c) => c.referralFocalPoint);
  return { contacts: focal.length ? focal : detail.contacts.slice(0, 1), phones: detail.phones };
}

/** Most recent activities a governorate page lists. */
export const ACTIVITY_LIMIT = 10;

export interface GovernorateActivities {
  /** Count and reach over the whole period (the coverage figures); null for a code coverage does not know. */
  summary: ActivitySummary | null;
  recent: ActivityView[];
}

/** Activities (4W) of the last twelve months in a governorate: the coverage figures and the most recent ones. */
export async function loadGovernorateActivities(code: string, signal: AbortSignal): Promise<GovernorateActivities> {
  const coverage = await get<Coverage>('/coverage', {}, signal);
  const summary = coverage.governorates.find((g) => g.code === code)?.activities ?? null;
  const page = await get<Page<ActivityView>>(
    '/activities',
    { governorate: code, from: coverage.period.from, to: coverage.period.to, perPage: ACTIVITY_LIMIT },
    signal,
  );
  return { summary, recent: page.items };
}
