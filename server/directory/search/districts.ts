import { normalizeText } from '../../platform/text/normalize.js';
import type { Words } from './search-vocabulary.js';

/**
 * Iraq's districts (qadha, admin level 2): all of them, by governorate, with their names in English,
 * Arabic and Sorani. Search understands any of the names as a district filter (understand-query.ts),
 * and the directory counts services per district of a chosen governorate (facets.ts): the services
 * with a public location there. A location records its district as text (`address.district`, the
 * English name the sample and most partners write), so a district is found by any of its names,
 * normalised.
 *
 * Sources and how sure each part is (reference data: to be checked in the field, then replaced by an
 * import of the COD-AB admin 2 table):
 * - The list and its Arabic and English names follow OCHA's Iraq COD-AB admin 2 (2019), written here
 *   from memory: no copy of the table was at hand. The first English name of a district is the one
 *   the directory already used (and the sample records); OCHA's spelling follows it where it differs.
 *   `check` says what is not certain (whether the district is in COD-AB, or its spelling).
 * - P-codes (IQGxxQyy) only where known; null until the COD-AB table is imported.
 * - Sorani: in the Kurdistan Region and for places with a Kurdish name in everyday use (Shingal,
 *   Xaneqîn, Kifri…) the name in Kurdistan Regional Government usage (`sorani: 'official'`);
 *   elsewhere a transliteration of the Arabic (`sorani: 'transliterated'`) for a Kurdish speaker to check.
 * - Akre and Shikhan are Ninewa's in COD-AB, though administered from Duhok; Halabja's districts
 *   (the 19th governorate since 2025) were Sulaymaniyah's, and have no P-codes yet.
 * Names that are also everyday words (Hit, الحي, حديثة) are understood only in their unambiguous form
 * ("Hit district", "قضاء حديثة").
 */
export interface District {
  governorate: string;
  /** OCHA's P-code, where known. */
  pcode: string | null;
  /** The first of each language's words: English is what locations record, each is its label. */
  words: Words;
  /** Names that are everyday words too: they name the district on a location, but not in a query. */
  untyped?: readonly string[];
  /** Whether the Sorani name is in use as such or transliterated from the Arabic, awaiting a check. */
  sorani: 'official' | 'transliterated';
  /** What is not certain about this entry, to check against COD-AB. */
  check?: string;
}

/** Governorates whose district names are Kurdish in official use. */
const KURDISTAN_REGION = new Set(['IQ-AR', 'IQ-DA', 'IQ-SU', 'IQ-HA']);

type Extra = { pcode?: string; untyped?: string[]; kurdishName?: true; check?: string };
const d = (governorate: string, en: string[], ar: string[], ckb: string[], extra: Extra = {}): District => ({
  governorate,
  pcode: extra.pcode ?? null,
  words: { en, ar, ckb },
  ...(extra.untyped ? { untyped: extra.untyped } : {}),
  sorani: KURDISTAN_REGION.has(governorate) || extra.kurdishName ? 'official' : 'transliterated',
  ...(extra.check ? { check: extra.check } : {}),
});
const KURDISH = { kurdishName: true } as const;

