import { hasReferralReceivers } from '../../accounts/referral-receivers.js';
import type { Types } from 'mongoose';
import { bundledGovernorates, publishedGovernorate, type GovernorateRecord } from '../../directory/governorates/governorate-data.js';
import { TAXONOMY } from '../../directory/taxonomy/taxonomy.model.js';
import type { ServiceStatus } from '../../contract/directory/vocabulary.js';
import { LANGUAGES, pickText, type Language, type Translated } from '../../platform/text/translated.js';
import { importObjectId, nameUuid, recordUuid, serviceAtLocationUuid, taxonomyUuid, termUuid } from './ids.js';
import { HSDS_SERVICE_STATUSES, serviceAreaGovernorate, UNIT_IDS, type RowInput, type Rows } from './rows.js';
import { storedCapacity } from '../../directory/services/service.capacity.js';
import { PHONE_TYPES } from '../../directory/phone.js';

type PhoneKind = (typeof PHONE_TYPES)[number];

/**
 * One mapper per HSDS object, each way: `toHsds` (directory record → HSDS object, used by the
 * /hsds API and the export) and `fromHsds` (validated HSDS row → directory record fields, used by
 * the import). The scalar part of every object is the same at any nesting depth, so a tabular row
 * is the same whichever object it was reached from.
 */

// ---------------------------------------------------------------------------------------------
// Shapes of the stored records the mappers read (lean documents satisfy them)

export type Text = { en?: string | null; ar?: string | null; ckb?: string | null } | null | undefined;

export interface PhoneSource {
  number: string;
  type?: string | null;
  description?: string | null;
}
export interface OrganizationSource {
  _id: Types.ObjectId;
  name: Text;
  alternateName?: string | null;
  description?: Text;
  type: string;
  website?: string | null;
  email?: string | null;
  phones?: PhoneSource[] | null;
  governorates?: string[] | null;
  headOfficeLocationId?: Types.ObjectId | null;
  languages?: string[] | null;
  acceptsReferrals?: boolean | null;
  yearIncorporated?: number | null;
  legalStatus?: string | null;
  verification?: { status?: string | null } | null;
  lastVerifiedAt?: Date | null;
}
export interface LocationSource {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  name: Text;
  description?: Text;
  address?: { street?: Text; city?: Text; district?: string | null; governorate: string } | null;
  lat?: number | null;
  lng?: number | null;
  confidential?: boolean | null;
}
export interface ScheduleSource {
  byDay?: string[] | null;
  opensAt?: string | null;
  closesAt?: string | null;
  description?: Text;
}
export interface CapacitySource {
  unit: string;
  available: number;
  maximum?: number | null;
  description?: Text;
  updatedAt: Date;
}
export interface ServiceSource {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  name: Text;
  description?: Text;
  categories?: string[] | null;
  populations?: string[] | null;
  ageMin?: number | null;
  ageMax?: number | null;
  genderRestriction?: string | null;
  requiredIdentification?: string | null;
  responseCommitment?: string | null;
  languages?: string[] | null;
  eligibility?: Text;
  applicationProcess?: Text;
  fees?: Text;
  free?: boolean | null;
  schedules?: ScheduleSource[] | null;
  capacity?: CapacitySource[] | null;
  status?: string | null;
  locationIds?: Types.ObjectId[] | null;
  governorates?: string[] | null;
  confidential?: boolean | null;
  url?: string | null;
  email?: string | null;
  phones?: PhoneSource[] | null;
  lastVerifiedAt?: Date | null;
  updatedAt?: Date | null;
}
export interface ContactSource {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  serviceId?: Types.ObjectId | null;
  name: string;
  title?: Text;
  department?: string | null;
  email?: string | null;
  phones?: PhoneSource[] | null;
  languages?: string[] | null;
  referralFocalPoint?: boolean | null;
}
export interface TermSource {
  code: string;
  parent?: string | null;
  name: Text;
  description?: Text;
}

