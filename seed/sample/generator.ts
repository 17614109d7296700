/**
 * The fictional sample directory: organisations with their offices, services and contacts, in every
 * governorate. One deterministic generator serves both the small demo sample and `--scale N`
 * benchmarks; it yields one organisation at a time so large runs never hold everything in memory.
 *
 * Records come out complete (every schema default filled in, ObjectIds assigned, references set),
 * so the seeder can insert them as they are without per-document Mongoose work.
 */
import { Types } from 'mongoose';
import { bundledGovernorates } from '../../server/directory/governorates/governorate-data.js';
import { DISTRICTS, districtName } from '../../server/directory/search/districts.js';
import type { VERIFICATION_STATES } from '../../server/directory/organizations/organization.model.js';
import type { Phone } from '../../server/directory/phone.js';
import { searchFields, type SearchFields } from '../../server/directory/search-fields.js';
import {
  ORGANIZATION_TYPES,
  SERVICE_LANGUAGES,
  type OrganizationType,
  type Population,
  type ServiceLanguage,
  type ServiceStatus,
} from '../../server/contract/directory/vocabulary.js';
import { allTexts, type Language, type Translated } from '../../server/platform/text/translated.js';
import { CATEGORY_CODES, TAXONOMY_TERMS } from '../../server/contract/directory/taxonomy/categories.js';
import { Random } from './random.js';
import * as words from './vocabulary.js';
import type { ServiceTemplate, Text, Text3 } from './vocabulary.js';

/** The demo sample: ~130 organisations, 460 services, ~340 contacts. */
export const SAMPLE_SERVICE_COUNT = 460;
export const SAMPLE_SEED = 2024;
/** Fewer services than this cannot give every governorate its two public bodies. */
export const MIN_SERVICES = 100;
const SERVICES_PER_ORGANIZATION = 3.5;
/** Contacts per service overall is ~0.75: one focal point per organisation plus this share of services. */
const SERVICE_CONTACT_SHARE = 0.75 - 1 / SERVICES_PER_ORGANIZATION;
const DAY_MS = 86_400_000;
/** lastVerifiedAt is spread over the last 18 months. */
const VERIFICATION_WINDOW_DAYS = 548;
/** Offices lie within a few kilometres of the governorate capital. */
const OFFICE_SPREAD_DEGREES = 0.05;

// ── Record shapes (what the seeder inserts) ──────────────────────────────────────────────────────

