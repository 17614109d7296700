import { REACH_GROUPS, reachTotal, type Reach } from '../contract/activities/vocabulary.js';
import type { ActivitySummary, CoverageCell } from '../contract/coverage/coverage.schemas.js';
import type { ActivityGroup, ServiceGroup } from './coverage.data.js';

interface CellCount {
  services: number;
  verified: number;
  organizations: Set<string>;
}

/** The counts of one area: a governorate, or the whole country. */
class Area {
  readonly cells = new Map<string, CellCount>();
  services = 0;
  readonly organizations = new Set<string>();
  activities = 0;
  readonly reached: Reach = { women: 0, men: 0, girls: 0, boys: 0 };

  constructor(categories: string[]) {
    for (const code of categories) this.cells.set(code, { services: 0, verified: 0, organizations: new Set() });
  }

  addServices(organizationId: string, categories: string[], services: number, verified: number): void {
    this.services += services;
    this.organizations.add(organizationId);
    for (const code of categories) {
      const cell = this.cells.get(code)!;
      cell.services += services;
      cell.verified += verified;
      cell.organizations.add(organizationId);
    }
  }

  addActivities(count: number, reachedEach: Reach): void {
    this.activities += count;
    for (const group of REACH_GROUPS) this.reached[group] += count * reachedEach[group];
  }

  categories(): Record<string, CoverageCell> {
    return Object.fromEntries(
      [...this.cells].map(([code, c]) => [
        code,
        {
          services: c.services,
          organizations: c.organizations.size,
          verifiedShare: c.services ? c.verified / c.services : null,
          gap: c.services === 0,
        },
      ]),
    );
  }

  gaps(): string[] {
    return [...this.cells].filter(([, c]) => c.services === 0).map(([code]) => code);
  }

  totals() {
    return { services: this.services, organizations: this.organizations.size };
  }

  activitySummary(): ActivitySummary {
    return { count: this.activities, reached: { ...this.reached, total: reachTotal(this.reached) } };
  }
}

/**
 * Spreads grouped services and activities over the governorates of their area and the categories
 * reported. A service counts once per governorate it covers and once in the country, however many
 * of the reported categories it has; the same goes for organisations and activities.
 */
export class CoverageTally {
  private readonly governorates = new Map<string, Area>();
  private readonly country: Area;
  private readonly categories: Set<string>;

  constructor(categories: string[], governorateCodes: string[]) {
    this.categories = new Set(categories);
    this.country = new Area(categories);
    for (const code of governorateCodes) this.governorates.set(code, new Area(categories));
  }

  addServices(group: ServiceGroup): void {
    const categories = this.reported(group.categories);
    for (const area of this.areasOf(group.governorates, categories.length > 0)) {
      area.addServices(group.organizationId, categories, group.services, group.verified);
    }
  }

  addActivities(group: ActivityGroup): void {
    for (const area of this.areasOf(group.governorates, true)) area.addActivities(group.activities, group.reached);
  }

  governorate(code: string) {
    const area = this.governorates.get(code);
    if (!area) throw new Error(`not a governorate of this tally: ${code}`);
    return { categories: area.categories(), totals: area.totals(), gaps: area.gaps(), activities: area.activitySummary() };
  }

  national() {
    const area = this.country;
    return { categories: area.categories(), totals: area.totals(), activities: area.activitySummary() };
  }

  private reported(categories: string[]): string[] {
    return [...new Set(categories)].filter((code) => this.categories.has(code));
  }

  /** The governorates of an area (each once) and the country, or nothing if it covers no known governorate. */
  private areasOf(governorates: string[], relevant: boolean): Area[] {
    if (!relevant) return [];
    const areas = [...new Set(governorates)].flatMap((code) => this.governorates.get(code) ?? []);
    return areas.length ? [...areas, this.country] : [];
  }
}
