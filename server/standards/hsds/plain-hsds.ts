import { SERVICE_LANGUAGES, type OrganizationType } from '../../contract/directory/vocabulary.js';
import type { IMPORT_ADJUSTMENTS } from '../../contract/standards/hsds-import.schemas.js';
import { LANGUAGES, type Language } from '../../contract/text/languages.js';
import { say, type Message } from '../../contract/text/messages.js';
import { PhoneSchema } from '../../directory/phone.js';
import { serviceAreaGovernorate } from './rows.js';
import type { TableName } from './spec.js';

/**
 * Plain HSDS 3.0 into the Iraq profile. A file written by another HSDS publisher has none of the
 * profile's columns and uses HSDS's wider vocabularies; before its rows are validated, each row is
 * brought into the profile by explicit rules, and every rule applied is reported for that row:
 * - `mapped`: an ISO 639-2/3 language code (`eng`) read as the directory's code (`en`);
 * - `defaulted`: a missing profile value filled (`organization_type`: DEFAULT_ORGANIZATION_TYPE),
 *   the organisation then waits in the verification queue (`pending`) whatever the file says;
 * - `left-out`: a value the directory cannot hold dropped, the row imported without it;
 * - `skipped`: a row of something the directory does not hold (a virtual location, a postal address,
 *   a monthly schedule, an attribute of an organisation, …), not imported and not an error.
 * What is wrong rather than different (a reference to nothing, a malformed date) stays an error.
 */

export type AdjustmentAction = (typeof IMPORT_ADJUSTMENTS)[number];

/** The type a plain HSDS organisation gets: the commonest kind in the directory; a platform admin corrects it when verifying. */
export const DEFAULT_ORGANIZATION_TYPE: OrganizationType = 'local-ngo';

/** ISO 639-2 (B and T) and 639-3 codes of the languages the directory lists, to its own codes. */
const ISO_639_3: Record<string, string> = {
  ara: 'ar', arb: 'ar', acm: 'ar', eng: 'en', kur: 'ckb', tur: 'tr', syc: 'syr', aii: 'syr', per: 'fa', fas: 'fa', pes: 'fa',
  arm: 'hy', hye: 'hy', ben: 'bn', urd: 'ur', hin: 'hi', nep: 'ne', npi: 'ne', tgl: 'tl', fil: 'tl', amh: 'am', swa: 'sw',
  swh: 'sw', fre: 'fr', fra: 'fr', sin: 'si', ind: 'id',
};

/** A language code or tag (`eng`, `EN`, `en-GB`) as one of `codes`, if it names one. */
function languageOf<C extends string>(value: string, codes: readonly C[]): C | undefined {
  const primary = value.trim().toLowerCase().split(/[-_]/)[0]!;
  const code = (codes as readonly string[]).includes(primary) ? primary : ISO_639_3[primary];
  return code && (codes as readonly string[]).includes(code) ? (code as C) : undefined;
}

export interface Adjustment {
  column: string | null;
  action: AdjustmentAction;
  text: Message;
}

/** Required columns of the profile that plain HSDS files do not have and the rules fill. */
export const FILLED_COLUMNS: Partial<Record<TableName, string[]>> = { organization: ['organization_type'] };

type Values = Record<string, unknown>;