/** Fields every directory record carries (server/directory/record-plugin.ts). */
interface RecordFields {
  _id: Types.ObjectId;
  sample: true;
  archivedAt: null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrganizationRecord extends RecordFields {
  name: Translated;
  alternateName: string | null;
  description: Translated;
  type: OrganizationType;
  website: string | null;
  email: string | null;
  phones: Phone[];
  governorates: string[];
  headOfficeLocationId: Types.ObjectId;
  headOfficeGovernorate: string;
  languages: ServiceLanguage[];
  acceptsReferrals: boolean;
  yearIncorporated: number | null;
  legalStatus: string | null;
  verification: SampleVerification;
  lastVerifiedAt: Date | null;
  search: SearchFields;
}

type SampleVerification = {
  status: (typeof VERIFICATION_STATES)[number];
  verifiedBy: null;
  note: null;
  verifiedAt: null;
  /** Set by sample/change-history.ts on records with a change waiting. */
  changedAt: Date | null;
  rejection: null;
  /** Not followed for sample changes: their verified values are in the audit log (sample/change-history.ts). */
  previous: null;
};

export interface LocationRecord extends RecordFields {
  organizationId: Types.ObjectId;
  name: Translated;
  // No description: an empty one is not stored (Mongoose minimises empty objects).
  address: { street: Translated; city: Translated; district: string; governorate: string };
  lat: number;
  lng: number;
  confidential: boolean;
  /** Sample safe houses are confidential themselves: none is held secret for a service that left. */
  heldSecretSince: null;
}

export interface ScheduleRecord {
  byDay: string[];
  opensAt: string;
  closesAt: string;
  description: Translated;
}

export interface ServiceRecord extends RecordFields {
  organizationId: Types.ObjectId;
  name: Translated;
  description: Translated;
  categories: string[];
  populations: Population[];
  ageMin: number | null;
  ageMax: number | null;
  genderRestriction: 'any' | 'female' | 'male';
  languages: ServiceLanguage[];
  eligibility: Translated;
  applicationProcess: Translated;
  fees: Translated;
  free: boolean;
  schedules: ScheduleRecord[];
  status: ServiceStatus;
  locationIds: Types.ObjectId[];
  governorates: string[];
  confidential: boolean;
  url: string | null;
  email: string | null;
  phones: Phone[];
  lastVerifiedAt: Date;
  verification: SampleVerification;
  organizationType: OrganizationType;
  acceptsReferrals: boolean;
  point: { lat: number; lng: number; precision: 'exact' | 'governorate' };
  search: SearchFields;
  /** None: a sample figure of free beds would be stale, or worse, believed. */
  capacity: never[];
  capacityFreeAt: null;
  /** Sample services ask for no identification status and state no response time (the defaults). */
  requiredIdentification: 'none';
  responseCommitment: null;
}

export interface ContactRecord extends RecordFields {
  organizationId: Types.ObjectId;
  serviceId: Types.ObjectId | null;
  name: string;
  title: Translated;
  department: string | null;
  email: string | null;
  phones: Phone[];
  languages: ServiceLanguage[];
  referralFocalPoint: boolean;
}

/** One organisation with everything that belongs to it. */
export interface OrganizationBundle {
  organization: OrganizationRecord;
  locations: LocationRecord[];
  services: ServiceRecord[];
  contacts: ContactRecord[];
}

export interface SampleDirectory {
  organizations: OrganizationRecord[];
  locations: LocationRecord[];
  services: ServiceRecord[];
  contacts: ContactRecord[];
}

export interface GeneratorOptions {
  /** Number of services; organisations, locations and contacts follow in proportion. */
  services?: number;
  seed?: number;
  /** "Today" for the spread of verification dates (fixed in tests for identical output). */
  now?: Date;
}

// ── Public entry points ──────────────────────────────────────────────────────────────────────────

/** Yields the directory one organisation at a time (organisations, then what belongs to each). */
export function* generateDirectory(options: GeneratorOptions = {}): Generator<OrganizationBundle> {
  const generator = new DirectoryGenerator(options);
  for (const plan of generator.plans) yield generator.organization(plan);
}

/** The whole directory in memory: fine for the demo sample, not for large `--scale` runs. */
export function generateSampleDirectory(options: GeneratorOptions = {}): SampleDirectory {
  const out: SampleDirectory = { organizations: [], locations: [], services: [], contacts: [] };
  for (const bundle of generateDirectory(options)) {
    out.organizations.push(bundle.organization);
    out.locations.push(...bundle.locations);
    out.services.push(...bundle.services);
    out.contacts.push(...bundle.contacts);
  }
  return out;
}

// ── Implementation ───────────────────────────────────────────────────────────────────────────────

type Role = 'anti-trafficking-police' | 'social-affairs-directorate';

interface OrganizationPlan {
  serial: number;
  governorate: Governorate;
  type: OrganizationType;
  /** The two public bodies placed once in every governorate. */
  role?: Role;
  serviceCount: number;
}

/** A governorate with the names the generator needs in English and Arabic (and Kurdish where known). */
interface Governorate {
  code: string;
  name: Text;
  lat: number;
  lng: number;
  districts: Text[];
  kurdistanRegion: boolean;
}

/** An office, with the district it is in (services are named after it). */
interface Office {
  location: LocationRecord;
  district: Text;
}

/** What an organisation's locations, services and contacts take from it while they are made. */
interface OrganizationContext {
  plan: OrganizationPlan;
  organization: OrganizationRecord;
  offices: Map<string, Office>;
  locations: LocationRecord[];
  usedCategories: Set<string>;
}

const CATEGORY_NAMES = new Map(TAXONOMY_TERMS.map((term) => [term.code, allTexts(term.name)]));

const STATUS_WEIGHT: Record<ServiceStatus, number> = {
  active: 90,
  'temporarily-closed': 5,
  inactive: 4,
  defunct: 1,
};
const VERIFICATION_WEIGHT: Record<(typeof VERIFICATION_STATES)[number], number> = { verified: 85, pending: 10, unverified: 5 };
const FEE_CHARGING_CATEGORIES = new Set(['medical', 'education', 'livelihoods']);
const NON_GOVERNMENTAL: readonly OrganizationType[] = ['local-ngo', 'community-based', 'international-ngo', 'media', 'academic'];

/** The governorates with their districts; also checks the word lists against the taxonomy. */
function loadGovernorates(): Governorate[] {
  const known = new Set(CATEGORY_CODES);
  const missing = CATEGORY_CODES.filter((code) => !words.SERVICE_TEMPLATES[code]?.length);
  const unknown = [
    ...Object.keys(words.SERVICE_TEMPLATES),
    ...Object.values(words.SERVICE_TEMPLATES).flatMap((list) => list.flatMap((template) => template.related)),
    ...Object.values(words.CATEGORIES_BY_TYPE).flatMap((weights) => Object.keys(weights)),
  ].filter((code) => !known.has(code));
  if (missing.length || unknown.length) {
    throw new Error(`seed/sample/vocabulary.ts is out of step with server/contract/directory/taxonomy/categories.ts: missing [${missing}], unknown [${unknown}]`);
  }
  return bundledGovernorates().map((g) => {
    const districts = words.SAMPLE_DISTRICTS.filter((code) => DISTRICTS[code]?.governorate === g.code).map((code) => districtName(code)!);
    if (!districts?.length || !g.name.en || !g.name.ar) throw new Error(`seed/sample/vocabulary.ts: no districts or names for ${g.code} (server/directory/search/districts.ts)`);
    return {
      code: g.code,
      name: { en: g.name.en, ar: g.name.ar, ...(g.name.ckb ? { ckb: g.name.ckb } : {}) },
      lat: g.lat,
      lng: g.lng,
      districts,
      kurdistanRegion: g.kurdistanRegion,
    };
  });
}

/** Distributes `total` over `weights` by largest remainder, at least one each. */
function apportion(total: number, weights: number[]): number[] {
  const spare = total - weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const counts = exact.map((x) => 1 + Math.floor(x));
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}

/** The text in English and Arabic, plus Kurdish for records in the Kurdistan Region. */
const inLanguages = (text: Text, kurdish: boolean): Translated =>
  kurdish && text.ckb ? { en: text.en, ar: text.ar, ckb: text.ckb } : { en: text.en, ar: text.ar };

/** Fills {placeholders} with the value in the same language (Arabic where a value has no Kurdish). */
function fill(template: Text3, values: Record<string, Text | string>, kurdish: boolean): Translated {
  const render = (lang: Language) =>
    template[lang].replace(/\{(\w+)\}/g, (_match, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`no value for {${key}} in "${template.en}"`);
      return typeof value === 'string' ? value : (value[lang] ?? value.ar);
    });
  return kurdish ? { en: render('en'), ar: render('ar'), ckb: render('ckb') } : { en: render('en'), ar: render('ar') };
}

