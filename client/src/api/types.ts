import type { Role } from '../../../server/accounts/permission-matrix.js';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { Lang, Translated } from '../i18n/types.js';
import type { ContactBrief, ServiceDetail, ServiceSummary } from '../../../server/directory/services/service.schemas.js';
import type { Understood } from '../../../server/directory/search/understand-query.js';

/** A server response type after JSON: dates arrive as ISO strings. */
export type OverTheWire<T> = T extends Date
  ? string
  : T extends readonly (infer E)[]
    ? OverTheWire<E>[]
    : T extends object
      ? { [K in keyof T]: OverTheWire<T[K]> }
      : T;

/** Shapes of the /api/v1 responses the web app reads. */

// Inferred from the server's view schemas (type-only: nothing of the server reaches the bundle), so
// they cannot drift from what the API sends.
export type { OrganizationDetail } from '../../../server/directory/organizations/organization.schemas.js';
export type { PhoneView as Phone } from '../../../server/directory/records/view-schemas.js';
export type { ContactBrief as Contact, ServiceDetail, ServiceSummary };
export type Schedule = ServiceDetail['schedules'][number];
export type { Understood };
export type { WayOn } from '../../../server/directory/search/way-on.js';

export interface Meta {
  sampleData: boolean;
  tileUrl: string | null;
  tileAttribution: string;
  languages: Lang[];
}

export interface Governorate {
  code: string;
  pcode: string | null;
  iso: string;
  name: Translated;
  capital: Translated;
  lat: number;
  lng: number;
  serviceCount: number;
}

export interface GovernorateFeature {
  type: 'Feature';
  id: string;
  properties: { code: string; pcode: string | null; name: Translated; capital: Translated; lat: number; lng: number };
  geometry: Polygon | MultiPolygon | Point;
}

export interface GovernorateCollection {
  type: 'FeatureCollection';
  features: GovernorateFeature[];
}

export interface TaxonomyTerm {
  code: string;
  parent: string | null;
  name: Translated;
  description?: Translated;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

/** A page of the service list, with the filters it read from the words typed. */
export type ServicePage = Page<ServiceSummary> & { understood: Understood[] };

export type FacetName = 'governorate' | 'category' | 'population' | 'language' | 'organizationType';

export type Facets = { total: number } & Record<FacetName, Record<string, number>>;

export interface MapFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  /** n: name in the asked language, o: organisation, c: category codes, p: exact ('e') or governorate-level ('g'). */
  properties: { n: string; o: string; c: string[]; p: 'e' | 'g' };
}

export interface MapCollection {
  type: 'FeatureCollection';
  features: MapFeature[];
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organization: { id: string; name: Translated | string } | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every API error is sent. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  /** Set on a 422 for a reused Idempotency-Key: the referral that key already created. */
  referralId?: string;
}