export const DISTRICTS: Record<string, District> = {
  // Al-Anbar (IQG01)
  'IQ-AN-ramadi': d('IQ-AN', ['Ramadi', 'Al-Ramadi'], ['الرمادي'], ['ڕومادی'], { pcode: 'IQG01Q03' }),
  'IQ-AN-fallujah': d('IQ-AN', ['Fallujah', 'Falluja', 'Al-Fallujah'], ['الفلوجة'], ['فەلووجە']),
  'IQ-AN-hit': d('IQ-AN', ['Hit', 'Hit district', 'Heet'], ['هيت'], ['هیت'], { untyped: ['Hit'] }),
  'IQ-AN-al-qaim': d('IQ-AN', ["Al-Qa'im", 'Qaim', 'Al Qaim', 'Al-Kaim'], ['القائم'], ['قائیم']),
  'IQ-AN-haditha': d('IQ-AN', ['Haditha', 'Haditha district'], ['حديثة', 'قضاء حديثة'], ['حەدیسە'], { untyped: ['حديثة'] }),
  'IQ-AN-ana': d('IQ-AN', ['Ana', 'Ana district', 'Anah'], ['عنه', 'عانة', 'قضاء عنه'], ['عانە'], { untyped: ['Ana', 'عنه'] }),
  'IQ-AN-rawa': d('IQ-AN', ['Rawa', "Ra'ua"], ['راوة'], ['ڕاوە', 'قەزای ڕاوە'], { untyped: ['ڕاوە'] }),
  'IQ-AN-rutba': d('IQ-AN', ['Rutba', 'Al-Rutba'], ['الرطبة'], ['ڕوتبە']),
  // Al-Basrah (IQG02)
  'IQ-BA-basrah-centre': d('IQ-BA', ['Basrah Centre', 'Basra Centre', 'Al-Basrah district'], ['مركز البصرة', 'قضاء البصرة'], ['ناوەندی بەسرە']),
  'IQ-BA-al-zubair': d('IQ-BA', ['Al-Zubair', 'Zubair'], ['الزبير'], ['زوبەیر']),
  'IQ-BA-abu-al-khaseeb': d('IQ-BA', ['Abu Al-Khaseeb', 'Abu al Khasib'], ['أبو الخصيب'], ['ئەبو ئەلخەسیب']),
  'IQ-BA-al-qurna': d('IQ-BA', ['Al-Qurna', 'Qurna'], ['القرنة'], ['قورنە']),
  'IQ-BA-shatt-al-arab': d('IQ-BA', ['Shatt Al-Arab'], ['شط العرب'], ['شەتولعەرەب']),
  'IQ-BA-al-faw': d('IQ-BA', ['Al-Faw', 'Faw', 'Fao'], ['الفاو'], ['فاو'], { pcode: 'IQG02Q03' }),
  'IQ-BA-al-midaina': d('IQ-BA', ['Al-Midaina', 'Al-Medaina', 'Midaina'], ['المدينة', 'قضاء المدينة'], ['مەدینە'], { untyped: ['المدينة'] }),
  // Al-Muthanna (IQG03)
  'IQ-MU-samawah': d('IQ-MU', ['Samawah', 'Samawa', 'Al-Samawa'], ['السماوة'], ['سەماوە']),
  'IQ-MU-al-rumaitha': d('IQ-MU', ['Al-Rumaitha', 'Rumaitha'], ['الرميثة'], ['ڕومەیسە']),
  'IQ-MU-al-khidhir': d('IQ-MU', ['Al-Khidhir', 'Khidhir'], ['الخضر'], ['خدر']),
  'IQ-MU-al-salman': d('IQ-MU', ['Al-Salman', 'Salman'], ['السلمان'], ['سەلمان'], { pcode: 'IQG03Q03' }),
  // Al-Najaf (IQG04)
  'IQ-NA-najaf-centre': d('IQ-NA', ['Najaf Centre', 'Al-Najaf district'], ['مركز النجف', 'قضاء النجف'], ['ناوەندی نەجەف']),
  'IQ-NA-kufa': d('IQ-NA', ['Kufa', 'Al-Kufa'], ['الكوفة'], ['کووفە']),
  'IQ-NA-al-manathera': d('IQ-NA', ['Al-Manathera', 'Manathera'], ['المناذرة'], ['مەنازیرە']),
  // Al-Qadissiya (IQG05)
  'IQ-QA-diwaniyah': d('IQ-QA', ['Diwaniyah', 'Diwaniya', 'Al-Diwaniya'], ['الديوانية'], ['دیوانیە']),
  'IQ-QA-afak': d('IQ-QA', ['Afak', 'Afaq'], ['عفك'], ['عەفەک']),
  'IQ-QA-al-shamiya': d('IQ-QA', ['Al-Shamiya', 'Shamiya'], ['الشامية'], ['شامیە']),
  'IQ-QA-al-hamza': d('IQ-QA', ['Al-Hamza', 'Hamza district'], ['الحمزة', 'قضاء الحمزة'], ['حەمزە', 'قەزای حەمزە'], { untyped: ['Al-Hamza', 'حەمزە'] }),
  // Al-Sulaymaniyah (IQG06)
  'IQ-SU-sulaymaniyah-centre': d('IQ-SU', ['Sulaymaniyah Centre', 'Al-Sulaymaniyah district'], ['مركز السليمانية', 'قضاء السليمانية'], ['ناوەندی سلێمانی']),
  'IQ-SU-chamchamal': d('IQ-SU', ['Chamchamal'], ['جمجمال'], ['چەمچەماڵ']),
  'IQ-SU-ranya': d('IQ-SU', ['Ranya', 'Rania'], ['رانية'], ['ڕانیە']),
  'IQ-SU-penjwin': d('IQ-SU', ['Penjwin'], ['بنجوين'], ['پێنجوێن']),
  'IQ-SU-darbandikhan': d('IQ-SU', ['Darbandikhan', 'Derbendikhan'], ['دربندخان'], ['دەربەندیخان']),
  'IQ-SU-dokan': d('IQ-SU', ['Dokan', 'Dukan'], ['دوكان'], ['دوکان', 'قەزای دوکان'], { untyped: ['دوکان'] }),
  'IQ-SU-kalar': d('IQ-SU', ['Kalar'], ['كلار'], ['کەلار']),
  'IQ-SU-pshdar': d('IQ-SU', ['Pshdar', 'Pishdar'], ['بشدر'], ['پشدەر']),
  'IQ-SU-sharbazher': d('IQ-SU', ['Sharbazher', 'Sharbazhir'], ['شاربازير'], ['شارباژێڕ']),
  // Babil (IQG07)
  'IQ-BB-hillah': d('IQ-BB', ['Hillah', 'Hilla', 'Al-Hilla'], ['الحلة'], ['حیللە']),
  'IQ-BB-al-musayab': d('IQ-BB', ['Al-Musayab', 'Musayyib'], ['المسيب'], ['موسەیەب']),
  'IQ-BB-al-mahawil': d('IQ-BB', ['Al-Mahawil', 'Mahawil'], ['المحاويل'], ['مەحاویل']),
  'IQ-BB-al-hashimiya': d('IQ-BB', ['Al-Hashimiya', 'Hashimiya'], ['الهاشمية'], ['هاشمیە']),
  // Baghdad (IQG08)
  'IQ-BG-karkh': d('IQ-BG', ['Karkh', 'Al-Karkh'], ['الكرخ'], ['کەرخ']),
  'IQ-BG-rusafa': d('IQ-BG', ['Rusafa', 'Al-Resafa', 'Resafa'], ['الرصافة'], ['ڕەسافە']),
  'IQ-BG-adhamiya': d('IQ-BG', ['Adhamiya', 'Adhamiyah', 'Al-Adhamiya'], ['الأعظمية'], ['ئەعزەمیە']),
  'IQ-BG-kadhimiya': d('IQ-BG', ['Kadhimiya', 'Kadhimiyah', 'Al-Kadhmiyah'], ['الكاظمية'], ['کازمیە']),
  'IQ-BG-sadr-city': d('IQ-BG', ['Sadr City', 'Al-Thawra 1', 'Thawra 1'], ['مدينة الصدر', 'الثورة الاولى'], ['شاری سەدر'], { check: 'COD-AB names it Al-Thawra1' }),
  'IQ-BG-thawra-2': d('IQ-BG', ['Al-Thawra 2', 'Thawra 2'], ['الثورة الثانية'], ['سەورەی دوو'], { check: 'name and extent' }),
  'IQ-BG-abu-ghraib': d('IQ-BG', ['Abu Ghraib'], ['أبو غريب'], ['ئەبو غرێب']),
  'IQ-BG-mahmudiya': d('IQ-BG', ['Mahmudiya', 'Mahmudiyah', 'Al-Mahmudiya'], ['المحمودية'], ['مەحموودیە']),
  'IQ-BG-al-madain': d('IQ-BG', ["Al-Mada'in", 'Madain', 'Mada’in'], ['المدائن'], ['مەدائین']),
  'IQ-BG-al-tarmia': d('IQ-BG', ['Al-Tarmia', 'Tarmiya', 'Tarmia'], ['الطارمية'], ['تارمیە']),
  // Duhok (IQG09)
  'IQ-DA-duhok-centre': d('IQ-DA', ['Duhok Centre', 'Duhok district'], ['مركز دهوك', 'قضاء دهوك'], ['ناوەندی دهۆک']),
  'IQ-DA-zakho': d('IQ-DA', ['Zakho'], ['زاخو'], ['زاخۆ']),
  'IQ-DA-sumel': d('IQ-DA', ['Sumel', 'Semel', 'Simele'], ['سيميل', 'سميل'], ['سێمێل']),
  'IQ-DA-amedi': d('IQ-DA', ['Amedi', 'Amadiya', 'Amadiyah'], ['العمادية'], ['ئامێدی']),
  // Diyala (IQG10)
  'IQ-DI-baqubah': d('IQ-DI', ['Baqubah', 'Baquba', "Ba'quba"], ['بعقوبة'], ['بەعقووبە']),
  'IQ-DI-khanaqin': d('IQ-DI', ['Khanaqin'], ['خانقين'], ['خانەقین']),
  'IQ-DI-al-muqdadiya': d('IQ-DI', ['Al-Muqdadiya', 'Muqdadiya'], ['المقدادية'], ['موقدادیە']),
  'IQ-DI-al-khalis': d('IQ-DI', ['Al-Khalis', 'Khalis'], ['الخالص', 'قضاء الخالص'], ['خالس']),
  'IQ-DI-baladrooz': d('IQ-DI', ['Baladrooz', 'Balad Ruz'], ['بلدروز'], ['بەلەدرووز']),
  'IQ-DI-kifri': d('IQ-DI', ['Kifri'], ['كفري'], ['کفری'], KURDISH),
  // Erbil (IQG11)
  'IQ-AR-erbil-centre': d('IQ-AR', ['Erbil Centre', 'Erbil district'], ['مركز أربيل', 'قضاء اربيل'], ['ناوەندی هەولێر']),
  'IQ-AR-soran': d('IQ-AR', ['Soran'], ['سوران'], ['سۆران']),
  'IQ-AR-koya': d('IQ-AR', ['Koya', 'Koysinjaq', 'Koisnjaq'], ['كويه', 'كويسنجق'], ['کۆیە']),
  'IQ-AR-shaqlawa': d('IQ-AR', ['Shaqlawa'], ['شقلاوة'], ['شەقڵاوە']),
  'IQ-AR-makhmur': d('IQ-AR', ['Makhmur'], ['مخمور'], ['مەخموور']),
  'IQ-AR-choman': d('IQ-AR', ['Choman'], ['جومان'], ['چۆمان']),
  'IQ-AR-mergasur': d('IQ-AR', ['Mergasur', 'Mergasor'], ['ميركسور'], ['مێرگەسۆر']),
  // Kerbala (IQG12)
  'IQ-KA-karbala-centre': d('IQ-KA', ['Karbala Centre', 'Kerbala district'], ['مركز كربلاء', 'قضاء كربلاء'], ['ناوەندی کەربەلا']),
  'IQ-KA-al-hindiya': d('IQ-KA', ['Al-Hindiya', 'Hindiya'], ['الهندية'], ['هیندیە']),
  'IQ-KA-ain-al-tamur': d('IQ-KA', ['Ain Al-Tamur', 'Ain Tamur'], ['عين التمر'], ['عەین ئەلتەمر'], { pcode: 'IQG12Q01' }),
  // Kirkuk (IQG13)
  'IQ-KI-kirkuk-centre': d('IQ-KI', ['Kirkuk Centre', 'Kirkuk district'], ['مركز كركوك', 'قضاء كركوك'], ['ناوەندی کەرکووک'], KURDISH),
  'IQ-KI-hawija': d('IQ-KI', ['Hawija', 'Al-Hawiga'], ['الحويجة'], ['حەویجە']),
  'IQ-KI-dibis': d('IQ-KI', ['Dibis'], ['الدبس'], ['دبس'], { pcode: 'IQG13Q03', kurdishName: true }),
  'IQ-KI-daquq': d('IQ-KI', ['Daquq'], ['داقوق'], ['داقووق'], KURDISH),
  // Maysan (IQG14)
  'IQ-MA-amarah': d('IQ-MA', ['Amarah', 'Amara', 'Al-Amara'], ['العمارة'], ['عەمارە']),
  'IQ-MA-al-majar-al-kabir': d('IQ-MA', ['Al-Majar Al-Kabir', 'Majar al Kabir', 'Al-Mejar Al-Kabir'], ['المجر الكبير'], ['مەجەڕ ئەلکەبیر']),
  'IQ-MA-ali-al-gharbi': d('IQ-MA', ['Ali Al-Gharbi'], ['علي الغربي'], ['عەلی ئەلغەربی']),
  'IQ-MA-al-kahla': d('IQ-MA', ['Al-Kahla', 'Kahla'], ['الكحلاء'], ['کەحلا']),
  'IQ-MA-al-maimouna': d('IQ-MA', ['Al-Maimouna', 'Maimouna'], ['الميمونة'], ['مەیموونە']),
  'IQ-MA-qalat-saleh': d('IQ-MA', ['Qalat Saleh', "Qal'at Salih"], ['قلعة صالح'], ['قەڵای ساڵح']),
  // Ninewa (IQG15)
  'IQ-NI-mosul': d('IQ-NI', ['Mosul', 'Al-Mosul'], ['الموصل'], ['موسڵ']),
  'IQ-NI-sinjar': d('IQ-NI', ['Sinjar', 'Shingal'], ['سنجار'], ['شنگال'], KURDISH),
  'IQ-NI-tel-afar': d('IQ-NI', ['Tel Afar', 'Tal Afar', 'Telafar'], ['تلعفر'], ['تەلەعفەر']),
  'IQ-NI-al-hamdaniya': d('IQ-NI', ['Al-Hamdaniya', 'Hamdaniya'], ['الحمدانية'], ['حەمدانیە']),
  'IQ-NI-tel-kaif': d('IQ-NI', ['Tel Kaif', 'Tel Keppe', 'Tilkaif'], ['تلكيف'], ['تەلکێف']),
  'IQ-NI-akre': d('IQ-NI', ['Akre', 'Aqra', 'Akra'], ['عقرة'], ['ئاکرێ'], { pcode: 'IQG15Q01', kurdishName: true }),
  'IQ-NI-shikhan': d('IQ-NI', ['Shikhan', 'Al-Shikhan', 'Shekhan'], ['الشيخان'], ['شێخان'], KURDISH),
  'IQ-NI-al-baaj': d('IQ-NI', ["Al-Ba'aj", 'Baaj'], ['البعاج'], ['بەعاج']),
  'IQ-NI-hatra': d('IQ-NI', ['Hatra', 'Al-Hatra', 'Al-Hadar'], ['الحضر'], ['حەزەر']),
  // Salah Al-Din (IQG16)
  'IQ-SD-tikrit': d('IQ-SD', ['Tikrit'], ['تكريت'], ['تکریت']),
  'IQ-SD-samarra': d('IQ-SD', ['Samarra'], ['سامراء'], ['سامەڕا']),
  'IQ-SD-baiji': d('IQ-SD', ['Baiji', 'Bayji', 'Beygee'], ['بيجي'], ['بێجی']),
  'IQ-SD-tuz-khurmatu': d('IQ-SD', ['Tuz Khurmatu', 'Tuz Khurmatoo', 'Tooz'], ['طوزخورماتو', 'طوز خورماتو'], ['دووزخورماتوو'], KURDISH),
  'IQ-SD-balad': d('IQ-SD', ['Balad', 'Balad district'], ['بلد', 'قضاء بلد'], ['بەلەد'], { untyped: ['بلد'] }),
  'IQ-SD-al-daur': d('IQ-SD', ['Al-Daur', 'Al-Dour', 'Daur'], ['الدور', 'قضاء الدور'], ['دوور'], { untyped: ['الدور', 'دوور'] }),
  'IQ-SD-al-shirqat': d('IQ-SD', ['Al-Shirqat', 'Shirqat', 'Sharqat'], ['الشرقاط'], ['شەرقات']),
  'IQ-SD-dujail': d('IQ-SD', ['Dujail', 'Al-Dujail', 'Al-Fares'], ['الدجيل', 'الفارس'], ['دوجەیل'], { untyped: ['الفارس'], check: 'COD-AB may call it Al-Fares' }),
  // Thi Qar (IQG17)
  'IQ-DQ-nasiriyah': d('IQ-DQ', ['Nasiriyah', 'Nasiriya', 'Al-Nasiriya'], ['الناصرية'], ['ناسریە']),
  'IQ-DQ-al-shatra': d('IQ-DQ', ['Al-Shatra', 'Shatra'], ['الشطرة'], ['شەترە']),
  'IQ-DQ-suq-al-shuyukh': d('IQ-DQ', ['Suq Al-Shuyukh', 'Suq Al-Shoyokh'], ['سوق الشيوخ'], ['سووق ئەلشیوخ']),
  'IQ-DQ-al-chibayish': d('IQ-DQ', ['Al-Chibayish', 'Chibayish', 'Al-Jibayish'], ['الجبايش'], ['چەبایش']),
  'IQ-DQ-al-rifai': d('IQ-DQ', ["Al-Rifa'i", 'Rifai', 'Al-Rifai'], ['الرفاعي'], ['ڕیفاعی']),
  // Wasit (IQG18)
  'IQ-WA-kut': d('IQ-WA', ['Kut', 'Al Kut', 'Al-Kut'], ['الكوت'], ['کووت']),
  'IQ-WA-al-suwaira': d('IQ-WA', ['Al-Suwaira', 'Suwaira'], ['الصويرة'], ['سوەیرە']),
  'IQ-WA-al-hai': d('IQ-WA', ['Al-Hai', 'Al-Hai district'], ['الحي', 'قضاء الحي'], ['حەی', 'قەزای حەی'], { untyped: ['Al-Hai', 'الحي', 'حەی'] }),
  'IQ-WA-al-numaniya': d('IQ-WA', ["Al-Na'maniya", 'Numaniyah', 'Al-Numaniya'], ['النعمانية'], ['نوعمانیە']),
  'IQ-WA-badra': d('IQ-WA', ['Badra'], ['بدرة'], ['بەدرە'], { pcode: 'IQG18Q05' }),
  // Halabja (the 19th governorate since 2025; no P-codes yet)
  'IQ-HA-halabja-centre': d('IQ-HA', ['Halabja Centre', 'Halabja district'], ['مركز حلبجة', 'قضاء حلبجة'], ['ناوەندی هەڵەبجە']),
  'IQ-HA-khurmal': d('IQ-HA', ['Khurmal'], ['خورمال'], ['خورماڵ']),
  'IQ-HA-sirwan': d('IQ-HA', ['Sirwan'], ['سيروان'], ['سیروان']),
  'IQ-HA-byara': d('IQ-HA', ['Byara', 'Biyara'], ['بيارة'], ['بیارە'], { check: 'whether a district or a subdistrict of Halabja' }),
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