/** An international number (+ or 00 and a country code) not of Iraq (+964), optionally in quotes. */
const FOREIGN_NUMBER = /^["']?(\+|00)(?!964)\d[\d\s().-]{5,}["']?$/;

/** Brings one decoded row into the profile, in place; `skip` when the row is not for this directory. */
export function adaptRow(name: TableName, values: Values): { skip: boolean; adjustments: Adjustment[] } {
  const adjustments: Adjustment[] = [];
  const note = (column: string | null, action: AdjustmentAction, text: Message) => adjustments.push({ column, action, text });
  const skip = (column: string, key: Message['key'], value: unknown) => {
    note(column, 'skipped', { key, params: { value: String(value) } });
    return { skip: true, adjustments };
  };
  const mapLanguage = <C extends string>(column: string, value: string, codes: readonly C[]): C | undefined => {
    const code = languageOf(value, codes);
    if (code && code !== value) note(column, 'mapped', { key: 'importLanguageMapped', params: { value, code } });
    return code;
  };
  const mapLanguages = (column: string) => {
    const list = values[column];
    if (!Array.isArray(list)) return;
    values[column] = [...new Set(list.flatMap((v) => {
      const code = typeof v === 'string' ? mapLanguage(column, v, SERVICE_LANGUAGES) : undefined;
      if (!code) note(column, 'left-out', { key: 'importLanguageLeftOut', params: { value: String(v) } });
      return code ? [code] : [];
    }))];
  };

  switch (name) {
    case 'taxonomy_term': {
      if (typeof values.language !== 'string') break;
      const code = mapLanguage('language', values.language, LANGUAGES);
      if (code) values.language = code satisfies Language;
      else {
        note('language', 'left-out', { key: 'importLanguageLeftOut', params: { value: values.language } });
        delete values.language;
      }
      break;
    }
    case 'organization':
      if (values.organization_type === undefined || values.organization_type === '') {
        values.organization_type = DEFAULT_ORGANIZATION_TYPE;
        note('organization_type', 'defaulted', { key: 'importTypeDefaulted', params: { value: DEFAULT_ORGANIZATION_TYPE } });
        // Nobody said what it is: a platform admin checks it before it counts as verified.
        values.verification_status = 'pending';
      }
      mapLanguages('language_codes');
      break;
    case 'contact':
      mapLanguages('language_codes');
      break;
    case 'location': {
      if (values.location_type !== undefined && values.location_type !== 'physical') return skip('location_type', 'importSkipLocation', values.location_type);
      const { latitude: lat, longitude: lng } = values;
      const onEarth = typeof lat === 'number' && typeof lng === 'number' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
      if ((lat !== undefined || lng !== undefined) && !onEarth) {
        note('latitude', 'left-out', { key: 'importNoCoordinates', params: { value: `${String(lat ?? '')},${String(lng ?? '')}` } });
        delete values.latitude;
        delete values.longitude;
      }
      break;
    }
    case 'address':
      if (values.address_type !== undefined && values.address_type !== 'physical') return skip('address_type', 'importSkipAddress', values.address_type);
      break;
    case 'language': {
      if (typeof values.code !== 'string') return skip('code', 'importSkipLanguage', '');
      const code = mapLanguage('code', values.code, SERVICE_LANGUAGES);
      if (!code) return skip('code', 'importSkipLanguage', values.code);
      values.code = code;
      break;
    }
    case 'service_area':
      if (!serviceAreaGovernorate(values as Parameters<typeof serviceAreaGovernorate>[0])) return skip('name', 'importSkipArea', values.name ?? '');
      break;
    case 'schedule':
      if (values.freq !== undefined && values.freq !== 'WEEKLY') return skip('freq', 'importSkipSchedule', values.freq);
      break;
    case 'attribute':
      if (values.link_entity !== 'service') return skip('link_entity', 'importSkipAttribute', values.link_entity ?? '');
      break;
    case 'phone':
      // A number of another country is left out; one that is no number at all stays an error.
      if (typeof values.number === 'string' && FOREIGN_NUMBER.test(values.number) && !PhoneSchema.shape.number.safeParse(values.number).success) {
        return skip('number', 'importSkipPhone', values.number);
      }
      break;
    default:
      break;
  }
  return { skip: false, adjustments };
}

/** A row left out because the row it belongs to was (an address or a service at location of a skipped location). */
export const skippedWithParent = (column: string, value: string): Adjustment => ({ column, action: 'skipped', text: { key: 'importSkipWithParent', params: { value } } });

/** An adjustment as the report carries it: the English message and the text in each language. */
export function adjustmentText(text: Message): { message: string; text: Record<Language, string> } {
  return { message: say(text, 'en'), text: Object.fromEntries(LANGUAGES.map((l) => [l, say(text, l)])) as Record<Language, string> };
}
