import type { ContactBrief, ServiceDetail, ServiceSummary } from '../../../server/contract/directory/services/service.schemas.js';
import type { CorrectedWord, Understood } from '../../../server/contract/directory/search/understood.schemas.js';

/** A server response type after JSON: dates arrive as ISO strings. */
export type OverTheWire<T> = T extends Date
  ? string
  : T extends readonly (infer E)[]
    ? OverTheWire<E>[]
    : T extends object
      ? { [K in keyof T]: OverTheWire<T[K]> }
      : T;

/**
 * Shapes of the /api/v1 responses the web app reads, every one inferred from the server's view schemas
 * (type-only: nothing of the server reaches the bundle), so they cannot drift from what the API sends.
 * A lint rule keeps hand-written shapes out of this file.
 */

export type { OrganizationDetail } from '../../../server/contract/directory/organizations/organization.schemas.js';
export type { PhoneView as Phone } from '../../../server/contract/directory/records/view-schemas.js';
export type { ContactBrief as Contact, ServiceDetail, ServiceSummary };
export type Schedule = ServiceDetail['schedules'][number];
export type { CorrectedWord, Understood };
export type { WayOn } from '../../../server/contract/directory/search/way-on.schemas.js';

export type { Meta } from '../../../server/contract/site/meta.schemas.js';
export type { FacetName, Facets } from '../../../server/contract/directory/search/facets.schemas.js';

export type {
  GovernorateView as Governorate,
  GovernorateFeature,
  GovernorateCollection,
} from '../../../server/contract/directory/governorates/governorate.schemas.js';

export type { HotlineView as Hotline } from '../../../server/contract/directory/hotlines/hotline.schemas.js';

export type { TermView as TaxonomyTerm } from '../../../server/contract/directory/taxonomy/taxonomy.schemas.js';

export type { Page } from '../../../server/contract/directory/records/page.schemas.js';
export type { ServicePage } from '../../../server/contract/directory/search/service-page.schemas.js';

export type { MapCollection, MapFeature } from '../../../server/contract/directory/search/map.schemas.js';

export type { UserView as User } from '../../../server/contract/accounts/account.schemas.js';

export type { FieldProblemView as FieldProblem, ProblemView as Problem } from '../../../server/contract/problem.schemas.js';
