import { get, getSignedIn, toSearchParams } from '../../api/client.js';
import type { Coverage, EscalatedReferrals, ReferralCoverage } from '../../../../server/contract/coverage/coverage.schemas.js';
import type { MatrixRows } from '../../components/coverage-matrix/coverage-matrix.js';

/** Everything the dashboard shows, as held in its URL. */
export interface CoverageState {
  /** A category or group code; '' for all. */
  category: string;
  /** A population code; '' for everyone. */
  population: string;
  /** The category the map shows; '' for the first one reported. */
  map: string;
  rows: MatrixRows;
}

export function parseCoverageState(params: URLSearchParams): CoverageState {
  return {
    category: params.get('category') ?? '',
    population: params.get('population') ?? '',
    map: params.get('map') ?? '',
    rows: params.get('rows') === 'categories' ? 'categories' : 'governorates',
  };
}

export function coverageUrl(state: CoverageState): string {
  const search = toSearchParams({ ...state, rows: state.rows === 'governorates' ? '' : state.rows }).toString();
  return search ? `/coverage?${search}` : '/coverage';
}

const filtersOf = (state: CoverageState) => ({ category: state.category, population: state.population });

export function loadCoverage(state: CoverageState, signal: AbortSignal): Promise<Coverage> {
  return get<Coverage>('/coverage', filtersOf(state), signal);
}

/** Referral figures per governorate: only for those allowed `coverage:referral-stats`. */
export function loadReferralCoverage(signal: AbortSignal): Promise<ReferralCoverage> {
  return getSignedIn<ReferralCoverage>('/coverage/referrals', {}, signal);
}

/** Urgent referrals escalated to the governorates the viewer oversees (same permission). */
export function loadEscalatedReferrals(signal: AbortSignal): Promise<EscalatedReferrals> {
  return getSignedIn<EscalatedReferrals>('/coverage/referrals/escalated', {}, signal);
}

/** The CSV export of the filtered matrix (with the HXL hashtag row if asked). */
export function exportUrl(state: CoverageState, hxl: boolean): string {
  const search = toSearchParams({ ...filtersOf(state), hxl: hxl ? '1' : '' }).toString();
  return `/api/v1/coverage.csv${search ? `?${search}` : ''}`;
}