/** Joins two texts sentence by sentence, language by language. */
const joinSentences = (first: Translated, second: Translated): Translated =>
  Object.fromEntries(Object.entries(first).map(([lang, text]) => [lang, `${text} ${second[lang as Language] ?? ''}`.trim()]));

/** "لـ" joined to an Arabic noun phrase: "التنمية" → "للتنمية", "دعم المرأة" → "لدعم المرأة". */
const arabicFor = (phrase: string) => (phrase.startsWith('ال') ? `ل${phrase.slice(1)}` : `ل${phrase}`);

/** "Al-Amal Women's Support Organization" → "aawso": acronyms and e-mail names. */
const initialsOf = (name: string) =>
  name
    .split(/[^A-Za-z']+/)
    .filter(Boolean)
    .map((word) => word[0]!.toLowerCase())
    .join('');

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

class DirectoryGenerator {
  readonly plans: OrganizationPlan[];
  private readonly random: Random;
  private readonly now: number;
  private readonly governorates: Map<string, Governorate>;
  private readonly idPrefix: string;
  private idCounter = 0;
  private readonly coveredCategories = new Set<string>();
  private readonly usedNames = new Map<string, number>();

  constructor(options: GeneratorOptions) {
    const services = options.services ?? SAMPLE_SERVICE_COUNT;
    if (!Number.isInteger(services) || services < MIN_SERVICES) {
      throw new RangeError(`services must be an integer of at least ${MIN_SERVICES}`);
    }
    const seed = (options.seed ?? SAMPLE_SEED) >>> 0;
    this.random = new Random(seed);
    this.now = (options.now ?? new Date()).getTime();
    this.governorates = new Map(loadGovernorates().map((g) => [g.code, g]));
    // ObjectIds from the clock, the seed and a counter: unique per run, identical for identical inputs.
    this.idPrefix = Math.floor(this.now / 1000).toString(16).padStart(8, '0') + seed.toString(16).padStart(8, '0');
    this.plans = this.planOrganizations(services);
  }

  // ── Planning: which organisations, where, with how many services ──

  private planOrganizations(serviceTotal: number): OrganizationPlan[] {
    const governorates = [...this.governorates.values()];
    const count = Math.max(governorates.length * 2, Math.round(serviceTotal / SERVICES_PER_ORGANIZATION));
    const quotas = apportion(
      count,
      governorates.map((g) => words.GOVERNORATE_WEIGHT[g.code] ?? 1),
    );
    const plans: Omit<OrganizationPlan, 'serial' | 'serviceCount'>[] = [];
    // Every governorate gets its anti-trafficking police unit (which runs a hotline) ...
    governorates.forEach((governorate, i) => {
      plans.push({ governorate, type: 'law-enforcement', role: 'anti-trafficking-police' });
      quotas[i]!--;
    });
    // ... and, where there is room, its directorate of labour and social affairs.
    governorates.forEach((governorate, i) => {
      if (quotas[i]! <= 0) return;
      plans.push({ governorate, type: 'government', role: 'social-affairs-directorate' });
      quotas[i]!--;
    });
    const rest = this.random.shuffle(governorates.flatMap((g, i) => Array<Governorate>(quotas[i]!).fill(g)));
    rest.forEach((governorate, i) => {
      // The first few take each type once, so even a small sample shows every kind of organisation.
      const type = ORGANIZATION_TYPES[i] ?? this.random.weighted(words.ORGANIZATION_TYPE_WEIGHT);
      plans.push({ governorate, type });
    });

    // Draft service counts by type, then scale them so the total is exactly what was asked for.
    const minimum = (p: (typeof plans)[number]) => (p.role === 'anti-trafficking-police' ? 2 : 1);
    const drafts = plans.map((p) => this.random.int(...words.SERVICES_PER_TYPE[p.type]));
    const draftTotal = drafts.reduce((a, b) => a + b, 0);
    const counts = drafts.map((d, i) => Math.max(minimum(plans[i]!), Math.round((d * serviceTotal) / draftTotal)));
    let difference = serviceTotal - counts.reduce((a, b) => a + b, 0);
    while (difference !== 0) {
      const i = this.random.int(0, counts.length - 1);
      if (difference > 0) {
        counts[i]!++;
        difference--;
      } else if (counts[i]! > minimum(plans[i]!)) {
        counts[i]!--;
        difference++;
      }
    }
    return plans.map((p, i) => ({ ...p, serial: i + 1, serviceCount: counts[i]! }));
  }

  // ── One organisation ──

  organization(plan: OrganizationPlan): OrganizationBundle {
    const { random } = this;
    const home = plan.governorate;
    const kurdish = home.kurdistanRegion;
    const district = random.pick(home.districts);
    const { name, alternateName, focus } = this.organizationName(plan, district);
    const initials = initialsOf(name.en ?? '');

    const lastVerifiedAt = this.recentDate();
    const verification = random.weighted(VERIFICATION_WEIGHT);
    const record = this.recordFields(new Date(lastVerifiedAt.getTime() - random.int(30, 900) * DAY_MS), lastVerifiedAt);
    const year = NON_GOVERNMENTAL.includes(plan.type) ? random.int(1995, 2022) : null;
    const description = joinSentences(
      fill(words.ORGANIZATION_DESCRIPTIONS[plan.type], { gov: home.name, district, focus: focus ?? '', year: String(year) }, kurdish),
      inLanguages(words.FICTIONAL_NOTE, kurdish),
    );

    // Offices first: the organisation points at its head office.
    const locations: LocationRecord[] = [];
    const offices = new Map<string, Office>();
    for (const code of this.workingArea(plan)) {
      const isHome = code === home.code;
      const officeDistrict = isHome ? district : random.pick(this.governorate(code).districts);
      const location = this.location(record, code, isHome ? 'head-office' : 'branch', officeDistrict);
      locations.push(location);
      offices.set(code, { location, district: officeDistrict });
    }

    const organization: OrganizationRecord = {
      ...record,
      name,
      alternateName,
      description,
      type: plan.type,
      website: random.chance(0.6) ? `https://example.org/${initials}-${plan.serial}` : null,
      email: `${initials}-${plan.serial}@example.org`,
      phones: [{ number: this.phoneNumber(), type: 'voice' }],
      governorates: [...offices.keys()],
      headOfficeLocationId: offices.get(home.code)!.location._id,
      headOfficeGovernorate: home.code,
      languages: [], // the languages of its services, set below
      acceptsReferrals: random.chance(words.ACCEPTS_REFERRALS[plan.type]),
      yearIncorporated: year,
      legalStatus: words.LEGAL_STATUS[plan.type],
      verification: { status: verification, verifiedBy: null, note: null, verifiedAt: null, changedAt: null, rejection: null, previous: null },
      lastVerifiedAt: verification === 'unverified' ? null : lastVerifiedAt,
      search: searchFields({ name, alternateName, description, extra: [] }),
    };

    const context: OrganizationContext = { plan, organization, offices, locations, usedCategories: new Set() };
    const services: ServiceRecord[] = [];
    for (let i = 0; i < plan.serviceCount; i++) services.push(this.service(context, i));
    organization.languages = SERVICE_LANGUAGES.filter((lang) => services.some((s) => s.languages.includes(lang)));

    const contacts = [this.contact(context, null, true)];
    for (const service of services) {
      if (random.chance(SERVICE_CONTACT_SHARE)) contacts.push(this.contact(context, service, random.chance(0.1)));
    }
    return { organization, locations, services, contacts };
  }

  private organizationName(plan: OrganizationPlan, district: Text): { name: Translated; alternateName: string | null; focus?: Text3 } {
    const { random } = this;
    const gov = plan.governorate.name;
    const kurdish = plan.governorate.kurdistanRegion;
    const root = () => random.pick(kurdish && random.chance(0.75) ? words.KURDISH_ROOTS : words.ARABIC_ROOTS);
    for (let attempt = 0; ; attempt++) {
      let name: Translated;
      let focus: Text3 | undefined;
      if (plan.role === 'anti-trafficking-police') {
        name = fill(words.ANTI_TRAFFICKING_POLICE, { gov }, kurdish);
      } else if (plan.role === 'social-affairs-directorate') {
        name = fill(words.SOCIAL_AFFAIRS_DIRECTORATE, { gov }, kurdish);
      } else if (plan.type === 'local-ngo') {
        const [r, form] = [root(), random.pick(words.NGO_FORMS)];
        focus = random.pick(words.NGO_FOCUSES);
        name = {
          en: `${r.en} ${focus.en} ${form.en}`,
          ar: `${form.ar} ${r.ar} ${arabicFor(focus.ar)}`,
          ...(kurdish ? { ckb: `${form.ckb} ${r.ckb} بۆ ${focus.ckb}` } : {}),
        };
      } else if (plan.type === 'international-ngo' || plan.type === 'un-agency') {
        const isUn = plan.type === 'un-agency';
        const base = random.pick(isUn ? words.UN_NAMES : words.INGO_NAMES);
        name = fill(isUn ? words.UN_OFFICE : words.INGO_OFFICE, { name: base, gov }, kurdish);
      } else {
        name = fill(random.pick(words.NAME_PATTERNS[plan.type] ?? []), { gov, district, root: root() }, kurdish);
      }
      // Names stay unique while the word lists allow; very large runs number the repeats.
      const seen = this.usedNames.get(name.en!) ?? 0;
      if (seen && attempt < 8) continue;
      this.usedNames.set(name.en!, seen + 1);
      if (seen) name = Object.fromEntries(Object.entries(name).map(([lang, text]) => [lang, `${text} ${seen + 1}`]));
      const hasAcronym = plan.type === 'local-ngo' || plan.type === 'international-ngo';
      return { name, alternateName: hasAcronym ? initialsOf(name.en!).toUpperCase() : null, ...(focus ? { focus } : {}) };
    }
  }

  /** Governorates where the organisation works, home first: international bodies spread, most others stay home. */
  private workingArea(plan: OrganizationPlan): string[] {
    const others = [...this.governorates.keys()].filter((code) => code !== plan.governorate.code);
    const international = plan.type === 'international-ngo' || plan.type === 'un-agency';
    const extra = international ? this.random.int(1, 4) : plan.type === 'local-ngo' && this.random.chance(0.2) ? 1 : 0;
    return [plan.governorate.code, ...this.random.sample(others, extra)];
  }

  // ── Locations ──

  private location(owner: RecordFields, governorateCode: string, kind: 'head-office' | 'branch' | 'safe-house', district: Text): LocationRecord {
    const { random } = this;
    const governorate = this.governorate(governorateCode);
    const kurdish = governorate.kurdistanRegion;
    const name =
      kind === 'safe-house'
        ? inLanguages(words.SAFE_HOUSE, kurdish)
        : fill(kind === 'head-office' ? words.HEAD_OFFICE : words.BRANCH_OFFICE, { district }, kurdish);
    const street = fill(words.STREET_ADDRESS, { street: random.pick(words.STREETS), number: String(random.int(1, 240)) }, kurdish);
    return {
      ...this.recordFields(owner.createdAt, owner.updatedAt),
      organizationId: owner._id,
      name,
      address: { street, city: inLanguages(district, kurdish), district: district.en, governorate: governorateCode },
      lat: round5(governorate.lat + (random.next() * 2 - 1) * OFFICE_SPREAD_DEGREES),
      lng: round5(governorate.lng + (random.next() * 2 - 1) * OFFICE_SPREAD_DEGREES),
      confidential: kind === 'safe-house',
      heldSecretSince: null,
    };
  }

  // ── Services ──

  private service(context: OrganizationContext, index: number): ServiceRecord {
    const { random } = this;
    const { plan, organization } = context;
    const category = this.chooseCategory(context, index);
    const templates = words.SERVICE_TEMPLATES[category]!;
    // The police unit's first service is its governorate's anti-trafficking hotline.
    const isGuaranteedHotline = index === 0 && plan.role === 'anti-trafficking-police';
    const template = isGuaranteedHotline ? templates[0]! : random.pick(templates);

    const governorateCode =
      organization.governorates.length === 1 || random.chance(0.65)
        ? plan.governorate.code
        : random.pick(organization.governorates.slice(1));
    const governorate = this.governorate(governorateCode);
    const kurdish = governorate.kurdistanRegion;
    const office = context.offices.get(governorateCode)!;
    const confidential = template.confidential === true;
    const location = confidential
      ? this.location(organization, governorateCode, 'safe-house', random.pick(governorate.districts))
      : office.location;
    if (confidential) context.locations.push(location);

    const areaWide = category === 'hotlines' || template.allHours === true;
    // A confidential service's name must not point at its district, only at its governorate.
    const place = confidential || areaWide ? governorate.name : office.district;
    const name = fill(words.SERVICE_NAME, { service: template.name, place }, kurdish);
    const description = inLanguages(template.description, kurdish);

    const related = template.related.filter((code) => code !== category);
    const categories = related.length && random.chance(0.5) ? [category, random.pick(related)] : [category];
    const otherGovernorates = organization.governorates.filter((code) => code !== governorateCode);
    const alsoServes =
      areaWide && plan.type !== 'law-enforcement'
        ? otherGovernorates
        : !confidential && random.chance(0.15)
          ? random.sample(otherGovernorates, 1)
          : [];
    // Hotlines, shelters and public services are free; some clinics, courses and schools ask a small fee.
    const isFree = !FEE_CHARGING_CATEGORIES.has(category) || confidential || random.chance(0.7);
    const hours = template.allHours ? words.ALL_HOURS : random.pick(words.OFFICE_HOURS);
    const lastVerifiedAt = this.recentDate();
    const phones: Phone[] =
      category === 'hotlines'
        ? [{ number: this.phoneNumber(), type: 'hotline' }]
        : random.chance(0.7)
          ? [{ number: this.phoneNumber(), type: random.chance(0.5) ? 'whatsapp' : 'voice' }]
          : [];
    const eligibility = confidential ? words.ELIGIBILITY[1]! : areaWide ? words.ELIGIBILITY[0]! : random.pick(words.ELIGIBILITY);
    const applicationProcess = confidential
      ? words.APPLICATION_PROCESS[1]!
      : areaWide
        ? words.APPLICATION_PROCESS[0]!
        : random.pick(words.APPLICATION_PROCESS);

    const createdAt = new Date(Math.min(organization.createdAt.getTime(), lastVerifiedAt.getTime()));
    return {
      ...this.recordFields(createdAt, lastVerifiedAt),
      organizationId: organization._id,
      name,
      description,
      categories,
      populations: [...new Set([...template.populations, ...(random.chance(0.2) ? (['persons-with-disabilities'] as const) : [])])],
      ageMin: template.ageMin ?? null,
      ageMax: template.ageMax ?? null,
      genderRestriction: template.genderRestriction ?? 'any',
      languages: this.serviceLanguages(plan, governorateCode, template),
      eligibility: inLanguages(eligibility, kurdish),
      applicationProcess: inLanguages(applicationProcess, kurdish),
      fees: inLanguages(isFree ? words.FEES_FREE : words.FEES_REDUCED, kurdish),
      free: isFree,
      schedules: [{ byDay: hours.byDay, opensAt: hours.opensAt, closesAt: hours.closesAt, description: inLanguages(hours.description, kurdish) }],
      // The guaranteed hotline stays active, so every governorate shows at least one.
      status: isGuaranteedHotline ? 'active' : random.weighted(STATUS_WEIGHT),
      locationIds: [location._id],
      governorates: [governorateCode, ...alsoServes],
      confidential,
      url: null,
      email: random.chance(0.5) ? organization.email : null,
      phones,
      lastVerifiedAt,
      // As checked as the organisation that offers it: the verification queue starts empty.
      verification: { ...organization.verification },
      organizationType: organization.type,
      acceptsReferrals: organization.acceptsReferrals,
      // Confidential services are drawn at the governorate capital, never at the safe house.
      point: confidential
        ? { lat: governorate.lat, lng: governorate.lng, precision: 'governorate' }
        : { lat: location.lat, lng: location.lng, precision: 'exact' },
      search: searchFields({
        name,
        description,
        extra: [...allTexts(organization.name), ...categories.flatMap((code) => CATEGORY_NAMES.get(code) ?? [])],
      }),
      capacity: [],
      capacityFreeAt: null,
      requiredIdentification: 'none',
      responseCommitment: null,
    };
  }

  /**
   * The police unit starts with its hotline and investigation; otherwise a category this kind of
   * organisation offers, preferring one no organisation offers yet (so even the small sample covers
   * the whole taxonomy), then one this organisation does not offer yet.
   */
  private chooseCategory(context: OrganizationContext, index: number): string {
    const { plan, usedCategories } = context;
    const weights = words.CATEGORIES_BY_TYPE[plan.type];
    const forced = plan.role === 'anti-trafficking-police' ? ['hotlines', 'law-enforcement'][index] : undefined;
    const uncovered = Object.keys(weights).filter((code) => !this.coveredCategories.has(code));
    const fresh = Object.fromEntries(Object.entries(weights).filter(([code]) => !usedCategories.has(code)));
    const category =
      forced ?? (uncovered.length ? this.random.pick(uncovered) : this.random.weighted(Object.keys(fresh).length ? fresh : weights));
    this.coveredCategories.add(category);
    usedCategories.add(category);
    return category;
  }

  /** Arabic nearly everywhere; Kurdish in the north; English at international bodies; migrants' languages where needed. */
  private serviceLanguages(plan: OrganizationPlan, governorateCode: string, template: ServiceTemplate): ServiceLanguage[] {
    const { random } = this;
    const languages = new Set<ServiceLanguage>(['ar']);
    const add = (...codes: ServiceLanguage[]) => codes.forEach((code) => languages.add(code));
    if (governorateCode === 'IQ-DA') add('kmr', ...(random.chance(0.5) ? (['ckb'] as const) : []));
    else if (this.governorate(governorateCode).kurdistanRegion) add('ckb');
    if (governorateCode === 'IQ-KI') add('tr', ...(random.chance(0.5) ? (['ckb'] as const) : []));
    if (governorateCode === 'IQ-NI' && random.chance(0.4)) add(random.pick<ServiceLanguage>(['kmr', 'syr']));
    if (governorateCode === 'IQ-DI' && random.chance(0.3)) add('ckb');
    if (plan.type === 'international-ngo' || plan.type === 'un-agency' || random.chance(0.1)) add('en');
    if (template.migrantLanguages) add(...random.sample(words.MIGRANT_LANGUAGES, random.int(2, 4)));
    return SERVICE_LANGUAGES.filter((code) => languages.has(code));
  }

  // ── Contacts ──

  private contact(context: OrganizationContext, service: ServiceRecord | null, focalPoint: boolean): ContactRecord {
    const { random } = this;
    const { organization, plan } = context;
    const kurdish = plan.governorate.kurdistanRegion;
    const given = random.pick(kurdish && random.chance(0.8) ? words.KURDISH_GIVEN_NAMES : words.ARABIC_GIVEN_NAMES);
    const family = random.pick(words.FAMILY_NAMES);
    const title = focalPoint
      ? words.FOCAL_POINT_TITLE
      : plan.type === 'law-enforcement'
        ? words.DUTY_OFFICER_TITLE
        : random.pick(words.CONTACT_TITLES);
    const record = this.recordFields(organization.createdAt, organization.updatedAt);
    return {
      ...record,
      organizationId: organization._id,
      serviceId: service?._id ?? null,
      name: `${given} ${family}`,
      title: inLanguages(title, kurdish),
      department: null,
      email: `${given}.${family}.${this.idCounter}@example.org`.toLowerCase(),
      phones: [{ number: this.phoneNumber(), type: random.chance(0.5) ? 'whatsapp' : 'mobile' }],
      languages: (service?.languages ?? organization.languages).slice(0, 3),
      referralFocalPoint: focalPoint,
    };
  }

  // ── Small helpers ──

  private governorate(code: string): Governorate {
    const governorate = this.governorates.get(code);
    if (!governorate) throw new Error(`unknown governorate ${code}`);
    return governorate;
  }

  private recordFields(createdAt: Date, updatedAt: Date): RecordFields {
    const _id = new Types.ObjectId(this.idPrefix + (this.idCounter++).toString(16).padStart(8, '0'));
    return { _id, sample: true, archivedAt: null, version: 1, createdAt, updatedAt };
  }

  private recentDate(): Date {
    return new Date(this.now - Math.floor(this.random.next() * VERIFICATION_WINDOW_DAYS * DAY_MS));
  }

  /** Mobile-style numbers on the 555 exchange, which is not in use in Iraq: they reach no one. */
  private phoneNumber(): string {
    return `+964 ${this.random.pick(words.MOBILE_PREFIXES)} 555 01${this.random.digits(2)}`;
  }
}