/** What a mapping needs besides the record: the language, and the related records (public ones only). */
export interface HsdsContext {
  lang: Language;
  organizations: Map<string, OrganizationSource>;
  /** Locations that may be published: not archived, not confidential. */
  locations: Map<string, LocationSource>;
  /** Taxonomy terms by code. */
  terms: Map<string, TermSource>;
  /** Contacts by service id (full services only). */
  serviceContacts: Map<string, ContactSource[]>;
}

// ---------------------------------------------------------------------------------------------
// Translated text

export const toTranslated = (t: Text): Translated => {
  const out: Translated = {};
  for (const l of LANGUAGES) if (t?.[l]) out[l] = t[l]!;
  return out;
};
const hasText = (t: Translated) => LANGUAGES.some((l) => t[l]);

/** The text in the asked language (with fallback), and every translation of the fields that have any. */
function localize<K extends string>(lang: Language, fields: Record<K, Text>) {
  const translations: Partial<Record<K, Translated>> = {};
  const text = {} as Record<K, string | undefined>;
  for (const key of Object.keys(fields) as K[]) {
    const value = toTranslated(fields[key]);
    text[key] = pickText(value, lang)?.text;
    if (hasText(value)) translations[key] = value;
  }
  return { text, translations: Object.keys(translations).length ? translations : undefined };
}

/** Kurdish (Sorani) letters that Arabic does not use. */
const KURDISH_LETTERS = /[ڕڵێۆەڤگچپژ]/;
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

/** A text without a language tag (an import from another system): guess it from the script. */
export function guessLanguage(value: string): Language {
  if (KURDISH_LETTERS.test(value)) return 'ckb';
  return ARABIC_SCRIPT.test(value) ? 'ar' : 'en';
}

/**
 * Inverse of localize: the stored translations of a field are the profile's `translations`; a plain
 * value that is none of them (edited in a spreadsheet, or from a system without the profile) is
 * taken as the text in the language its script suggests.
 */
