import { oneEditAway, TYPO_MIN_LENGTH } from '../../platform/text/edits.js';
import { boundingBox, kmFrom, latitudeReach, type LatLng } from '../search/distance.js';
import {
  CONTACT_PLAN_FIELDS,
  LOCATION_PLAN_FIELDS,
  ORGANIZATION_PLAN_FIELDS,
  PLAN_FIELDS,
  type ContactPlanField,
  type LocationPlanField,
  type OrganizationPlanField,
  type PlanField,
  type RecordPlan,
} from '../search/service-plan.js';
import type { CorrectedWord } from '../../contract/directory/search/understood.schemas.js';
import type { CatalogRecord, ReadModel } from './catalog.js';
import type { CatalogContact, CatalogLocation, CatalogOrganization, CatalogSearch, CatalogService } from './directory-catalog.js';

/**
 * A catalog (services, organisations, places, contacts) compiled for searching: each record has a dense slot number, and every code a
 * plan can ask for has a sorted list of the slots that hold it. A plan runs as intersections of those
 * lists (smallest first), words as prefix ranges over a sorted word list, `near` through a coarse
 * grid; only the few per-record checks left read the records. Kept current record by record.
 * planFilter() + filter-match stay the reference it must agree with (test/unit/service-plan-executor.test.ts).
 */

/** Sorted slots, no duplicates. */
type Slots = ArrayLike<number>;

const EMPTY: Slots = [];

