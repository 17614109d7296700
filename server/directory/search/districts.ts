import { normalizeText } from '../../platform/text/normalize.js';
import type { Words } from './search-vocabulary.js';

/**
 * Districts that search understands as a filter (understand-query.ts): the services with a public
 * location there. A location records its district as text (`address.district`, the English name the
 * sample and most partners write), so a district is found by any of its names, normalised.
 * Source: real place names (which the sample directory, seed/sample/generator.ts, also uses) in the
 * Arabic and English spellings common in humanitarian use; Sorani names are transliterations after
 * Kurdistan Regional Government usage. Not yet checked against OCHA's COD-AB admin 2 list, which
 * should replace this one (with its P-codes) when imported. Names that are also everyday words (Hit,
 * الحي) are understood only in their unambiguous form ("Hit district").
 */
export interface District {
  governorate: string;
  /** The first of each language's words: English is what locations record, each is its label. */
  words: Words;
  /** Names that are everyday words too: they name the district on a location, but not in a query. */
  untyped?: readonly string[];
}

const d = (governorate: string, en: string[], ar: string[], ckb: string[], untyped?: string[]): District => ({
  governorate,
  words: { en, ar, ckb },
  ...(untyped ? { untyped } : {}),
});

export const DISTRICTS: Record<string, District> = {
  'IQ-AN-ramadi': d('IQ-AN', ['Ramadi'], ['الرمادي'], ['ڕومادی']),
  'IQ-AN-fallujah': d('IQ-AN', ['Fallujah', 'Falluja'], ['الفلوجة'], ['فەلووجە']),
  'IQ-AN-hit': d('IQ-AN', ['Hit', 'Hit district'], ['هيت'], ['هیت'], ['Hit']),
  'IQ-AN-al-qaim': d('IQ-AN', ["Al-Qa'im", 'Qaim', 'Al Qaim'], ['القائم'], ['قائیم']),
  'IQ-BA-basrah-centre': d('IQ-BA', ['Basrah Centre', 'Basra Centre'], ['مركز البصرة'], ['ناوەندی بەسرە']),
  'IQ-BA-al-zubair': d('IQ-BA', ['Al-Zubair', 'Zubair'], ['الزبير'], ['زوبەیر']),
  'IQ-BA-abu-al-khaseeb': d('IQ-BA', ['Abu Al-Khaseeb', 'Abu al Khasib'], ['أبو الخصيب'], ['ئەبو ئەلخەسیب']),
  'IQ-BA-al-qurna': d('IQ-BA', ['Al-Qurna', 'Qurna'], ['القرنة'], ['قورنە']),
  'IQ-BA-shatt-al-arab': d('IQ-BA', ['Shatt Al-Arab'], ['شط العرب'], ['شەتولعەرەب']),
  'IQ-MU-samawah': d('IQ-MU', ['Samawah', 'Samawa'], ['السماوة'], ['سەماوە']),
  'IQ-MU-al-rumaitha': d('IQ-MU', ['Al-Rumaitha', 'Rumaitha'], ['الرميثة'], ['ڕومەیسە']),
  'IQ-MU-al-khidhir': d('IQ-MU', ['Al-Khidhir', 'Khidhir'], ['الخضر'], ['خدر']),
  'IQ-NA-najaf-centre': d('IQ-NA', ['Najaf Centre'], ['مركز النجف'], ['ناوەندی نەجەف']),
  'IQ-NA-kufa': d('IQ-NA', ['Kufa'], ['الكوفة'], ['کووفە']),
  'IQ-NA-al-manathera': d('IQ-NA', ['Al-Manathera', 'Manathera'], ['المناذرة'], ['مەنازیرە']),
  'IQ-QA-diwaniyah': d('IQ-QA', ['Diwaniyah', 'Diwaniya'], ['الديوانية'], ['دیوانیە']),
  'IQ-QA-afak': d('IQ-QA', ['Afak'], ['عفك'], ['عەفەک']),
  'IQ-QA-al-shamiya': d('IQ-QA', ['Al-Shamiya', 'Shamiya'], ['الشامية'], ['شامیە']),
  'IQ-SU-sulaymaniyah-centre': d('IQ-SU', ['Sulaymaniyah Centre'], ['مركز السليمانية'], ['ناوەندی سلێمانی']),
  'IQ-SU-chamchamal': d('IQ-SU', ['Chamchamal'], ['جمجمال'], ['چەمچەماڵ']),
  'IQ-SU-ranya': d('IQ-SU', ['Ranya', 'Rania'], ['رانية'], ['ڕانیە']),
  'IQ-SU-penjwin': d('IQ-SU', ['Penjwin'], ['بنجوين'], ['پێنجوێن']),
  'IQ-BB-hillah': d('IQ-BB', ['Hillah', 'Hilla'], ['الحلة'], ['حیللە']),
  'IQ-BB-al-musayab': d('IQ-BB', ['Al-Musayab', 'Musayyib'], ['المسيب'], ['موسەیەب']),
  'IQ-BB-al-mahawil': d('IQ-BB', ['Al-Mahawil', 'Mahawil'], ['المحاويل'], ['مەحاویل']),
  'IQ-BG-karkh': d('IQ-BG', ['Karkh'], ['الكرخ'], ['کەرخ']),
  'IQ-BG-rusafa': d('IQ-BG', ['Rusafa'], ['الرصافة'], ['ڕەسافە']),
  'IQ-BG-adhamiya': d('IQ-BG', ['Adhamiya', 'Adhamiyah'], ['الأعظمية'], ['ئەعزەمیە']),
  'IQ-BG-kadhimiya': d('IQ-BG', ['Kadhimiya', 'Kadhimiyah'], ['الكاظمية'], ['کازمیە']),
  'IQ-BG-sadr-city': d('IQ-BG', ['Sadr City'], ['مدينة الصدر'], ['شاری سەدر']),
  'IQ-BG-abu-ghraib': d('IQ-BG', ['Abu Ghraib'], ['أبو غريب'], ['ئەبو غرێب']),
  'IQ-BG-mahmudiya': d('IQ-BG', ['Mahmudiya', 'Mahmudiyah'], ['المحمودية'], ['مەحموودیە']),
  'IQ-DA-duhok-centre': d('IQ-DA', ['Duhok Centre'], ['مركز دهوك'], ['ناوەندی دهۆک']),
  'IQ-DA-zakho': d('IQ-DA', ['Zakho'], ['زاخو'], ['زاخۆ']),
  'IQ-DA-sumel': d('IQ-DA', ['Sumel', 'Semel'], ['سيميل'], ['سێمێل']),
  'IQ-DA-amedi': d('IQ-DA', ['Amedi', 'Amadiya'], ['العمادية'], ['ئامێدی']),
  'IQ-DI-baqubah': d('IQ-DI', ['Baqubah', 'Baquba'], ['بعقوبة'], ['بەعقووبە']),
  'IQ-DI-khanaqin': d('IQ-DI', ['Khanaqin'], ['خانقين'], ['خانەقین']),
  'IQ-DI-al-muqdadiya': d('IQ-DI', ['Al-Muqdadiya', 'Muqdadiya'], ['المقدادية'], ['موقدادیە']),
  'IQ-AR-erbil-centre': d('IQ-AR', ['Erbil Centre'], ['مركز أربيل'], ['ناوەندی هەولێر']),
  'IQ-AR-soran': d('IQ-AR', ['Soran'], ['سوران'], ['سۆران']),
  'IQ-AR-koya': d('IQ-AR', ['Koya', 'Koysinjaq'], ['كويه', 'كويسنجق'], ['کۆیە']),
  'IQ-AR-shaqlawa': d('IQ-AR', ['Shaqlawa'], ['شقلاوة'], ['شەقڵاوە']),
  'IQ-AR-makhmur': d('IQ-AR', ['Makhmur'], ['مخمور'], ['مەخموور']),
  'IQ-KA-karbala-centre': d('IQ-KA', ['Karbala Centre'], ['مركز كربلاء'], ['ناوەندی کەربەلا']),
  'IQ-KA-al-hindiya': d('IQ-KA', ['Al-Hindiya', 'Hindiya'], ['الهندية'], ['هیندیە']),
  'IQ-KA-ain-al-tamur': d('IQ-KA', ['Ain Al-Tamur', 'Ain Tamur'], ['عين التمر'], ['عەین ئەلتەمر']),
  'IQ-KI-kirkuk-centre': d('IQ-KI', ['Kirkuk Centre'], ['مركز كركوك'], ['ناوەندی کەرکووک']),
  'IQ-KI-hawija': d('IQ-KI', ['Hawija'], ['الحويجة'], ['حەویجە']),
  'IQ-KI-dibis': d('IQ-KI', ['Dibis'], ['الدبس'], ['دبس']),
  'IQ-KI-daquq': d('IQ-KI', ['Daquq'], ['داقوق'], ['داقووق']),
  'IQ-MA-amarah': d('IQ-MA', ['Amarah', 'Amara'], ['العمارة'], ['عەمارە']),
  'IQ-MA-al-majar-al-kabir': d('IQ-MA', ['Al-Majar Al-Kabir', 'Majar al Kabir'], ['المجر الكبير'], ['مەجەڕ ئەلکەبیر']),
  'IQ-MA-ali-al-gharbi': d('IQ-MA', ['Ali Al-Gharbi'], ['علي الغربي'], ['عەلی ئەلغەربی']),
  'IQ-NI-mosul': d('IQ-NI', ['Mosul'], ['الموصل'], ['موسڵ']),
  'IQ-NI-sinjar': d('IQ-NI', ['Sinjar', 'Shingal'], ['سنجار'], ['شنگال']),
  'IQ-NI-tel-afar': d('IQ-NI', ['Tel Afar', 'Tal Afar'], ['تلعفر'], ['تەلەعفەر']),
  'IQ-NI-al-hamdaniya': d('IQ-NI', ['Al-Hamdaniya', 'Hamdaniya'], ['الحمدانية'], ['حەمدانیە']),
  'IQ-NI-tel-kaif': d('IQ-NI', ['Tel Kaif', 'Tel Keppe'], ['تلكيف'], ['تەلکێف']),
  'IQ-SD-tikrit': d('IQ-SD', ['Tikrit'], ['تكريت'], ['تکریت']),
  'IQ-SD-samarra': d('IQ-SD', ['Samarra'], ['سامراء'], ['سامەڕا']),
  'IQ-SD-baiji': d('IQ-SD', ['Baiji', 'Bayji'], ['بيجي'], ['بێجی']),
  'IQ-SD-tuz-khurmatu': d('IQ-SD', ['Tuz Khurmatu', 'Tuz Khurmatoo'], ['طوزخورماتو', 'طوز خورماتو'], ['دووزخورماتوو']),
  'IQ-DQ-nasiriyah': d('IQ-DQ', ['Nasiriyah', 'Nasiriya'], ['الناصرية'], ['ناسریە']),
  'IQ-DQ-al-shatra': d('IQ-DQ', ['Al-Shatra', 'Shatra'], ['الشطرة'], ['شەترە']),
  'IQ-DQ-suq-al-shuyukh': d('IQ-DQ', ['Suq Al-Shuyukh'], ['سوق الشيوخ'], ['سووق ئەلشیوخ']),
  'IQ-WA-kut': d('IQ-WA', ['Kut', 'Al Kut'], ['الكوت'], ['کووت']),
  'IQ-WA-al-suwaira': d('IQ-WA', ['Al-Suwaira', 'Suwaira'], ['الصويرة'], ['سوەیرە']),
  'IQ-WA-al-hai': d('IQ-WA', ['Al-Hai', 'Al-Hai district'], ['الحي', 'قضاء الحي'], ['حەی', 'قەزای حەی'], ['Al-Hai', 'الحي', 'حەی']),
  'IQ-HA-halabja-centre': d('IQ-HA', ['Halabja Centre'], ['مركز حلبجة'], ['ناوەندی هەڵەبجە']),
  'IQ-HA-khurmal': d('IQ-HA', ['Khurmal'], ['خورمال'], ['خورماڵ']),
  'IQ-HA-sirwan': d('IQ-HA', ['Sirwan'], ['سيروان'], ['سیروان']),
};

export const DISTRICT_CODES = Object.keys(DISTRICTS) as [string, ...string[]];

/** Every name of the districts, normalised: what a location's `address.district` may say. */
export const districtNames = (codes: readonly string[]): Set<string> =>
  new Set(codes.flatMap((code) => Object.values(DISTRICTS[code]?.words ?? {}).flat()).map(normalizeText));

/** A district's label in each language: the first of its words. */
export function districtName(code: string): { en: string; ar: string; ckb: string } | undefined {
  const words = DISTRICTS[code]?.words;
  return words && { en: words.en[0]!, ar: words.ar[0]!, ckb: words.ckb[0]! };
}
