import type { I18nController } from '../../i18n/i18n.js';
import type { TextKey } from '../../i18n/en.js';

/** Record fields the verification queue and the audit log name in words; others show as their code. */
const LABELLED = [
  'name',
  'description',
  'type',
  'website',
  'url',
  'email',
  'phones',
  'governorates',
  'languages',
  'acceptsReferrals',
  'categories',
  'populations',
  'eligibility',
  'fees',
  'schedules',
  'status',
  'locationIds',
  'confidential',
  'alternateName',
  'yearIncorporated',
  'legalStatus',
  'headOfficeLocationId',
  'ageMin',
  'ageMax',
  'genderRestriction',
  'applicationProcess',
  'free',
] as const;
type Labelled = (typeof LABELLED)[number];

const isLabelled = (field: string): field is Labelled => (LABELLED as readonly string[]).includes(field);

export function fieldLabel(i18n: I18nController, field: string): string {
  return isLabelled(field) ? i18n.t(`admin.field.${field}` satisfies TextKey) : field;
}