function lowerBound<T>(items: ArrayLike<T>, target: T, from = 0): number {
  let low = from;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (items[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first index at or after `from` whose slot is ≥ target, by doubling steps: cheap when the next match is near. */
function gallop(slots: Slots, target: number, from: number): number {
  let step = 1;
  let high = from;
  while (high < slots.length && slots[high]! < target) {
    from = high + 1;
    high += step;
    step *= 2;
  }
  let low = from;
  high = Math.min(high, slots.length);
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (slots[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Calls `visit(i)`, in order, for each index i of `a` whose slot is also in `b`: O(m log(n/m)) for m ≪ n. */
function eachCommon(a: Slots, b: Slots, visit: (i: number) => void): void {
  if (a.length <= b.length) {
    for (let i = 0, j = 0; i < a.length && j < b.length; i++) {
      j = gallop(b, a[i]!, j);
      if (j < b.length && b[j] === a[i]) visit(i);
    }
  } else {
    for (let i = 0, j = 0; j < b.length && i < a.length; j++) {
      i = gallop(a, b[j]!, i);
      if (i < a.length && a[i] === b[j]) visit(i);
    }
  }
}

function insertSlot(list: number[], slot: number): void {
  if (!list.length || list[list.length - 1]! < slot) {
    list.push(slot);
    return;
  }
  const at = lowerBound(list, slot);
  if (list[at] !== slot) list.splice(at, 0, slot);
}

function removeSlot(list: number[], slot: number): void {
  const at = lowerBound(list, slot);
  if (list[at] === slot) list.splice(at, 1);
}

/** Slot lists by key. */
class Postings {
  readonly lists = new Map<string, number[]>();

  add(key: string, slot: number): boolean {
    const list = this.lists.get(key);
    if (list) insertSlot(list, slot);
    else this.lists.set(key, [slot]);
    return !list;
  }

  /** True when the key has no slot left (and was dropped). */
  remove(key: string, slot: number): boolean {
    const list = this.lists.get(key);
    if (!list) return false;
    removeSlot(list, slot);
    if (list.length) return false;
    this.lists.delete(key);
    return true;
  }

  get(key: string): Slots {
    return this.lists.get(key) ?? EMPTY;
  }
}

const isObjectId = (v: unknown): v is { toHexString(): string } =>
  typeof v === 'object' && v !== null && typeof (v as { toHexString?: unknown }).toHexString === 'function';

/** The code a stored value answers to, as the filter interpreter compares them: strings as they are, ids by hex. */
const codeOf = (v: unknown) => (typeof v === 'string' ? v : isObjectId(v) ? v.toHexString() : undefined);

/**
 * Calls `visit` with each code of a stored value (one per array element). A code may come twice:
 * adding or removing a slot twice is the same as once.
 */
function eachCode(value: unknown, visit: (code: string) => void): void {
  if (Array.isArray(value)) {
    for (const element of value) {
      const code = codeOf(element);
      if (code !== undefined) visit(code);
    }
    return;
  }
  const code = codeOf(value);
  if (code !== undefined) visit(code);
}

function getPath(record: object, path: readonly string[]): unknown {
  let current: unknown = record;
  for (const key of path) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Fields with postings: those a plan names, and the places (for services measured from a capital). */

/** Grid cells of a tenth of a degree (~11 km): a radius search looks at the cells its box covers. */
const CELL_DEG = 0.1;
/** Cells by row and column in one number (columns span ±1800). */
const cellKey = (latCell: number, lngCell: number) => latCell * 8192 + lngCell;
const cellOf = (degrees: number) => Math.floor(degrees / CELL_DEG);

interface Cell {
  lat: number;
  lng: number;
  slots: number[];
}

/**
 * What a run needs: the places whose services are measured from a capital, each service's public
 * point, and the organisations (hex ids) where someone receives referrals (runServicePlan adds them).
 */
export interface PlanContext<T = CatalogService> {
  hiddenPlaces: readonly { toString(): string }[];
  pointOf(record: T): LatLng | null;
  /**
   * The version of what `pointOf` reads besides the record: given, the read model keeps each record's
   * answer (typed columns) for later runs with the same `pointOf` and version, instead of asking again.
   */
  pointsVersion?: () => string;
  receiving: ReadonlySet<string>;
}

export interface PlanResult<T = CatalogService> {
  /** The matching records, in no particular order. */
  services: T[];
  /** With `near`: km from its centre to each service's public point (null: none), aligned with `services`. */
  distances?: (number | null)[];
  /** Text words read as another (ServicePlan.correctTypos), as normalised. */
  corrections?: CorrectedWord[];
}

const timeOf = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : NaN);
const tristate = (v: unknown) => (v === true ? 1 : v === false ? 0 : -1);

/** What a compiled catalog reads of each record besides its plan fields (the fields a kind of record lacks stay empty). */
export interface PlannedRecord extends CatalogRecord {
  /** Places and contacts have no words. */
  search?: CatalogSearch;
  archivedAt?: unknown;
  confidential?: boolean | null;
  point?: unknown;
  lastVerifiedAt?: unknown;
  capacityFreeAt?: unknown;
  acceptsReferrals?: boolean | null;
}

export class PlanReadModel<T extends PlannedRecord, F extends string> implements ReadModel<T> {
  private readonly slotOf = new Map<string, number>();
  private readonly records: (T | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly fields: Map<F, Postings>;
  /** The same postings with each field's path split, for indexing a record. */
  private readonly indexed: { path: readonly string[]; postings: Postings }[];
  /** `archivedAt` null or missing, or set. */
  private readonly flags = new Postings();
  private readonly words = new Postings();
  /**
   * The keys of `words`, sorted: every word starting with a prefix is one range. Sorted once at the
   * first search after a load (one sort instead of an insertion per new word), then kept in order.
   */
  private sortedWords_: string[] | undefined;
  /** Every letter of those words: what a typo's one edit may put in. */
  private readonly letters = new Set<string>();
  private readonly cells = new Map<number, Cell>();
  // Per-slot columns for the checks done record by record.
  private lat = new Float64Array(1024);
  private lng = new Float64Array(1024);
  private verifiedAt = new Float64Array(1024);
  private capacityFreeAt = new Float64Array(1024);
  private referrals = new Int8Array(1024);
  // Each slot's public point as PlanContext.pointOf answered: 0 not asked yet, 1 none, 2 at (pointLat, pointLng).
  private pointKnown = new Int8Array(1024);
  private pointLat = new Float64Array(1024);
  private pointLng = new Float64Array(1024);
  /** The pointOf and version the kept points answer for. */
  private pointsFor: { pointOf: unknown; version: string } | undefined;

  /**
   * `fields`: those a plan can ask for codes of; `receiverOf`: the organisation whose receivers decide
   * whether a record accepts referrals on the platform.
   */
  constructor(
    fields: readonly F[],
    private readonly receiverOf: (record: T) => string,
  ) {
    this.fields = new Map(fields.map((f) => [f, new Postings()]));
    this.indexed = [...this.fields].map(([f, postings]) => ({ path: f.split('.'), postings }));
  }

  private get sortedWords(): string[] {
    return (this.sortedWords_ ??= [...this.words.lists.keys()].sort());
  }

  get size(): number {
    return this.slotOf.size;
  }

  add(id: string, record: T): void {
    const slot = this.freeSlots.pop() ?? this.records.length;
    if (slot >= this.lat.length) this.grow();
    this.slotOf.set(id, slot);
    this.records[slot] = record;
    this.index(slot, record, true);
  }

  remove(id: string, record: T): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.index(slot, record, false);
    this.slotOf.delete(id);
    this.records[slot] = undefined;
    this.freeSlots.push(slot);
  }

  private grow(): void {
    const widen = <A extends Float64Array | Int8Array>(a: A, make: (n: number) => A) => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    this.lat = widen(this.lat, (n) => new Float64Array(n));
    this.lng = widen(this.lng, (n) => new Float64Array(n));
    this.verifiedAt = widen(this.verifiedAt, (n) => new Float64Array(n));
    this.capacityFreeAt = widen(this.capacityFreeAt, (n) => new Float64Array(n));
    this.referrals = widen(this.referrals, (n) => new Int8Array(n));
    this.pointKnown = widen(this.pointKnown, (n) => new Int8Array(n));
    this.pointLat = widen(this.pointLat, (n) => new Float64Array(n));
    this.pointLng = widen(this.pointLng, (n) => new Float64Array(n));
  }

  /** Adds the slot to (or removes it from) every list the record belongs to. */
  private index(slot: number, record: T, adding: boolean): void {
    for (const { path, postings } of this.indexed) {
      if (adding) eachCode(getPath(record, path), (code) => postings.add(code, slot));
      else eachCode(getPath(record, path), (code) => postings.remove(code, slot));
    }
    const liveness = record.archivedAt == null ? 'live' : 'archived';
    if (adding) this.flags.add(liveness, slot);
    else this.flags.remove(liveness, slot);
    if (record.confidential === true) {
      if (adding) this.flags.add('confidential', slot);
      else this.flags.remove('confidential', slot);
    }
    const sorted = this.sortedWords_;
    for (const word of record.search?.words ?? []) {
      if (adding) {
        if (this.words.add(word, slot)) {
          sorted?.splice(lowerBound(sorted, word), 0, word);
          for (const letter of word) this.letters.add(letter);
        }
      } else if (this.words.remove(word, slot)) sorted?.splice(lowerBound(sorted, word), 1);
    }
    const point = record.point as { lat?: unknown; lng?: unknown } | null | undefined;
    const lat = point?.lat;
    const lng = point?.lng;
    const placed = typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng);
    if (placed) {
      const key = cellKey(cellOf(lat), cellOf(lng));
      let cell = this.cells.get(key);
      if (adding) {
        if (!cell) this.cells.set(key, (cell = { lat: cellOf(lat), lng: cellOf(lng), slots: [] }));
        insertSlot(cell.slots, slot);
      } else if (cell) {
        removeSlot(cell.slots, slot);
        if (!cell.slots.length) this.cells.delete(key);
      }
    }
    this.pointKnown[slot] = 0;
    if (adding) {
      this.lat[slot] = placed ? lat : NaN;
      this.lng[slot] = placed ? lng : NaN;
      this.verifiedAt[slot] = timeOf(record.lastVerifiedAt);
      this.capacityFreeAt[slot] = timeOf(record.capacityFreeAt);
      this.referrals[slot] = tristate(record.acceptsReferrals);
    }
  }

  /** Every live slot: the answer to a plan with no condition on lists. */
  private allSlots(): number[] {
    const out: number[] = [];
    this.records.forEach((r, slot) => {
      if (r) out.push(slot);
    });
    return out;
  }

  /** The slots of every word that starts with one of the forms. */
  private wordSlots(forms: readonly string[]): Slots[] {
    const lists: Slots[] = [];
    for (const form of new Set(forms)) {
      for (let i = lowerBound(this.sortedWords, form); i < this.sortedWords.length && this.sortedWords[i]!.startsWith(form); i++) {
        lists.push(this.words.get(this.sortedWords[i]!));
      }
    }
    return lists;
  }

  /**
   * The slots a radius admits before the exact distance: those whose stored point lies in its box,
   * and those measured from a governorate capital whatever they stored (confidential, or at a hidden
   * place) — a stale exact point must not decide, or probing boxes would locate a shelter.
   */
  private nearSlots(center: LatLng, radiusKm: number, hiddenPlaces: PlanContext['hiddenPlaces']): Slots[] {
    const box = boundingBox(center, radiusKm);
    const [latLow, latHigh, lngLow, lngHigh] = [cellOf(box.minLat), cellOf(box.maxLat), cellOf(box.minLng), cellOf(box.maxLng)];
    const covered: Cell[] = [];
    if ((latHigh - latLow + 1) * (lngHigh - lngLow + 1) > this.cells.size) {
      for (const cell of this.cells.values()) {
        if (cell.lat >= latLow && cell.lat <= latHigh && cell.lng >= lngLow && cell.lng <= lngHigh) covered.push(cell);
      }
    } else {
      for (let la = latLow; la <= latHigh; la++) {
        for (let ln = lngLow; ln <= lngHigh; ln++) {
          const cell = this.cells.get(cellKey(la, ln));
          if (cell) covered.push(cell);
        }
      }
    }
    const inBox: number[] = [];
    for (const { slots } of covered) {
      for (const s of slots) {
        const lat = this.lat[s]!;
        const lng = this.lng[s]!;
        if (lat >= box.minLat && lat <= box.maxLat && lng >= box.minLng && lng <= box.maxLng) inBox.push(s);
      }
    }
    const places = this.fields.get('locationIds' as F);
    return [Int32Array.from(inBox).sort(), this.flags.get('confidential'), ...(places ? hiddenPlaces.map((id) => places.get(String(id))) : [])];
  }

  /** The union of sorted lists, sorted. */
  private union(lists: readonly Slots[]): Slots {
    if (lists.length === 1) return lists[0]!;
    let total = 0;
    for (const list of lists) total += list.length;
    // Few slots: sorting them beats sweeping a mark per slot of the whole catalog.
    if (total * 16 < this.records.length) {
      const out = new Int32Array(total);
      let n = 0;
      for (const list of lists) for (let i = 0; i < list.length; i++) out[n++] = list[i]!;
      out.sort();
      let unique = 0;
      for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[i - 1]) out[unique++] = out[i]!;
      return out.subarray(0, unique);
    }
    const marks = new Uint8Array(this.records.length);
    for (const list of lists) for (let i = 0; i < list.length; i++) marks[list[i]!] = 1;
    const out: number[] = [];
    for (let s = 0; s < marks.length; s++) if (marks[s]) out.push(s);
    return out;
  }

  /** The candidates that are in at least one of the lists. */
  private narrow(candidates: Slots, lists: readonly Slots[]): Slots {
    const keep = new Uint8Array(candidates.length);
    let total = 0;
    for (const list of lists) total += list.length;
    // Many long lists (a short prefix): their union once is cheaper than searching each for every candidate.
    const searches = lists.length * candidates.length * Math.log2(2 + total / Math.max(1, lists.length * candidates.length));
    const lookIn = searches > total + this.records.length ? [this.union(lists)] : lists;
    for (const list of lookIn) {
      eachCommon(candidates, list, (i) => {
        keep[i] = 1;
      });
    }
    const out: number[] = [];
    for (let i = 0; i < candidates.length; i++) if (keep[i]) out.push(candidates[i]!);
    return out;
  }

  /** Whether some word of the catalog starts with `prefix`. */
  private starts(prefix: string): boolean {
    return this.sortedWords[lowerBound(this.sortedWords, prefix)]?.startsWith(prefix) ?? false;
  }

  /**
   * The plan with its typos read (ServicePlan.correctTypos): a word of five letters or more that
   * starts no word of the catalog becomes the catalog's word one edit away that most services use.
   * Kept apart from run() so that the plan run is still one that planFilter() describes.
   */
  corrected<P extends RecordPlan<F>>(plan: P): { plan: P; corrections: CorrectedWord[] } {
    if (!plan.correctTypos) return { plan, corrections: [] };
    const corrections: CorrectedWord[] = [];
    const words = plan.words.map((word) => {
      const forms = [word.text, ...word.alternatives];
      if ([...word.text].length < TYPO_MIN_LENGTH || forms.some((form) => this.starts(form))) return word;
      let best: string | undefined;
      let uses = 0;
      for (const near of oneEditAway(word.text, this.letters)) {
        const n = this.words.get(near).length;
        if (n > uses || (n === uses && n && near < best!)) [best, uses] = [near, n];
      }
      if (!best) return word;
      corrections.push({ word: word.text, correctedTo: best });
      return { ...word, text: best };
    });
    return { plan: { ...plan, words }, corrections };
  }

  /**
   * Asks `pointOf` the public point of the slot's record, or reads the answer kept from an earlier run
   * (`keep`: the context allows it, see keptPoints): 1 none, 2 at (pointLat, pointLng)[slot].
   */
  private publicPoint(slot: number, record: T, context: PlanContext<T>, keep: boolean): number {
    if (keep && this.pointKnown[slot]) return this.pointKnown[slot]!;
    const point = context.pointOf(record);
    this.pointLat[slot] = point ? point.lat : NaN;
    this.pointLng[slot] = point ? point.lng : NaN;
    return (this.pointKnown[slot] = point ? 2 : 1);
  }

  /** Whether the points kept answer for this context; when they do not, they are forgotten and kept anew. */
  private keptPoints(context: PlanContext<T>): boolean {
    const version = context.pointsVersion?.();
    if (version === undefined) {
      // Answers of this context will overwrite the columns: none of them is kept any more.
      this.pointsFor = undefined;
      return false;
    }
    if (this.pointsFor?.pointOf !== context.pointOf || this.pointsFor.version !== version) {
      this.pointKnown.fill(0);
      this.pointsFor = { pointOf: context.pointOf, version };
    }
    return true;
  }

  /** Runs a plan: the records it matches, and with `near`, their distances. */
  run(plan: RecordPlan<F>, context: PlanContext<T>): PlanResult<T> {
    // Each condition: a slot must be in at least one of its lists.
    const conditions: Slots[][] = [];
    if (plan.archived !== 'include') conditions.push([this.flags.get(plan.archived === 'only' ? 'archived' : 'live')]);
    for (const [field, postings] of this.fields) {
      const codes = plan.anyOf[field];
      if (!codes) continue;
      conditions.push(codes.map((code) => postings.get(field === 'organizationId' ? code.toLowerCase() : code)));
    }
    for (const word of plan.words) conditions.push(this.wordSlots([word.text, ...word.alternatives]));
    const radiusKm = plan.near?.radiusKm;
    if (plan.near && radiusKm) conditions.push(this.nearSlots(plan.near.center, radiusKm, context.hiddenPlaces));

    const estimate = (lists: Slots[]) => lists.reduce((n, l) => n + l.length, 0);
    const ordered = conditions.map((lists) => ({ lists, size: estimate(lists) })).sort((a, b) => a.size - b.size);
    let slots: Slots = ordered.length ? this.union(ordered[0]!.lists) : this.allSlots();
    for (let c = 1; c < ordered.length && slots.length; c++) slots = this.narrow(slots, ordered[c]!.lists);

    const since = plan.verifiedSince?.getTime();
    const referrals = plan.acceptsReferrals;
    const freeSince = plan.freeCapacity?.since.getTime();
    const freeOfConfidential = plan.freeCapacity?.confidentialToo ?? true;
    const services: T[] = [];
    const distances: (number | null)[] | undefined = plan.near ? [] : undefined;
    const near = plan.near;
    const keep = near ? this.keptPoints(context) : false;
    const km = near ? kmFrom(near.center) : undefined;
    const reach = radiusKm ? latitudeReach(radiusKm) : Infinity;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i]!;
      if (since !== undefined && !(this.verifiedAt[s]! >= since)) continue;
      if (freeSince !== undefined && !(this.capacityFreeAt[s]! >= freeSince)) continue;
      const record = this.records[s]!;
      if (!freeOfConfidential && record.confidential === true) continue;
      if (referrals !== undefined && (this.referrals[s] === 1 && context.receiving.has(this.receiverOf(record))) !== referrals) continue;
      if (plan.publicOnly && record.confidential === true) continue;
      if (near) {
        const placed = this.publicPoint(s, record, context, keep) === 2;
        const lat = this.pointLat[s]!;
        // The exact distance only for points whose latitude is in range.
        if (radiusKm && (!placed || Math.abs(lat - near.center.lat) > reach)) continue;
        const d = placed ? km!(lat, this.pointLng[s]!) : null;
        if (radiusKm && (d === null || d > radiusKm)) continue;
        distances!.push(d);
      }
      services.push(record);
    }
    return distances ? { services, distances } : { services };
  }
}

/** The services' read model: searches, facets and the map run their plans here. */
export const serviceReadModel = () => new PlanReadModel<CatalogService, PlanField>(PLAN_FIELDS, (s) => s.organizationId.toHexString());

/** The organisations' read model: the organisation list runs its plans here; an organisation receives its own referrals. */
export const organizationReadModel = () => new PlanReadModel<CatalogOrganization, OrganizationPlanField>(ORGANIZATION_PLAN_FIELDS, (o) => o._id.toHexString());

/** Places and contacts: their lists by owner run here (nobody receives referrals for them). */
export const locationReadModel = () => new PlanReadModel<CatalogLocation, LocationPlanField>(LOCATION_PLAN_FIELDS, (l) => l.organizationId.toHexString());
export const contactReadModel = () => new PlanReadModel<CatalogContact, ContactPlanField>(CONTACT_PLAN_FIELDS, (c) => c.organizationId.toHexString());

export type ServiceReadModel = ReturnType<typeof serviceReadModel>;
export type OrganizationReadModel = ReturnType<typeof organizationReadModel>;
export type LocationReadModel = ReturnType<typeof locationReadModel>;
export type ContactReadModel = ReturnType<typeof contactReadModel>;