function delocalize(plain: string | undefined, translated: Translated | undefined): Translated {
  const out = toTranslated(translated);
  const value = plain?.trim();
  if (value && !LANGUAGES.some((l) => out[l] === value)) out[guessLanguage(value)] = value;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const hex = (oid: Types.ObjectId) => oid.toHexString();
const day = (d: Date | null | undefined) => (d ? new Date(d).toISOString().slice(0, 10) : undefined);
const dayStart = (s: string | undefined) => (s ? new Date(`${s}T00:00:00.000Z`) : null);
const governorates = new Map<string, GovernorateRecord>(bundledGovernorates().map((g) => [g.code, g]));

/** The HSDS status of a directory status and back (only the spelling of "temporarily closed" differs). */
const toHsdsStatus = (s: string | null | undefined) =>
  HSDS_SERVICE_STATUSES.find((h) => h === (s ?? 'active').replace('-', ' ')) ?? 'active';
const fromHsdsStatus = (s: Rows['service']['status']) => s.replace(' ', '-') as ServiceStatus;

// ---------------------------------------------------------------------------------------------
// Mappers

type Owner = { organization_id: string } | { service_id: string } | { contact_id: string };

/**
 * The directory's phone kinds in HSDS terms: `type` keeps to RFC 6350 (a mobile is `cell`), and what
 * RFC 6350 cannot say — a WhatsApp number, a hotline — goes in the profile's `messaging_apps` and
 * `hotline`, so a plain HSDS client still reads a callable number and our import gets the kind back.
 */
const PHONE_TO_HSDS: Record<PhoneKind, Pick<RowInput<'phone'>, 'type' | 'messaging_apps' | 'hotline'>> = {
  voice: { type: 'voice' },
  mobile: { type: 'cell' },
  whatsapp: { type: 'cell', messaging_apps: ['whatsapp'] },
  hotline: { type: 'voice', hotline: true },
  fax: { type: 'fax' },
  text: { type: 'text' },
};

function phoneKindOf(row: Rows['phone']): PhoneKind {
  if (row.hotline) return 'hotline';
  if (row.messaging_apps?.includes('whatsapp')) return 'whatsapp';
  switch (row.type) {
    case 'cell':
      return 'mobile';
    case 'fax':
    case 'text':
      return row.type;
    default:
      // video, pager and textphone have no kind of their own here: the number is still one to call.
      return 'voice';
  }
}

export const phoneMapper = {
  toHsds(phone: PhoneSource, owner: Owner, ownerUuid: string, index: number): RowInput<'phone'> {
    const kind = (PHONE_TYPES as readonly string[]).includes(phone.type ?? '') ? (phone.type as PhoneKind) : 'voice';
    return {
      id: nameUuid('phone', ownerUuid, String(index)),
      ...owner,
      number: phone.number,
      hotline: false,
      ...PHONE_TO_HSDS[kind],
      ...(phone.description ? { description: phone.description } : {}),
    };
  },
  fromHsds(row: Rows['phone']) {
    return { number: row.number, type: phoneKindOf(row), ...(row.description ? { description: row.description } : {}) };
  },
};

export const taxonomyMapper = {
  toHsds(): RowInput<'taxonomy'> {
    return {
      id: taxonomyUuid(TAXONOMY.id),
      name: TAXONOMY.name,
      description: 'The service categories of the counter-trafficking referral pathway in Iraq: groups and the categories in each.',
      version: TAXONOMY.version,
    };
  },
};

export const taxonomyTermMapper = {
  toHsds(term: TermSource, lang: Language): RowInput<'taxonomy_term'> {
    const { text, translations } = localize(lang, { name: term.name, description: term.description });
    return {
      id: termUuid(term.code),
      code: term.code,
      name: text.name ?? term.code,
      // HSDS requires a description (non-empty in its tabular descriptor): the name stands in for a missing one.
      description: text.description ?? text.name ?? term.code,
      ...(term.parent ? { parent_id: termUuid(term.parent) } : {}),
      taxonomy: TAXONOMY.name,
      language: lang,
      taxonomy_id: taxonomyUuid(TAXONOMY.id),
      ...(translations ? { translations } : {}),
    };
  },
  /** `parentCode` is resolved by the caller from parent_id (the file or the database). */
  fromHsds(row: Rows['taxonomy_term'], parentCode: string | null) {
    return {
      code: row.code,
      parent: parentCode,
      name: delocalize(row.name, row.translations?.name),
      // A description that only repeats the name is the export's stand-in for none (see toHsds).
      description: delocalize(row.description === row.name ? undefined : row.description, row.translations?.description),
    };
  },
};

export const organizationMapper = {
  toHsds(org: OrganizationSource, ctx: Pick<HsdsContext, 'lang' | 'locations'>) {
    const id = recordUuid(org._id);
    const { text, translations } = localize(ctx.lang, { name: org.name, description: org.description });
    const headOffice = org.headOfficeLocationId && ctx.locations.get(hex(org.headOfficeLocationId));
    const row: RowInput<'organization'> = {
      id,
      name: text.name ?? '',
      ...(org.alternateName ? { alternate_name: org.alternateName } : {}),
      description: text.description ?? '',
      ...(org.email ? { email: org.email } : {}),
      ...(org.website ? { website: org.website } : {}),
      ...(org.yearIncorporated != null ? { year_incorporated: org.yearIncorporated } : {}),
      ...(org.legalStatus ? { legal_status: org.legalStatus } : {}),
      organization_type: org.type as RowInput<'organization'>['organization_type'],
      // As visitors see it: only where someone receives referrals on the platform.
      accepts_referrals: Boolean(org.acceptsReferrals) && hasReferralReceivers(org._id),
      governorates: (org.governorates ?? []).map(publishedGovernorate),
      language_codes: (org.languages ?? []) as RowInput<'organization'>['language_codes'],
      ...(headOffice ? { head_office_location_id: recordUuid(headOffice._id) } : {}),
      ...(org.verification?.status ? { verification_status: org.verification.status as RowInput<'organization'>['verification_status'] } : {}),
      ...(org.lastVerifiedAt ? { assured_date: day(org.lastVerifiedAt) } : {}),
      ...(translations ? { translations } : {}),
    };
    return { ...row, phones: (org.phones ?? []).map((p, i) => phoneMapper.toHsds(p, { organization_id: id }, id, i)) };
  },
  fromHsds(row: Rows['organization'], phones: Rows['phone'][]) {
    return {
      name: delocalize(row.name, row.translations?.name),
      alternateName: row.alternate_name ?? null,
      description: delocalize(row.description, row.translations?.description),
      type: row.organization_type,
      website: row.website ?? null,
      email: row.email ?? null,
      phones: phones.map(phoneMapper.fromHsds),
      governorates: row.governorates,
      headOfficeLocationId: row.head_office_location_id ? importObjectId(row.head_office_location_id) : null,
      languages: row.language_codes,
      acceptsReferrals: row.accepts_referrals,
      yearIncorporated: row.year_incorporated ?? null,
      legalStatus: row.legal_status ?? null,
      verification: { status: row.verification_status ?? 'pending' },
      lastVerifiedAt: dayStart(row.assured_date),
    };
  },
};

/** The postal code of every address (see the profile's README); an import ignores postal codes. */
export const NO_POSTAL_CODE = 'N/A';

export const addressMapper = {
  toHsds(location: LocationSource, lang: Language): RowInput<'address'> {
    const address = location.address;
    const { text, translations } = localize(lang, { address_1: address?.street, city: address?.city });
    const governorate = governorates.get(address?.governorate ?? '');
    const locationId = recordUuid(location._id);
    return {
      id: nameUuid('address', locationId),
      location_id: locationId,
      // HSDS 3.0 requires these keys; Iraq has no postal codes in common use (optional in the profile).
      address_1: text.address_1 ?? '',
      city: text.city ?? '',
      ...(address?.district ? { region: address.district } : {}),
      state_province: address?.governorate ? publishedGovernorate(address.governorate) : '',
      // HSDS 3.0's tabular descriptor requires a value: "not applicable" rather than an invented code.
      postal_code: NO_POSTAL_CODE,
      country: 'IQ',
      address_type: 'physical',
      ...(governorate?.pcode ? { pcode: governorate.pcode } : {}),
      ...(translations ? { translations } : {}),
    };
  },
  fromHsds(row: Rows['address']) {
    return {
      street: delocalize(row.address_1, row.translations?.address_1),
      city: delocalize(row.city, row.translations?.city),
      district: row.region ?? null,
      governorate: row.state_province,
    };
  },
};

export const locationMapper = {
  toHsds(location: LocationSource, lang: Language) {
    const { text, translations } = localize(lang, { name: location.name, description: location.description });
    const row: RowInput<'location'> = {
      id: recordUuid(location._id),
      location_type: 'physical',
      organization_id: recordUuid(location.organizationId),
      name: text.name ?? '',
      ...(text.description ? { description: text.description } : {}),
      ...(location.lat != null && location.lng != null ? { latitude: location.lat, longitude: location.lng } : {}),
      confidential: Boolean(location.confidential),
      ...(translations ? { translations } : {}),
    };
    return { ...row, addresses: location.address ? [addressMapper.toHsds(location, lang)] : [] };
  },
  fromHsds(row: Rows['location'], address: Rows['address']) {
    return {
      organizationId: importObjectId(row.organization_id),
      name: delocalize(row.name, row.translations?.name),
      description: delocalize(row.description, row.translations?.description),
      address: addressMapper.fromHsds(address),
      lat: row.latitude ?? null,
      lng: row.longitude ?? null,
      confidential: row.confidential,
    };
  },
};

export const serviceAreaMapper = {
  toHsds(code: string, serviceUuid: string, lang: Language): RowInput<'service_area'> {
    const governorate = governorates.get(code);
    const { text, translations } = localize(lang, { name: governorate?.name });
    return {
      id: nameUuid('service_area', serviceUuid, code),
      service_id: serviceUuid,
      ...(text.name ? { name: text.name } : {}),
      // A governorate without an ISO code (Halabja) is named, not given an invented code.
      ...(governorate?.iso ? { iso_3166_2: governorate.iso } : {}),
      ...(governorate?.pcode ? { pcode: governorate.pcode } : {}),
      ...(translations ? { translations } : {}),
    };
  },
  // The row schema has checked that one of them names a governorate.
  fromHsds: (row: Rows['service_area']) => serviceAreaGovernorate(row)!,
};

const languageNames = new Map(LANGUAGES.map((l) => [l, new Intl.DisplayNames([l], { type: 'language', fallback: 'code' })]));

export const languageMapper = {
  toHsds(code: string, serviceUuid: string, lang: Language): RowInput<'language'> {
    return {
      id: nameUuid('language', serviceUuid, code),
      service_id: serviceUuid,
      name: languageNames.get(lang)?.of(code) ?? code,
      code: code as RowInput<'language'>['code'],
    };
  },
  fromHsds: (row: Rows['language']) => row.code,
};

export const scheduleMapper = {
  toHsds(schedule: ScheduleSource, serviceUuid: string, index: number, lang: Language): RowInput<'schedule'> {
    const { text, translations } = localize(lang, { description: schedule.description });
    return {
      id: nameUuid('schedule', serviceUuid, String(index)),
      service_id: serviceUuid,
      freq: 'WEEKLY',
      ...(schedule.byDay?.length ? { byday: schedule.byDay.join(',') } : {}),
      // HH:MM:SS, the Frictionless `time` of the tabular descriptors (the directory keeps minutes).
      ...(schedule.opensAt ? { opens_at: `${schedule.opensAt}:00` } : {}),
      ...(schedule.closesAt ? { closes_at: `${schedule.closesAt}:00` } : {}),
      ...(text.description ? { description: text.description } : {}),
      ...(translations ? { translations } : {}),
    };
  },
  fromHsds(row: Rows['schedule']) {
    return {
      byDay: row.byday ?? [],
      opensAt: row.opens_at ?? null,
      closesAt: row.closes_at ?? null,
      description: delocalize(row.description, row.translations?.description),
    };
  },
};

export const capacityMapper = {
  toHsds(c: CapacitySource, serviceUuid: string, lang: Language) {
    const { text, translations } = localize(lang, { description: c.description });
    const unitId = nameUuid('unit', c.unit);
    const row: RowInput<'service_capacity'> = {
      id: nameUuid('service_capacity', serviceUuid, c.unit),
      service_id: serviceUuid,
      unit_id: unitId,
      available: c.available,
      ...(c.maximum != null ? { maximum: c.maximum } : {}),
      ...(text.description ? { description: text.description } : {}),
      updated: new Date(c.updatedAt).toISOString(),
      ...(translations ? { translations } : {}),
    };
    // The unit object of HSDS 3.1 JSON; tabular data carries unit_id only (its own id, not a nested table).
    return { ...row, unit: { id: unitId, name: c.unit, scheme: 'iraq-ct-directory', identifier: c.unit } };
  },
  fromHsds(row: Rows['service_capacity']) {
    return {
      unit: UNIT_IDS.get(row.unit_id)!,
      available: row.available,
      maximum: row.maximum ?? null,
      description: delocalize(row.description, row.translations?.description),
      updatedAt: new Date(row.updated),
    };
  },
};

export const attributeMapper = {
  toHsds(code: string, serviceUuid: string, term: RowInput<'taxonomy_term'> | undefined) {
    const row: RowInput<'attribute'> = {
      id: nameUuid('attribute', serviceUuid, code),
      link_id: serviceUuid,
      taxonomy_term_id: termUuid(code),
      link_type: 'category',
      link_entity: 'service',
    };
    return term ? { ...row, taxonomy_term: term } : row;
  },
};

export const contactMapper = {
  toHsds(contact: ContactSource, lang: Language) {
    const id = recordUuid(contact._id);
    const { text, translations } = localize(lang, { title: contact.title });
    const row: RowInput<'contact'> = {
      id,
      organization_id: recordUuid(contact.organizationId),
      ...(contact.serviceId ? { service_id: recordUuid(contact.serviceId) } : {}),
      name: contact.name,
      ...(text.title ? { title: text.title } : {}),
      ...(contact.department ? { department: contact.department } : {}),
      ...(contact.email ? { email: contact.email } : {}),
      referral_focal_point: Boolean(contact.referralFocalPoint),
      language_codes: (contact.languages ?? []) as RowInput<'contact'>['language_codes'],
      ...(translations ? { translations } : {}),
    };
    return { ...row, phones: (contact.phones ?? []).map((p, i) => phoneMapper.toHsds(p, { contact_id: id }, id, i)) };
  },
  /** `organizationId` is the contact's organization, or its service's when the row names only the service. */
  fromHsds(row: Rows['contact'], organizationId: Types.ObjectId, phones: Rows['phone'][]) {
    return {
      organizationId,
      serviceId: row.service_id ? importObjectId(row.service_id) : null,
      name: row.name,
      title: delocalize(row.title, row.translations?.title),
      department: row.department ?? null,
      email: row.email ?? null,
      phones: phones.map(phoneMapper.fromHsds),
      languages: row.language_codes,
      referralFocalPoint: row.referral_focal_point,
    };
  },
};

export type HsdsLocation = ReturnType<typeof locationMapper.toHsds>;
export type HsdsServiceAtLocation = RowInput<'service_at_location'> & { location: HsdsLocation; service?: RowInput<'service'> };

export const serviceAtLocationMapper = {
  /** Inside a service: with its location; on its own (the /service_at_locations endpoints): also with the service. */
  toHsds(service: ServiceSource, location: LocationSource, ctx: HsdsContext, standalone: boolean) {
    const row: HsdsServiceAtLocation = {
      id: serviceAtLocationUuid(service._id, location._id),
      service_id: recordUuid(service._id),
      location_id: recordUuid(location._id),
      location: locationMapper.toHsds(location, ctx.lang),
    };
    return standalone ? { ...row, service: serviceMapper.toHsds(service, ctx) } : row;
  },
};

/** The locations of a service that may be published: none for a confidential service. */
export function publicLocationsOf(service: ServiceSource, ctx: Pick<HsdsContext, 'locations'>): LocationSource[] {
  if (service.confidential) return [];
  return (service.locationIds ?? []).flatMap((id) => ctx.locations.get(hex(id)) ?? []);
}

export const serviceMapper = {
  /** The service's own fields: list views and nested references. */
  toHsds(service: ServiceSource, ctx: Pick<HsdsContext, 'lang'>): RowInput<'service'> {
    const id = recordUuid(service._id);
    const { text, translations } = localize(ctx.lang, {
      name: service.name,
      description: service.description,
      eligibility_description: service.eligibility,
      application_process: service.applicationProcess,
      fees_description: service.fees,
    });
    return {
      id,
      organization_id: recordUuid(service.organizationId),
      name: text.name ?? '',
      ...(text.description ? { description: text.description } : {}),
      ...(service.url ? { url: service.url } : {}),
      ...(service.email ? { email: service.email } : {}),
      status: toHsdsStatus(service.status),
      ...(text.eligibility_description ? { eligibility_description: text.eligibility_description } : {}),
      ...(text.application_process ? { application_process: text.application_process } : {}),
      ...(text.fees_description ? { fees_description: text.fees_description } : {}),
      ...(service.ageMin != null ? { minimum_age: service.ageMin } : {}),
      ...(service.ageMax != null ? { maximum_age: service.ageMax } : {}),
      ...(service.lastVerifiedAt ? { assured_date: day(service.lastVerifiedAt) } : {}),
      ...(service.updatedAt ? { last_modified: new Date(service.updatedAt).toISOString() } : {}),
      confidential: Boolean(service.confidential),
      populations: (service.populations ?? []) as RowInput<'service'>['populations'],
      gender_restriction: (service.genderRestriction ?? 'any') as RowInput<'service'>['gender_restriction'],
      required_identification_status: (service.requiredIdentification ?? 'none') as RowInput<'service'>['required_identification_status'],
      ...(service.responseCommitment ? { response_commitment: service.responseCommitment as NonNullable<RowInput<'service'>['response_commitment']> } : {}),
      free: service.free ?? true,
      ...(translations ? { translations } : {}),
    };
  },
  /** The fully nested service of /hsds/services/{id} (and of the export). */
  toHsdsFull(service: ServiceSource, ctx: HsdsContext) {
    const id = recordUuid(service._id);
    const organization = ctx.organizations.get(hex(service.organizationId));
    const terms = (service.categories ?? []).flatMap((code) => {
      const term = ctx.terms.get(code);
      return term ? [taxonomyTermMapper.toHsds(term, ctx.lang)] : [];
    });
    return {
      ...serviceMapper.toHsds(service, ctx),
      ...(organization ? { organization: organizationMapper.toHsds(organization, ctx) } : {}),
      phones: (service.phones ?? []).map((p, i) => phoneMapper.toHsds(p, { service_id: id }, id, i)),
      schedules: (service.schedules ?? []).map((s, i) => scheduleMapper.toHsds(s, id, i, ctx.lang)),
      // A shelter's occupancy is for signed-in referrers; this feed is public.
      capacities: service.confidential ? [] : (service.capacity ?? []).map((c) => capacityMapper.toHsds(c, id, ctx.lang)),
      service_areas: (service.governorates ?? []).map((code) => serviceAreaMapper.toHsds(code, id, ctx.lang)),
      service_at_locations: publicLocationsOf(service, ctx).map((l) => serviceAtLocationMapper.toHsds(service, l, ctx, false)),
      languages: (service.languages ?? []).map((code) => languageMapper.toHsds(code, id, ctx.lang)),
      attributes: terms.map((term) => attributeMapper.toHsds(term.code, id, term)),
      contacts: (ctx.serviceContacts.get(hex(service._id)) ?? []).map((c) => contactMapper.toHsds(c, ctx.lang)),
    };
  },
  fromHsds(
    row: Rows['service'],
    children: {
      phones: Rows['phone'][];
      schedules: Rows['schedule'][];
      capacities: Rows['service_capacity'][];
      areas: Rows['service_area'][];
      languages: Rows['language'][];
      categories: string[];
      locations: Rows['service_at_location'][];
    },
  ) {
    return {
      organizationId: importObjectId(row.organization_id),
      name: delocalize(row.name, row.translations?.name),
      description: delocalize(row.description, row.translations?.description),
      categories: children.categories,
      populations: row.populations,
      ageMin: row.minimum_age ?? null,
      ageMax: row.maximum_age ?? null,
      genderRestriction: row.gender_restriction,
      requiredIdentification: row.required_identification_status,
      responseCommitment: row.response_commitment ?? null,
      languages: children.languages.map(languageMapper.fromHsds),
      eligibility: delocalize(row.eligibility_description, row.translations?.eligibility_description),
      applicationProcess: delocalize(row.application_process, row.translations?.application_process),
      fees: delocalize(row.fees_description, row.translations?.fees_description),
      free: row.free,
      schedules: children.schedules.map(scheduleMapper.fromHsds),
      ...storedCapacity(children.capacities.map(capacityMapper.fromHsds), new Date()),
      status: fromHsdsStatus(row.status),
      locationIds: children.locations.map((l) => importObjectId(l.location_id)),
      governorates: children.areas.map(serviceAreaMapper.fromHsds),
      confidential: row.confidential,
      url: row.url ?? null,
      email: row.email ?? null,
      phones: children.phones.map(phoneMapper.fromHsds),
      lastVerifiedAt: dayStart(row.assured_date),
    };
  },
};

/** Full organization: its direct data, public locations, organization-level contacts, services (list view, or fully nested with `fullServices`). */
export function fullOrganization(
  org: OrganizationSource,
  related: { locations: LocationSource[]; contacts: ContactSource[]; services: ServiceSource[] },
  ctx: HsdsContext,
  options: { fullServices?: boolean } = {},
) {
  return {
    ...organizationMapper.toHsds(org, ctx),
    locations: related.locations.map((l) => locationMapper.toHsds(l, ctx.lang)),
    contacts: related.contacts.map((c) => contactMapper.toHsds(c, ctx.lang)),
    services: related.services.map((s) => (options.fullServices ? serviceMapper.toHsdsFull(s, ctx) : serviceMapper.toHsds(s, ctx))),
  };
}
