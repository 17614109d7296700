/**
 * Word lists for the fictional sample directory. Names are assembled from these parts, so no
 * organisation, person or phone number in the sample describes a real one. Placeholders in braces
 * ({gov}, {district}, {root}, {focus}, {year}) are filled per language by the generator.
 * Category keys are taxonomy codes of server/contract/directory/taxonomy/categories.ts; the generator checks them when it loads.
 */
import type { OrganizationType, Population, ServiceLanguage } from '../../server/contract/directory/vocabulary.js';

/** A taxonomy category code (server/contract/directory/taxonomy/categories.ts). */
type CategoryCode = string;

/** A text in English and Arabic, and in Kurdish (Sorani) where the sample needs it. */
export interface Text {
  en: string;
  ar: string;
  ckb?: string;
}

/** A text that is always available in all three languages (used anywhere, including the Kurdistan Region). */
export interface Text3 extends Text {
  ckb: string;
}

const t3 = (en: string, ar: string, ckb: string): Text3 => ({ en, ar, ckb });

/**
 * The districts the sample's offices are in (of server/directory/search/districts.ts), in this order:
 * a fixed set, so that the sample directory, and the tests that know it, stay as they are when the
 * reference list of districts grows.
 */
export const SAMPLE_DISTRICTS: readonly string[] = [
  'IQ-AN-ramadi', 'IQ-AN-fallujah', 'IQ-AN-hit', 'IQ-AN-al-qaim', 'IQ-BA-basrah-centre', 'IQ-BA-al-zubair',
  'IQ-BA-abu-al-khaseeb', 'IQ-BA-al-qurna', 'IQ-BA-shatt-al-arab', 'IQ-MU-samawah', 'IQ-MU-al-rumaitha',
  'IQ-MU-al-khidhir', 'IQ-NA-najaf-centre', 'IQ-NA-kufa', 'IQ-NA-al-manathera', 'IQ-QA-diwaniyah', 'IQ-QA-afak',
  'IQ-QA-al-shamiya', 'IQ-SU-sulaymaniyah-centre', 'IQ-SU-chamchamal', 'IQ-SU-ranya', 'IQ-SU-penjwin',
  'IQ-BB-hillah', 'IQ-BB-al-musayab', 'IQ-BB-al-mahawil', 'IQ-BG-karkh', 'IQ-BG-rusafa', 'IQ-BG-adhamiya',
  'IQ-BG-kadhimiya', 'IQ-BG-sadr-city', 'IQ-BG-abu-ghraib', 'IQ-BG-mahmudiya', 'IQ-DA-duhok-centre',
  'IQ-DA-zakho', 'IQ-DA-sumel', 'IQ-DA-amedi', 'IQ-DI-baqubah', 'IQ-DI-khanaqin', 'IQ-DI-al-muqdadiya',
  'IQ-AR-erbil-centre', 'IQ-AR-soran', 'IQ-AR-koya', 'IQ-AR-shaqlawa', 'IQ-AR-makhmur', 'IQ-KA-karbala-centre',
  'IQ-KA-al-hindiya', 'IQ-KA-ain-al-tamur', 'IQ-KI-kirkuk-centre', 'IQ-KI-hawija', 'IQ-KI-dibis', 'IQ-KI-daquq',
  'IQ-MA-amarah', 'IQ-MA-al-majar-al-kabir', 'IQ-MA-ali-al-gharbi', 'IQ-NI-mosul', 'IQ-NI-sinjar',
  'IQ-NI-tel-afar', 'IQ-NI-al-hamdaniya', 'IQ-NI-tel-kaif', 'IQ-SD-tikrit', 'IQ-SD-samarra', 'IQ-SD-baiji',
  'IQ-SD-tuz-khurmatu', 'IQ-DQ-nasiriyah', 'IQ-DQ-al-shatra', 'IQ-DQ-suq-al-shuyukh', 'IQ-WA-kut',
  'IQ-WA-al-suwaira', 'IQ-WA-al-hai', 'IQ-HA-halabja-centre', 'IQ-HA-khurmal', 'IQ-HA-sirwan',
];

/** Relative share of organisations per governorate: the big humanitarian hubs get more. */
export const GOVERNORATE_WEIGHT: Record<string, number> = {
  'IQ-BG': 5,
  'IQ-BA': 3,
  'IQ-NA': 3,
  'IQ-AR': 3,
  'IQ-DA': 3,
  'IQ-NI': 3,
};

export const STREETS: Text3[] = [
  t3('Palestine Street', 'شارع فلسطين', 'شەقامی فەلەستین'),
  t3('Al-Jazair Street', 'شارع الجزائر', 'شەقامی جەزائیر'),
  t3('Al-Istiqlal Street', 'شارع الاستقلال', 'شەقامی سەربەخۆیی'),
  t3('Corniche Street', 'شارع الكورنيش', 'شەقامی کۆرنیش'),
  t3('Industry Street', 'شارع الصناعة', 'شەقامی پیشەسازی'),
  t3('100 Metre Road', 'شارع المئة متر', 'شەقامی ١٠٠ مەتری'),
  t3('Al-Rabee Street', 'شارع الربيع', 'شەقامی بەهار'),
  t3('Al-Andalus Street', 'شارع الأندلس', 'شەقامی ئەندەلوس'),
  t3('Hospital Street', 'شارع المستشفى', 'شەقامی نەخۆشخانە'),
  t3('University Street', 'شارع الجامعة', 'شەقامی زانکۆ'),
];

// ── Organisation names ────────────────────────────────────────────────────────────────────────────

/** First part of local NGO and media names: a virtue or a place, as Iraqi NGOs are often named. */
export const ARABIC_ROOTS: Text3[] = [
  t3('Al-Amal', 'الأمل', 'ئەمەل'),
  t3('Al-Noor', 'النور', 'نوور'),
  t3('Al-Rahma', 'الرحمة', 'ڕەحمە'),
  t3('Al-Salam', 'السلام', 'سەلام'),
  t3('Al-Wafaa', 'الوفاء', 'وەفا'),
  t3('Al-Ihsan', 'الإحسان', 'ئیحسان'),
  t3('Al-Tadamun', 'التضامن', 'تەزامون'),
  t3('Al-Fajr', 'الفجر', 'فەجر'),
  t3('Al-Karama', 'الكرامة', 'کەرامە'),
  t3('Al-Ataa', 'العطاء', 'عەتا'),
  t3('Al-Mustaqbal', 'المستقبل', 'موستەقبەل'),
  t3('Al-Hayat', 'الحياة', 'حەیات'),
  t3('Al-Rafidain', 'الرافدين', 'ڕافیدەین'),
  t3('Dijla', 'دجلة', 'دیجلە'),
  t3('Al-Furat', 'الفرات', 'فورات'),
  t3('Al-Nakhla', 'النخلة', 'نەخلە'),
  t3('Al-Yasmin', 'الياسمين', 'یاسەمین'),
  t3("Al-Wi'am", 'الوئام', 'ویئام'),
  t3('Al-Mawadda', 'المودة', 'مەوەددە'),
  t3('Al-Sanabel', 'السنابل', 'سەنابل'),
  t3('Ishraq', 'إشراق', 'ئیشراق'),
  t3('Al-Tawasul', 'التواصل', 'تەواسول'),
  t3('Al-Ghad', 'الغد', 'غەد'),
  t3('Al-Basma', 'البسمة', 'بەسمە'),
];

/** Kurdish roots, for organisations based in the Kurdistan Region. */
export const KURDISH_ROOTS: Text3[] = [
  t3('Hiwa', 'هيوا', 'هیوا'),
  t3('Jiyan', 'جيان', 'ژیان'),
  t3('Roj', 'روج', 'ڕۆژ'),
  t3('Aram', 'آرام', 'ئارام'),
  t3('Dilovan', 'دلوڤان', 'دڵۆڤان'),
  t3('Berbang', 'بربانگ', 'بەربانگ'),
  t3('Nishtiman', 'نيشتمان', 'نیشتمان'),
  t3('Rasti', 'راستي', 'ڕاستی'),
  t3('Bahar', 'بهار', 'بەهار'),
  t3('Chira', 'چرا', 'چرا'),
  t3('Hawkari', 'هاوكاري', 'هاوکاری'),
];

/** What a local NGO is for: Title Case for the English name, a plain noun phrase otherwise. */
export const NGO_FOCUSES: Text3[] = [
  t3("Women's Support", 'دعم المرأة', 'پشتگیریی ئافرەتان'),
  t3('Human Rights', 'حقوق الإنسان', 'مافەکانی مرۆڤ'),
  t3('Child Protection', 'حماية الطفل', 'پاراستنی منداڵ'),
  t3('Humanitarian Relief', 'الإغاثة الإنسانية', 'هاوکاریی مرۆیی'),
  t3('Development', 'التنمية', 'گەشەپێدان'),
  t3('Legal Aid', 'المساعدة القانونية', 'هاوکاریی یاسایی'),
  t3('Youth Empowerment', 'تمكين الشباب', 'بەهێزکردنی گەنجان'),
  t3('Survivor Care', 'رعاية الناجين', 'چاودێریی ڕزگاربووان'),
  t3('Displaced Families', 'دعم العوائل النازحة', 'پشتگیریی خێزانە ئاوارەکان'),
  t3('Family Counselling', 'الإرشاد الأسري', 'ڕاوێژکاریی خێزانی'),
  t3('Disability Inclusion', 'دمج ذوي الإعاقة', 'تێکەڵکردنی کەسانی خاوەن پێداویستیی تایبەت'),
  t3('Peace and Dialogue', 'السلام والحوار', 'ئاشتی و گفتوگۆ'),
  t3("Migrant Workers' Rights", 'حقوق العمال المهاجرين', 'مافەکانی کرێکارە کۆچبەرەکان'),
  t3('Community Health', 'الصحة المجتمعية', 'تەندروستیی کۆمەڵگە'),
  t3('Education and Literacy', 'التعليم ومحو الأمية', 'پەروەردە و نەهێشتنی نەخوێندەواری'),
];

/** The kind of body in a local NGO name; Kurdish forms carry the ezafe that joins them to the root. */
export const NGO_FORMS: Text3[] = [
  t3('Organization', 'منظمة', 'ڕێکخراوی'),
  t3('Association', 'جمعية', 'کۆمەڵەی'),
  t3('Foundation', 'مؤسسة', 'دامەزراوەی'),
  t3('Center', 'مركز', 'سەنتەری'),
  t3('Network', 'شبكة', 'تۆڕی'),
];

/** Invented international NGOs; a governorate office is added to the name. */
export const INGO_NAMES: Text3[] = [
  t3('Bridges for Dignity International', 'جسور الكرامة الدولية', 'پردەکانی کەرامەت - نێودەوڵەتی'),
  t3('Open Horizons Relief', 'آفاق مفتوحة للإغاثة', 'ئاسۆ کراوەکان بۆ فریاگوزاری'),
  t3('SafePath International', 'المسار الآمن الدولية', 'ڕێگای سەلامەت - نێودەوڵەتی'),
  t3('Harbour Aid Collective', 'تجمّع المرفأ للمساعدة', 'کۆمەڵەی هاوکاریی بەندەر'),
  t3('Common Ground Humanitarian', 'الأرضية المشتركة الإنسانية', 'زەمینەی هاوبەشی مرۆیی'),
  t3('Lantern Rights Initiative', 'مبادرة الفانوس للحقوق', 'دەستپێشخەریی فانۆس بۆ ماف'),
  t3('Northstar Protection Alliance', 'تحالف نجمة الشمال للحماية', 'هاوپەیمانیی ئەستێرەی باکوور بۆ پاراستن'),
];

/** Invented United Nations bodies (no real agency has these names). */
export const UN_NAMES: Text3[] = [
  t3('UN Office for Migrant Safety', 'مكتب الأمم المتحدة لسلامة المهاجرين', 'نووسینگەی نەتەوە یەکگرتووەکان بۆ سەلامەتیی کۆچبەران'),
  t3('UN Fund for Survivor Recovery', 'صندوق الأمم المتحدة لتعافي الناجين', 'سندوقی نەتەوە یەکگرتووەکان بۆ چاکبوونەوەی ڕزگاربووان'),
  t3(
    'UN Programme for Community Resilience',
    'برنامج الأمم المتحدة لصمود المجتمعات',
    'بەرنامەی نەتەوە یەکگرتووەکان بۆ خۆڕاگریی کۆمەڵگە',
  ),
];

/** Office suffixes for international bodies, which have one office per governorate. */
export const INGO_OFFICE = t3('{name} – {gov} Office', '{name} – مكتب {gov}', '{name} – نووسینگەی {gov}');
export const UN_OFFICE = t3('{name} – {gov} Sub-Office', '{name} – المكتب الفرعي في {gov}', '{name} – نووسینگەی لاوەکی لە {gov}');

/** The body every governorate has: its anti-trafficking police unit runs the governorate's hotline. */
export const ANTI_TRAFFICKING_POLICE = t3(
  '{gov} Anti-Trafficking Police Unit',
  'وحدة شرطة مكافحة الاتجار بالبشر في {gov}',
  'یەکەی پۆلیسی دژە بازرگانی بە مرۆڤ لە {gov}',
);

/** The social-affairs directorate, the second public body of every governorate with room for one. */
export const SOCIAL_AFFAIRS_DIRECTORATE = t3(
  '{gov} Directorate of Labour and Social Affairs',
  'مديرية العمل والشؤون الاجتماعية في {gov}',
  'بەڕێوەبەرایەتیی کار و کاروباری کۆمەڵایەتی لە {gov}',
);

/**
 * Name patterns of further organisations per type (the two public bodies above are placed once per
 * governorate; local NGOs and international bodies are named differently).
 */
export const NAME_PATTERNS: Partial<Record<OrganizationType, Text3[]>> = {
  'community-based': [
    t3("{district} Women's Committee", 'لجنة نساء {district}', 'لیژنەی ئافرەتانی {district}'),
    t3('{district} Youth Volunteers Group', 'فريق شباب {district} التطوعي', 'تیمی خۆبەخشی گەنجانی {district}'),
    t3('{district} Community Protection Committee', 'لجنة الحماية المجتمعية في {district}', 'لیژنەی پاراستنی کۆمەڵگە لە {district}'),
    t3("{district} Elders' Council", 'مجلس وجهاء {district}', 'ئەنجومەنی ڕیشسپیانی {district}'),
    t3("{district} Mothers' Support Circle", 'حلقة دعم الأمهات في {district}', 'بازنەی پشتگیریی دایکان لە {district}'),
  ],
  government: [
    t3('{gov} Health Directorate – Survivor Care Unit', 'دائرة صحة {gov} – وحدة رعاية الناجين', 'بەڕێوەبەرایەتیی تەندروستیی {gov} – یەکەی چاودێریی ڕزگاربووان'),
    t3(
      '{gov} Sub-Committee to Combat Trafficking in Persons',
      'اللجنة الفرعية لمكافحة الاتجار بالبشر في {gov}',
      'لیژنەی لاوەکیی ڕووبەڕووبوونەوەی بازرگانی بە مرۆڤ لە {gov}',
    ),
    t3('{gov} Civil Status Office – Documentation Desk', 'دائرة الأحوال المدنية في {gov} – مكتب الوثائق', 'فەرمانگەی باری شارستانیی {gov} – مێزی بەڵگەنامە'),
    t3('{gov} Education Directorate – Catch-up Learning Section', 'مديرية تربية {gov} – قسم التعليم المسرّع', 'بەڕێوەبەرایەتیی پەروەردەی {gov} – بەشی فێربوونی خێرا'),
    t3("{gov} Women's Empowerment Office", 'مكتب تمكين المرأة في {gov}', 'نووسینگەی بەهێزکردنی ئافرەتان لە {gov}'),
  ],
  'law-enforcement': [
    t3('{gov} Family and Child Protection Police', 'شرطة حماية الأسرة والطفل في {gov}', 'پۆلیسی پاراستنی خێزان و منداڵ لە {gov}'),
    t3('{gov} Community Police – {district} Office', 'الشرطة المجتمعية في {gov} – مكتب {district}', 'پۆلیسی کۆمەڵگە لە {gov} – نووسینگەی {district}'),
    t3('{gov} Residency and Foreigners Police', 'شرطة الإقامة وشؤون الأجانب في {gov}', 'پۆلیسی نیشتەجێبوون و کاروباری بیانییان لە {gov}'),
  ],
  judiciary: [
    t3('{gov} Investigation Court – Trafficking Cases Desk', 'محكمة تحقيق {gov} – مكتب قضايا الاتجار بالبشر', 'دادگای لێکۆڵینەوەی {gov} – مێزی دۆسیەکانی بازرگانی بە مرۆڤ'),
    t3('{gov} Juvenile Court – Social Research Office', 'محكمة أحداث {gov} – مكتب البحث الاجتماعي', 'دادگای هەرزەکارانی {gov} – نووسینگەی توێژینەوەی کۆمەڵایەتی'),
    t3('{gov} Public Prosecution – Victim Support Desk', 'الادعاء العام في {gov} – مكتب دعم الضحايا', 'داواکاریی گشتی لە {gov} – مێزی پشتگیریی قوربانییان'),
  ],
  'bar-association': [
    t3("{gov} Lawyers' Pro Bono Committee", 'لجنة المحامين المتطوعين في {gov}', 'لیژنەی پارێزەرانی خۆبەخش لە {gov}'),
    t3("{gov} Women Lawyers' Forum", 'ملتقى المحاميات في {gov}', 'کۆڕی پارێزەرە ئافرەتەکانی {gov}'),
    t3("{gov} Young Lawyers' Legal Aid Circle", 'حلقة المحامين الشباب للمساعدة القانونية في {gov}', 'بازنەی پارێزەرە گەنجەکان بۆ هاوکاریی یاسایی لە {gov}'),
  ],
  media: [
    t3('{root} Community Radio', 'إذاعة {root} المجتمعية', 'ڕادیۆی کۆمەڵایەتیی {root}'),
    t3('{gov} Network of Investigative Journalists', 'شبكة الصحفيين الاستقصائيين في {gov}', 'تۆڕی ڕۆژنامەنووسانی لێکۆڵەر لە {gov}'),
    t3('{root} Media Centre for Social Awareness', 'مركز {root} الإعلامي للتوعية المجتمعية', 'سەنتەری ڕاگەیاندنی {root} بۆ هۆشیاریی کۆمەڵایەتی'),
  ],
  academic: [
    t3('{root} Institute for Social Research', 'معهد {root} للبحوث الاجتماعية', 'پەیمانگەی {root} بۆ توێژینەوەی کۆمەڵایەتی'),
    t3('{gov} University College – Legal Clinic', 'الكلية الجامعية في {gov} – العيادة القانونية', 'کۆلێژی زانکۆیی {gov} – کلینیکی یاسایی'),
    t3('Centre for Migration Studies – {gov}', 'مركز دراسات الهجرة – {gov}', 'سەنتەری توێژینەوەکانی کۆچ – {gov}'),
  ],
};

/** Appended to every organisation description, so nobody mistakes a sample record for a real body. */
export const FICTIONAL_NOTE = t3(
  'Fictional sample record for demonstration and testing.',
  'سجل تجريبي وهمي لأغراض العرض والاختبار.',
  'تۆمارێکی نموونەیی خەیاڵییە بۆ نیشاندان و تاقیکردنەوە.',
);

export const ORGANIZATION_DESCRIPTIONS: Record<OrganizationType, Text3> = {
  'local-ngo': t3(
    'Local non-governmental organisation working on {focus} in {gov} since {year}.',
    'منظمة غير حكومية محلية تعمل في مجال {focus} في {gov} منذ عام {year}.',
    'ڕێکخراوێکی ناحکومیی ناوخۆییە کە لە ساڵی {year}ەوە لە بواری {focus} لە {gov} کار دەکات.',
  ),
  'community-based': t3(
    'Volunteer community group in {district} that identifies people at risk and accompanies them to services.',
    'مجموعة مجتمعية تطوعية في {district} تتعرف على الأشخاص المعرضين للخطر وترافقهم إلى الخدمات.',
    'گروپێکی خۆبەخشی کۆمەڵایەتییە لە {district} کە کەسانی لە مەترسیدا دەناسێتەوە و یاوەرییان دەکات بۆ خزمەتگوزارییەکان.',
  ),
  'international-ngo': t3(
    'International humanitarian organisation providing protection and recovery services in {gov}.',
    'منظمة إنسانية دولية تقدم خدمات الحماية والتعافي في {gov}.',
    'ڕێکخراوێکی مرۆیی نێودەوڵەتییە کە خزمەتگوزاریی پاراستن و چاکبوونەوە لە {gov} پێشکەش دەکات.',
  ),
  'un-agency': t3(
    'United Nations office supporting the national referral mechanism for survivors of trafficking in {gov}.',
    'مكتب تابع للأمم المتحدة يدعم آلية الإحالة الوطنية لضحايا الاتجار بالبشر في {gov}.',
    'نووسینگەیەکی نەتەوە یەکگرتووەکانە کە پشتگیریی میکانیزمی نیشتمانیی ئاڕاستەکردن بۆ ڕزگاربووانی بازرگانی بە مرۆڤ لە {gov} دەکات.',
  ),
  government: t3(
    'Public body in {gov} responsible for the social protection of vulnerable people, including survivors of trafficking.',
    'جهة حكومية في {gov} مسؤولة عن الحماية الاجتماعية للفئات الهشة، ومنها ضحايا الاتجار بالبشر.',
    'دامەزراوەیەکی حکومییە لە {gov} کە بەرپرسە لە پاراستنی کۆمەڵایەتیی کەسانی لاواز، لەوانە ڕزگاربووانی بازرگانی بە مرۆڤ.',
  ),
  'law-enforcement': t3(
    'Police unit in {gov} that receives reports of trafficking, investigates cases and refers victims to protection services.',
    'وحدة شرطة في {gov} تستقبل البلاغات عن الاتجار بالبشر وتحقق في القضايا وتحيل الضحايا إلى خدمات الحماية.',
    'یەکەیەکی پۆلیسە لە {gov} کە ڕاپۆرتی بازرگانی بە مرۆڤ وەردەگرێت، لە دۆسیەکان دەکۆڵێتەوە و قوربانییان ئاڕاستەی خزمەتگوزارییەکانی پاراستن دەکات.',
  ),
  judiciary: t3(
    'Judicial office in {gov} handling trafficking-related cases with attention to the rights of victims.',
    'جهة قضائية في {gov} تنظر في القضايا المتعلقة بالاتجار بالبشر مع مراعاة حقوق الضحايا.',
    'دەزگایەکی دادوەرییە لە {gov} کە دۆسیەکانی پەیوەست بە بازرگانی بە مرۆڤ بەڕێوە دەبات و ڕەچاوی مافی قوربانییان دەکات.',
  ),
  'bar-association': t3(
    'Lawyers in {gov} who represent survivors of trafficking and gender-based violence free of charge.',
    'محامون في {gov} يمثلون الناجين من الاتجار بالبشر والعنف القائم على النوع الاجتماعي مجاناً.',
    'پارێزەرانی {gov} کە بەخۆڕایی نوێنەرایەتیی ڕزگاربووانی بازرگانی بە مرۆڤ و توندوتیژیی ڕەگەزی دەکەن.',
  ),
  media: t3(
    'Media outlet in {gov} producing awareness programmes on trafficking, safe migration and workers’ rights.',
    'وسيلة إعلامية في {gov} تنتج برامج توعية حول الاتجار بالبشر والهجرة الآمنة وحقوق العمال.',
    'دەزگایەکی ڕاگەیاندنە لە {gov} کە بەرنامەی هۆشیارکردنەوە دەربارەی بازرگانی بە مرۆڤ، کۆچی سەلامەت و مافی کرێکاران بەرهەم دەهێنێت.',
  ),
  academic: t3(
    'Academic centre in {gov} that trains practitioners and researches trafficking trends.',
    'مركز أكاديمي في {gov} يدرّب العاملين ويبحث في اتجاهات الاتجار بالبشر.',
    'سەنتەرێکی ئەکادیمییە لە {gov} کە کارمەندان ڕادەهێنێت و توێژینەوە لە ئاراستەکانی بازرگانی بە مرۆڤ دەکات.',
  ),
};

export const LEGAL_STATUS: Record<OrganizationType, string> = {
  'local-ngo': 'Registered non-governmental organisation',
  'community-based': 'Unregistered community group',
  'international-ngo': 'Registered international non-governmental organisation',
  'un-agency': 'United Nations entity',
  government: 'Public body',
  'law-enforcement': 'Public body',
  judiciary: 'Public body',
  'bar-association': 'Professional association',
  media: 'Registered media outlet',
  academic: 'Academic institution',
};

// ── Services ─────────────────────────────────────────────────────────────────────────────────────

export interface ServiceTemplate {
  name: Text3;
  description: Text3;
  populations: Population[];
  /** Categories a service of this kind is often also tagged with. */
  related: CategoryCode[];
  genderRestriction?: 'female' | 'male';
  ageMin?: number;
  ageMax?: number;
  /** Shelters and safe houses: their place is never published. */
  confidential?: boolean;
  /** Answered or staffed around the clock. */
  allHours?: boolean;
  /** Serves foreign nationals: offered in some of their languages too. */
  migrantLanguages?: boolean;
}

const SURVIVORS: Population[] = ['trafficking-survivors', 'gbv-survivors'];
const EVERYONE: Population[] = ['women', 'men', 'girls', 'boys'];

export const SERVICE_TEMPLATES: Record<CategoryCode, ServiceTemplate[]> = {
  shelter: [
    {
      name: t3('Safe House for Women Survivors', 'دار آمنة للناجيات', 'ماڵی سەلامەت بۆ ئافرەتە ڕزگاربووەکان'),
      description: t3(
        'Confidential short-term safe accommodation with meals, case management and staff on duty day and night. Admission only by referral.',
        'إيواء آمن وسري قصير الأمد مع الوجبات وإدارة الحالة وكادر مناوب ليلاً ونهاراً. القبول عن طريق الإحالة فقط.',
        'شوێنی حەوانەوەی سەلامەت و نهێنیی کورتخایەن لەگەڵ خواردن، بەڕێوەبردنی کەیس و ستافی شەو و ڕۆژ. وەرگرتن تەنها بە ئاڕاستەکردن.',
      ),
      populations: ['women', 'girls', ...SURVIVORS],
      related: ['case-management', 'mhpss'],
      genderRestriction: 'female',
      ageMin: 12,
      confidential: true,
      allHours: true,
    },
    {
      name: t3('Emergency Shelter for Trafficking Survivors', 'مأوى طوارئ لضحايا الاتجار بالبشر', 'پەناگەی فریاکەوتن بۆ ڕزگاربووانی بازرگانی بە مرۆڤ'),
      description: t3(
        'Confidential emergency shelter for up to 30 days for adults identified as victims of trafficking, including foreign nationals.',
        'مأوى طوارئ سري لمدة تصل إلى 30 يوماً للبالغين الذين تم تحديدهم كضحايا للاتجار بالبشر، بمن فيهم الرعايا الأجانب.',
        'پەناگەی فریاکەوتنی نهێنی بۆ ماوەی تا ٣٠ ڕۆژ بۆ گەورەساڵانی دەستنیشانکراو وەک قوربانیی بازرگانی بە مرۆڤ، لەوانە هاووڵاتیانی بیانی.',
      ),
      populations: ['women', 'men', 'migrants', 'trafficking-survivors'],
      related: ['basic-needs', 'interpretation'],
      ageMin: 18,
      confidential: true,
      allHours: true,
      migrantLanguages: true,
    },
    {
      name: t3('Child Protection Safe Home', 'دار حماية آمنة للأطفال', 'ماڵی سەلامەتی پاراستنی منداڵ'),
      description: t3(
        'Confidential residential care for children separated from their families or rescued from exploitation, with schooling and counselling.',
        'رعاية إيوائية سرية للأطفال المنفصلين عن أسرهم أو المنقذين من الاستغلال، مع التعليم والإرشاد.',
        'چاودێریی نیشتەجێبوونی نهێنی بۆ ئەو منداڵانەی لە خێزانەکانیان جیابوونەتەوە یان لە چەوساندنەوە ڕزگارکراون، لەگەڵ خوێندن و ڕاوێژکاری.',
      ),
      populations: ['girls', 'boys', 'trafficking-survivors'],
      related: ['child-protection', 'education'],
      ageMin: 6,
      ageMax: 17,
      confidential: true,
      allHours: true,
    },
    {
      name: t3('Transitional Housing Support', 'دعم السكن الانتقالي', 'پشتگیریی نیشتەجێبوونی کاتی'),
      description: t3(
        'Help finding and paying for rented accommodation for survivors leaving a shelter, for up to six months.',
        'المساعدة في إيجاد سكن مستأجر ودفع إيجاره للناجين بعد مغادرة المأوى، لمدة تصل إلى ستة أشهر.',
        'یارمەتی بۆ دۆزینەوە و دانی کرێی خانوو بۆ ڕزگاربووان دوای جێهێشتنی پەناگە، بۆ ماوەی تا شەش مانگ.',
      ),
      populations: [...SURVIVORS, 'idps', 'returnees'],
      related: ['basic-needs', 'livelihoods'],
    },
  ],
  'basic-needs': [
    {
      name: t3('Emergency Cash Assistance', 'المساعدات النقدية الطارئة', 'هاوکاریی داراییی فریاکەوتن'),
      description: t3(
        'One-off or monthly cash grants for survivors and families at risk, after a needs assessment.',
        'منح نقدية لمرة واحدة أو شهرية للناجين والأسر المعرضة للخطر، بعد تقييم الاحتياجات.',
        'بەخشینی داراییی یەکجاری یان مانگانە بۆ ڕزگاربووان و خێزانە لە مەترسیدا، دوای هەڵسەنگاندنی پێداویستییەکان.',
      ),
      populations: [...SURVIVORS, 'idps', 'returnees', 'refugees'],
      related: ['case-management'],
      ageMin: 18,
    },
    {
      name: t3('Dignity Kits and Food Baskets', 'حقائب الكرامة والسلال الغذائية', 'جانتای کەرامەت و سەبەتەی خۆراک'),
      description: t3(
        'Hygiene kits, clothing and food baskets for people newly released from exploitation or displacement.',
        'حقائب النظافة الشخصية والملابس والسلال الغذائية للأشخاص الخارجين حديثاً من الاستغلال أو النزوح.',
        'جانتای پاکوخاوێنی، جلوبەرگ و سەبەتەی خۆراک بۆ ئەو کەسانەی تازە لە چەوساندنەوە یان ئاوارەیی ڕزگاریان بووە.',
      ),
      populations: [...EVERYONE, 'idps', 'trafficking-survivors', 'migrants'],
      related: ['shelter'],
    },
  ],
  'safe-transport': [
    {
      name: t3('Safe Transport and Accompaniment', 'النقل الآمن والمرافقة', 'گواستنەوەی سەلامەت و یاوەری'),
      description: t3(
        'Accompanies survivors to shelters, hospitals, courts and police stations, with a female escort on request.',
        'مرافقة الناجين إلى دور الإيواء والمستشفيات والمحاكم ومراكز الشرطة، مع مرافِقة من النساء عند الطلب.',
        'یاوەریی ڕزگاربووان دەکات بۆ پەناگە، نەخۆشخانە، دادگا و بنکەکانی پۆلیس، بە یاوەرێکی ئافرەت ئەگەر داوا بکرێت.',
      ),
      populations: [...SURVIVORS, 'women', 'girls', 'persons-with-disabilities'],
      related: ['case-management', 'legal-aid'],
    },
    {
      name: t3('Escort to Court and Police Appointments', 'المرافقة إلى مواعيد المحكمة والشرطة', 'یاوەری بۆ ژوانەکانی دادگا و پۆلیس'),
      description: t3(
        'Trained staff travel with survivors and witnesses to hearings and interviews and wait with them.',
        'كادر مدرب يرافق الناجين والشهود إلى الجلسات والمقابلات وينتظر معهم.',
        'ستافی ڕاهێنراو لەگەڵ ڕزگاربووان و شایەتەکان دەچن بۆ دانیشتن و چاوپێکەوتنەکان و لەگەڵیان دەمێننەوە.',
      ),
      populations: ['trafficking-survivors', 'women', 'men'],
      related: ['legal-aid'],
    },
  ],
  medical: [
    {
      name: t3('Medical Examination and Treatment for Survivors', 'الفحص والعلاج الطبي للناجين', 'پشکنین و چارەسەری پزیشکی بۆ ڕزگاربووان'),
      description: t3(
        'Free medical examination, treatment and referral to specialists; female doctors available.',
        'فحص وعلاج طبي مجاني وإحالة إلى الأخصائيين؛ تتوفر طبيبات.',
        'پشکنین و چارەسەری پزیشکیی بەخۆڕایی و ئاڕاستەکردن بۆ پسپۆڕان؛ پزیشکی ئافرەت بەردەستە.',
      ),
      populations: [...EVERYONE, ...SURVIVORS, 'migrants'],
      related: ['mhpss'],
      migrantLanguages: true,
    },
    {
      name: t3('Mobile Health Clinic', 'العيادة الصحية المتنقلة', 'کلینیکی تەندروستیی گەڕۆک'),
      description: t3(
        'Visits camps and informal settlements every week: primary care, reproductive health and referrals.',
        'تزور المخيمات والتجمعات العشوائية أسبوعياً: رعاية صحية أولية وصحة إنجابية وإحالات.',
        'هەموو هەفتەیەک سەردانی کەمپ و نیشتەجێبوونە نافەرمییەکان دەکات: چاودێریی سەرەتایی، تەندروستیی زاوزێ و ئاڕاستەکردن.',
      ),
      populations: [...EVERYONE, 'idps', 'refugees', 'returnees'],
      related: ['awareness'],
    },
    {
      name: t3('Clinical Care after Sexual Violence', 'الرعاية السريرية بعد العنف الجنسي', 'چاودێریی کلینیکی دوای توندوتیژیی سێکسی'),
      description: t3(
        'Confidential care within 72 hours of an assault, including emergency contraception and preventive treatment.',
        'رعاية سرية خلال 72 ساعة من الاعتداء، تشمل منع الحمل الطارئ والعلاج الوقائي.',
        'چاودێریی نهێنی لە ماوەی ٧٢ کاتژمێر دوای دەستدرێژی، لەوانە ڕێگری لە سکپڕی و چارەسەری خۆپارێزی.',
      ),
      populations: ['women', 'girls', 'gbv-survivors', 'trafficking-survivors'],
      related: ['gbv-response', 'mhpss'],
      allHours: true,
    },
  ],
  mhpss: [
    {
      name: t3('Psychosocial Support Sessions', 'جلسات الدعم النفسي الاجتماعي', 'دانیشتنەکانی پشتگیریی دەروونی-کۆمەڵایەتی'),
      description: t3(
        'Individual and group sessions with trained counsellors.',
        'جلسات فردية وجماعية مع مرشدين مدربين.',
        'دانیشتنی تاکەکەسی و بەکۆمەڵ لەگەڵ ڕاوێژکارانی ڕاهێنراو.',
      ),
      populations: [...EVERYONE, ...SURVIVORS, 'idps'],
      related: ['case-management'],
    },
    {
      name: t3('Specialised Trauma Counselling', 'الإرشاد النفسي المتخصص للصدمات', 'ڕاوێژکاریی دەروونیی تایبەت بە تراوما'),
      description: t3(
        'Therapy led by psychologists for survivors of trafficking, torture and sexual violence.',
        'علاج نفسي يقدمه أخصائيون نفسيون للناجين من الاتجار بالبشر والتعذيب والعنف الجنسي.',
        'چارەسەری دەروونی لەلایەن دەروونناسانەوە بۆ ڕزگاربووانی بازرگانی بە مرۆڤ، ئەشکەنجە و توندوتیژیی سێکسی.',
      ),
      populations: [...SURVIVORS, 'women', 'men'],
      related: ['medical'],
      ageMin: 14,
    },
  ],
  'case-management': [
    {
      name: t3('Protection Case Management', 'إدارة حالات الحماية', 'بەڕێوەبردنی کەیسی پاراستن'),
      description: t3(
        'A caseworker assesses needs, makes a safety plan and coordinates referrals until the case is closed.',
        'يقيّم مدير الحالة الاحتياجات ويضع خطة سلامة وينسق الإحالات حتى إغلاق الحالة.',
        'بەڕێوەبەری کەیس پێداویستییەکان هەڵدەسەنگێنێت، پلانی سەلامەتی دادەنێت و ئاڕاستەکردنەکان ڕێکدەخات تا داخستنی کەیسەکە.',
      ),
      populations: [...EVERYONE, ...SURVIVORS, 'idps', 'refugees'],
      related: ['mhpss', 'legal-aid'],
    },
    {
      name: t3('Case Management for Trafficking Survivors', 'إدارة حالات الناجين من الاتجار بالبشر', 'بەڕێوەبردنی کەیسی ڕزگاربووانی بازرگانی بە مرۆڤ'),
      description: t3(
        'Individual support from identification to recovery: safety, health, legal steps and reintegration.',
        'دعم فردي من التعرف على الحالة حتى التعافي: السلامة والصحة والإجراءات القانونية وإعادة الإدماج.',
        'پشتگیریی تاکەکەسی لە دەستنیشانکردنەوە تا چاکبوونەوە: سەلامەتی، تەندروستی، هەنگاوە یاساییەکان و تێکەڵبوونەوە.',
      ),
      populations: ['trafficking-survivors', 'migrants', 'women', 'men'],
      related: ['shelter', 'return-reintegration'],
      migrantLanguages: true,
    },
  ],
  'child-protection': [
    {
      name: t3('Child Protection Case Management', 'إدارة حالات حماية الطفل', 'بەڕێوەبردنی کەیسی پاراستنی منداڵ'),
      description: t3(
        'Best-interest assessments, alternative care and follow-up for children at risk of exploitation, child labour or early marriage.',
        'تقييم المصلحة الفضلى والرعاية البديلة والمتابعة للأطفال المعرضين لخطر الاستغلال أو عمل الأطفال أو الزواج المبكر.',
        'هەڵسەنگاندنی باشترین بەرژەوەندی، چاودێریی جێگرەوە و بەدواداچوون بۆ منداڵانی لە مەترسیی چەوساندنەوە، کاری منداڵان یان هاوسەرگیریی زوو.',
      ),
      populations: ['girls', 'boys', 'trafficking-survivors', 'idps'],
      related: ['case-management', 'family-tracing'],
      ageMax: 17,
    },
    {
      name: t3('Child-Friendly Space', 'مساحة صديقة للطفل', 'شوێنی دۆستی منداڵ'),
      description: t3(
        'Safe play, learning and psychosocial activities for children, with staff trained to spot signs of abuse.',
        'أنشطة لعب وتعلم ودعم نفسي اجتماعي آمنة للأطفال، مع كادر مدرب على ملاحظة علامات الإساءة.',
        'چالاکیی یاری، فێربوون و پشتگیریی دەروونی-کۆمەڵایەتیی سەلامەت بۆ منداڵان، لەگەڵ ستافی ڕاهێنراو بۆ ناسینەوەی نیشانەکانی خراپ مامەڵەکردن.',
      ),
      populations: ['girls', 'boys', 'idps', 'refugees'],
      related: ['mhpss', 'education'],
      ageMin: 6,
      ageMax: 17,
    },
  ],
  'gbv-response': [
    {
      name: t3('Women and Girls Safe Space', 'مساحة آمنة للنساء والفتيات', 'شوێنی سەلامەت بۆ ئافرەتان و کچان'),
      description: t3(
        'A women-only space offering case management for gender-based violence, group activities and referrals.',
        'مساحة مخصصة للنساء تقدم إدارة حالات العنف القائم على النوع الاجتماعي والأنشطة الجماعية والإحالات.',
        'شوێنێکی تایبەت بە ئافرەتان کە بەڕێوەبردنی کەیسی توندوتیژیی ڕەگەزی، چالاکیی بەکۆمەڵ و ئاڕاستەکردن پێشکەش دەکات.',
      ),
      populations: ['women', 'girls', 'gbv-survivors'],
      related: ['mhpss', 'case-management'],
      genderRestriction: 'female',
      ageMin: 12,
    },
    {
      name: t3('Case Management for GBV Survivors', 'إدارة حالات الناجيات من العنف القائم على النوع الاجتماعي', 'بەڕێوەبردنی کەیسی ڕزگاربووانی توندوتیژیی ڕەگەزی'),
      description: t3(
        'Confidential, survivor-centred case management, safety planning and accompaniment to services.',
        'إدارة حالات سرية تتمحور حول الناجية، وتخطيط للسلامة، ومرافقة إلى الخدمات.',
        'بەڕێوەبردنی کەیسی نهێنی کە ڕزگاربوو لە ناوەندیدایە، پلانی سەلامەتی و یاوەری بۆ خزمەتگوزارییەکان.',
      ),
      populations: ['women', 'girls', 'gbv-survivors', 'trafficking-survivors'],
      related: ['legal-aid', 'shelter'],
    },
  ],
  'family-tracing': [
    {
      name: t3('Family Tracing and Reunification', 'البحث عن الأسر ولم شملها', 'گەڕان بەدوای خێزان و کۆکردنەوەیان'),
      description: t3(
        'Traces relatives of separated and unaccompanied people, including across borders, and supports safe reunification.',
        'البحث عن أقارب الأشخاص المنفصلين وغير المصحوبين، بما في ذلك عبر الحدود، ودعم لم الشمل الآمن.',
        'گەڕان بەدوای خزمانی کەسانی جیابووەوە و بێ یاوەر، لەوانە لە دەرەوەی سنوور، و پشتگیریی کۆبوونەوەی سەلامەت.',
      ),
      populations: ['girls', 'boys', 'idps', 'refugees', 'trafficking-survivors'],
      related: ['child-protection'],
    },
    {
      name: t3('Missing Persons Tracing Requests', 'طلبات البحث عن المفقودين', 'داواکاریی گەڕان بەدوای ونبووان'),
      description: t3(
        'Registers requests to find missing family members and shares updates with relatives.',
        'تسجيل طلبات البحث عن أفراد الأسرة المفقودين ومشاركة المستجدات مع الأقارب.',
        'تۆمارکردنی داواکاری بۆ دۆزینەوەی ئەندامانی ونبووی خێزان و ئاگادارکردنەوەی خزمان.',
      ),
      populations: [...EVERYONE, 'idps', 'returnees'],
      related: ['civil-documentation'],
    },
  ],
  'legal-aid': [
    {
      name: t3('Legal Aid Clinic', 'عيادة المساعدة القانونية', 'کلینیکی هاوکاریی یاسایی'),
      description: t3(
        'Free legal advice and court representation for survivors of trafficking and their families.',
        'استشارات قانونية مجانية وتمثيل أمام المحاكم للناجين من الاتجار بالبشر وعائلاتهم.',
        'ڕاوێژی یاسایی بەخۆڕایی و نوێنەرایەتی لە دادگا بۆ ڕزگاربووانی بازرگانی بە مرۆڤ و خێزانەکانیان.',
      ),
      populations: [...SURVIVORS, 'women', 'men', 'idps'],
      related: ['civil-documentation'],
    },
    {
      name: t3('Legal Counselling for Migrant Workers', 'الاستشارات القانونية للعمال المهاجرين', 'ڕاوێژی یاسایی بۆ کرێکارە کۆچبەرەکان'),
      description: t3(
        'Advice on contracts, withheld passports, unpaid wages and residency, with interpretation.',
        'استشارات حول العقود وجوازات السفر المحتجزة والأجور غير المدفوعة والإقامة، مع توفير الترجمة.',
        'ڕاوێژ دەربارەی گرێبەست، پاسپۆرتی دەستبەسەرداگیراو، مووچەی نەدراو و نیشتەجێبوون، لەگەڵ وەرگێڕان.',
      ),
      populations: ['migrants', 'trafficking-survivors', 'women', 'men'],
      related: ['interpretation', 'return-reintegration'],
      ageMin: 18,
      migrantLanguages: true,
    },
  ],
  'civil-documentation': [
    {
      name: t3('Civil Documentation Support', 'دعم الحصول على الوثائق المدنية', 'پشتگیریی بەدەستهێنانی بەڵگەنامەی مەدەنی'),
      description: t3(
        'Help obtaining or replacing national ID cards, birth and marriage certificates and residency papers.',
        'المساعدة في استخراج أو استبدال البطاقة الوطنية وشهادات الميلاد والزواج ووثائق الإقامة.',
        'یارمەتی بۆ دەرهێنان یان گۆڕینی کارتی نیشتمانی، بڕوانامەی لەدایکبوون و هاوسەرگیری و بەڵگەنامەی نیشتەجێبوون.',
      ),
      populations: [...EVERYONE, 'idps', 'returnees'],
      related: ['legal-aid'],
    },
    {
      name: t3('Birth Registration for Children without Papers', 'تسجيل ولادات الأطفال غير الموثقين', 'تۆمارکردنی لەدایکبوونی منداڵانی بێ بەڵگەنامە'),
      description: t3(
        'Late birth registration and court steps for children born without documents, including to survivors.',
        'التسجيل المتأخر للولادات والإجراءات القضائية للأطفال المولودين دون وثائق، بمن فيهم أطفال الناجيات.',
        'تۆمارکردنی دواکەوتووی لەدایکبوون و هەنگاوەکانی دادگا بۆ منداڵانی بێ بەڵگەنامە، لەوانە منداڵانی ڕزگاربووان.',
      ),
      populations: ['girls', 'boys', 'women', 'gbv-survivors'],
      related: ['child-protection'],
    },
  ],
  'law-enforcement': [
    {
      name: t3('Trafficking Case Investigation', 'التحقيق في قضايا الاتجار بالبشر', 'لێکۆڵینەوە لە دۆسیەکانی بازرگانی بە مرۆڤ'),
      description: t3(
        'Receives complaints, investigates trafficking cases and makes sure victims are referred to protection rather than detained.',
        'استلام الشكاوى والتحقيق في قضايا الاتجار بالبشر وضمان إحالة الضحايا إلى الحماية بدلاً من احتجازهم.',
        'وەرگرتنی سکاڵا، لێکۆڵینەوە لە دۆسیەکانی بازرگانی بە مرۆڤ و دڵنیابوون لەوەی قوربانییان ئاڕاستەی پاراستن دەکرێن نەک دەستبەسەرکردن.',
      ),
      populations: [...EVERYONE, 'migrants', 'trafficking-survivors'],
      related: ['legal-aid', 'interpretation'],
      allHours: true,
    },
    {
      name: t3('Victim Identification and Referral Desk', 'مكتب تحديد الضحايا وإحالتهم', 'مێزی دەستنیشانکردن و ئاڕاستەکردنی قوربانییان'),
      description: t3(
        'Screens people found in raids or at borders for signs of trafficking and refers them to case management.',
        'فحص الأشخاص الذين يتم العثور عليهم في المداهمات أو على الحدود بحثاً عن مؤشرات الاتجار وإحالتهم إلى إدارة الحالات.',
        'پشکنینی ئەو کەسانەی لە هێرشەکان یان لە سنوور دەدۆزرێنەوە بۆ نیشانەکانی بازرگانی و ئاڕاستەکردنیان بۆ بەڕێوەبردنی کەیس.',
      ),
      populations: ['migrants', 'trafficking-survivors', 'women', 'men'],
      related: ['case-management'],
      migrantLanguages: true,
    },
  ],
  livelihoods: [
    {
      name: t3('Vocational Training and Job Placement', 'التدريب المهني والتوظيف', 'ڕاهێنانی پیشەیی و دۆزینەوەی کار'),
      description: t3(
        'Three-month courses (tailoring, hairdressing, IT, phone repair) with a start-up kit or a job placement.',
        'دورات لمدة ثلاثة أشهر (خياطة، تصفيف شعر، حاسوب، تصليح هواتف) مع عدة بدء عمل أو فرصة توظيف.',
        'خولی سێ مانگی (دروومان، قژبڕین، کۆمپیوتەر، چاککردنەوەی مۆبایل) لەگەڵ کەرەستەی دەستپێکردن یان هەلی کار.',
      ),
      populations: [...SURVIVORS, 'women', 'men', 'idps', 'returnees'],
      related: ['education'],
      ageMin: 16,
    },
    {
      name: t3('Small Business Grants', 'منح المشاريع الصغيرة', 'بەخشینی پڕۆژە بچووکەکان'),
      description: t3(
        'Business training and grants of up to 1,500 US dollars for survivors starting a small business.',
        'تدريب على إدارة الأعمال ومنح تصل إلى 1500 دولار أمريكي للناجين الذين يبدؤون مشروعاً صغيراً.',
        'ڕاهێنانی بازرگانی و بەخشینی تا ١٥٠٠ دۆلاری ئەمریکی بۆ ڕزگاربووانی کە پڕۆژەیەکی بچووک دەست پێدەکەن.',
      ),
      populations: [...SURVIVORS, 'women', 'returnees'],
      related: ['basic-needs'],
      ageMin: 18,
    },
  ],
  education: [
    {
      name: t3('Catch-up Classes and School Re-enrolment', 'صفوف التقوية وإعادة التسجيل في المدارس', 'وانەی قەرەبووکردنەوە و گەڕانەوە بۆ قوتابخانە'),
      description: t3(
        'Classes that help children who missed school catch up, and support to enrol them again.',
        'صفوف تساعد الأطفال المنقطعين عن الدراسة على اللحاق بأقرانهم، ودعم إعادة تسجيلهم.',
        'وانە بۆ یارمەتیدانی ئەو منداڵانەی لە خوێندن دابڕاون، و پشتگیری بۆ تۆمارکردنەوەیان.',
      ),
      populations: ['girls', 'boys', 'idps', 'returnees'],
      related: ['child-protection'],
      ageMin: 6,
      ageMax: 17,
    },
    {
      name: t3('Literacy Classes for Adults', 'صفوف محو الأمية للكبار', 'خولی نەهێشتنی نەخوێندەواری بۆ گەورەکان'),
      description: t3(
        'Evening reading, writing and numeracy classes, with childcare during lessons.',
        'صفوف مسائية للقراءة والكتابة والحساب، مع رعاية الأطفال أثناء الدروس.',
        'وانەی ئێوارانی خوێندنەوە، نووسین و ژمێریاری، لەگەڵ چاودێریی منداڵان لە کاتی وانەکاندا.',
      ),
      populations: ['women', 'men', 'idps', 'trafficking-survivors'],
      related: ['livelihoods'],
      ageMin: 15,
    },
  ],
  'return-reintegration': [
    {
      name: t3('Assisted Voluntary Return', 'العودة الطوعية المساعَدة', 'گەڕانەوەی خۆبەخشانەی یارمەتیدراو'),
      description: t3(
        'Travel documents, tickets and reception arrangements for foreign nationals who choose to return home.',
        'وثائق السفر والتذاكر وترتيبات الاستقبال للرعايا الأجانب الذين يختارون العودة إلى بلدانهم.',
        'بەڵگەنامەی گەشت، بلیت و ڕێکخستنی پێشوازی بۆ هاووڵاتیانی بیانی کە گەڕانەوە بۆ وڵاتەکەیان هەڵدەبژێرن.',
      ),
      populations: ['migrants', 'trafficking-survivors', 'women', 'men'],
      related: ['interpretation', 'civil-documentation'],
      migrantLanguages: true,
    },
    {
      name: t3('Reintegration Support for Returnees', 'دعم إعادة الإدماج للعائدين', 'پشتگیریی تێکەڵبوونەوە بۆ گەڕاوەکان'),
      description: t3(
        'Follow-up visits, family mediation and small grants for survivors returning to their communities.',
        'زيارات متابعة ووساطة أسرية ومنح صغيرة للناجين العائدين إلى مجتمعاتهم.',
        'سەردانی بەدواداچوون، ناوبژیوانیی خێزانی و بەخشینی بچووک بۆ ڕزگاربووانی دەگەڕێنەوە بۆ کۆمەڵگەکانیان.',
      ),
      populations: ['returnees', 'trafficking-survivors', 'idps'],
      related: ['livelihoods', 'mhpss'],
    },
  ],
  hotlines: [
    {
      name: t3('Anti-Trafficking Hotline', 'الخط الساخن لمكافحة الاتجار بالبشر', 'هێڵی گەرمی دژە بازرگانی بە مرۆڤ'),
      description: t3(
        'Free, confidential line to report trafficking or ask for help, answered day and night.',
        'خط مجاني وسري للإبلاغ عن الاتجار بالبشر أو طلب المساعدة، يعمل ليلاً ونهاراً.',
        'هێڵێکی بەخۆڕایی و نهێنییە بۆ ڕاپۆرتکردنی بازرگانی بە مرۆڤ یان داواکردنی یارمەتی، شەو و ڕۆژ وەڵام دەداتەوە.',
      ),
      populations: [...EVERYONE, 'migrants', 'trafficking-survivors'],
      related: ['law-enforcement'],
      allHours: true,
      migrantLanguages: true,
    },
    {
      name: t3('Women and Children Helpline', 'خط مساعدة النساء والأطفال', 'هێڵی یارمەتیی ئافرەتان و منداڵان'),
      description: t3(
        'Listening, advice and referral by phone and WhatsApp for women and children facing violence or exploitation.',
        'استماع ونصح وإحالة عبر الهاتف وواتساب للنساء والأطفال الذين يواجهون العنف أو الاستغلال.',
        'گوێگرتن، ئامۆژگاری و ئاڕاستەکردن بە تەلەفۆن و واتسئاپ بۆ ئافرەتان و منداڵانی ڕووبەڕووی توندوتیژی یان چەوساندنەوە دەبنەوە.',
      ),
      populations: ['women', 'girls', 'boys', 'gbv-survivors'],
      related: ['gbv-response', 'child-protection'],
      allHours: true,
    },
    {
      name: t3("Migrant Workers' Helpline", 'خط مساعدة العمال المهاجرين', 'هێڵی یارمەتیی کرێکارە کۆچبەرەکان'),
      description: t3(
        'Advice line for domestic and other migrant workers about unpaid wages, confiscated passports and abuse.',
        'خط استشارات لعمال المنازل وغيرهم من العمال المهاجرين حول الأجور غير المدفوعة والجوازات المصادرة والإساءة.',
        'هێڵی ڕاوێژ بۆ کرێکارانی ماڵ و کرێکارە کۆچبەرەکانی تر دەربارەی مووچەی نەدراو، پاسپۆرتی دەستبەسەرداگیراو و خراپ مامەڵەکردن.',
      ),
      populations: ['migrants', 'women', 'men', 'trafficking-survivors'],
      related: ['legal-aid', 'interpretation'],
      migrantLanguages: true,
    },
  ],
  interpretation: [
    {
      name: t3('Interpretation for Foreign Nationals', 'الترجمة الفورية للرعايا الأجانب', 'وەرگێڕانی زارەکی بۆ هاووڵاتیانی بیانی'),
      description: t3(
        'Interpreters for interviews, medical visits and court hearings in the languages of foreign workers.',
        'مترجمون للمقابلات والزيارات الطبية وجلسات المحاكم بلغات العمال الأجانب.',
        'وەرگێڕ بۆ چاوپێکەوتن، سەردانی پزیشکی و دانیشتنەکانی دادگا بە زمانەکانی کرێکارە بیانییەکان.',
      ),
      populations: ['migrants', 'trafficking-survivors', 'refugees'],
      related: ['legal-aid', 'medical'],
      migrantLanguages: true,
    },
    {
      name: t3('Telephone Interpretation Service', 'خدمة الترجمة الهاتفية', 'خزمەتگوزاریی وەرگێڕانی تەلەفۆنی'),
      description: t3(
        'Interpreters on call by phone for caseworkers, police and doctors meeting a person who speaks another language.',
        'مترجمون متاحون عبر الهاتف لمديري الحالات والشرطة والأطباء عند مقابلة شخص يتحدث لغة أخرى.',
        'وەرگێڕی ئامادە بە تەلەفۆن بۆ بەڕێوەبەرانی کەیس، پۆلیس و پزیشکان کاتێک کەسێک دەبینن بە زمانێکی تر قسە دەکات.',
      ),
      populations: ['migrants', 'refugees', 'idps'],
      related: ['case-management'],
      migrantLanguages: true,
    },
  ],
  awareness: [
    {
      name: t3('Community Awareness Sessions', 'جلسات التوعية المجتمعية', 'دانیشتنەکانی هۆشیارکردنەوەی کۆمەڵگە'),
      description: t3(
        'Sessions in schools, camps and neighbourhoods on recognising trafficking, safe migration and where to get help.',
        'جلسات في المدارس والمخيمات والأحياء حول التعرف على الاتجار بالبشر والهجرة الآمنة وأماكن طلب المساعدة.',
        'دانیشتن لە قوتابخانە، کەمپ و گەڕەکەکان دەربارەی ناسینەوەی بازرگانی بە مرۆڤ، کۆچی سەلامەت و شوێنی داواکردنی یارمەتی.',
      ),
      populations: [...EVERYONE, 'idps', 'refugees'],
      related: ['hotlines'],
    },
    {
      name: t3('Training for Frontline Workers', 'تدريب العاملين في الخطوط الأمامية', 'ڕاهێنان بۆ کارمەندانی هێڵی پێشەوە'),
      description: t3(
        'Training for police, health workers, judges and NGO staff on identifying victims and the referral pathway.',
        'تدريب للشرطة والعاملين الصحيين والقضاة وموظفي المنظمات على تحديد الضحايا ومسار الإحالة.',
        'ڕاهێنان بۆ پۆلیس، کارمەندانی تەندروستی، دادوەران و ستافی ڕێکخراوەکان دەربارەی دەستنیشانکردنی قوربانییان و ڕێڕەوی ئاڕاستەکردن.',
      ),
      populations: ['women', 'men'],
      related: ['law-enforcement'],
      ageMin: 18,
    },
  ],
};

/** Which categories each kind of organisation plausibly offers (weights: higher is more common). */
export const CATEGORIES_BY_TYPE: Record<OrganizationType, Record<CategoryCode, number>> = {
  'local-ngo': {
    'case-management': 4, mhpss: 4, 'legal-aid': 3, livelihoods: 3, 'gbv-response': 3, 'child-protection': 3,
    awareness: 3, 'basic-needs': 2, shelter: 1, medical: 1, education: 2, 'civil-documentation': 2,
    'safe-transport': 1, 'family-tracing': 1, interpretation: 1, 'return-reintegration': 1, hotlines: 1,
  },
  'community-based': {
    awareness: 4, 'basic-needs': 3, mhpss: 2, livelihoods: 2, education: 2, 'safe-transport': 2,
    'child-protection': 2, 'gbv-response': 1, 'family-tracing': 1, interpretation: 1,
  },
  'international-ngo': {
    'case-management': 4, mhpss: 3, 'legal-aid': 3, livelihoods: 3, 'basic-needs': 3, shelter: 1, medical: 2,
    'return-reintegration': 2, 'family-tracing': 2, 'child-protection': 3, 'gbv-response': 3, awareness: 2,
    'civil-documentation': 2, interpretation: 1,
  },
  'un-agency': {
    'return-reintegration': 4, 'case-management': 3, 'family-tracing': 2, 'basic-needs': 3, awareness: 2,
    'civil-documentation': 2, interpretation: 2, hotlines: 1, livelihoods: 2,
  },
  government: {
    shelter: 3, 'basic-needs': 3, medical: 3, mhpss: 2, 'civil-documentation': 3, education: 2, livelihoods: 2,
    hotlines: 1, 'child-protection': 2, 'case-management': 2,
  },
  'law-enforcement': { 'law-enforcement': 4, hotlines: 2, 'safe-transport': 2, 'child-protection': 1, 'gbv-response': 1 },
  judiciary: { 'legal-aid': 3, 'law-enforcement': 2, interpretation: 1, 'child-protection': 1 },
  'bar-association': { 'legal-aid': 4, 'civil-documentation': 2, awareness: 1 },
  media: { awareness: 4, hotlines: 1 },
  academic: { awareness: 3, 'legal-aid': 2, mhpss: 1, education: 2 },
};

/** Share of each organisation type after the two public bodies every governorate gets. */
export const ORGANIZATION_TYPE_WEIGHT: Record<OrganizationType, number> = {
  'local-ngo': 40,
  'community-based': 12,
  'international-ngo': 9,
  'un-agency': 3,
  government: 8,
  'law-enforcement': 5,
  judiciary: 5,
  'bar-association': 4,
  media: 4,
  academic: 4,
};

/** How many services each kind of organisation runs, before the total is scaled to the target. */
export const SERVICES_PER_TYPE: Record<OrganizationType, [min: number, max: number]> = {
  'local-ngo': [2, 5],
  'community-based': [1, 3],
  'international-ngo': [3, 7],
  'un-agency': [3, 6],
  government: [2, 5],
  'law-enforcement': [2, 3],
  judiciary: [1, 2],
  'bar-association': [1, 2],
  media: [1, 2],
  academic: [1, 3],
};

/** Who accepts referrals, by type (probability). */
export const ACCEPTS_REFERRALS: Record<OrganizationType, number> = {
  'local-ngo': 0.85,
  'community-based': 0.6,
  'international-ngo': 0.95,
  'un-agency': 0.9,
  government: 0.8,
  'law-enforcement': 1,
  judiciary: 0.4,
  'bar-association': 0.8,
  media: 0.2,
  academic: 0.5,
};

// ── Texts shared by services ─────────────────────────────────────────────────────────────────────

export const ELIGIBILITY: Text3[] = [
  t3(
    'Open to anyone in need, whatever their nationality or documents.',
    'متاحة لكل من يحتاجها بغض النظر عن الجنسية أو الوثائق.',
    'بۆ هەموو کەسێکی پێویستە، بەبێ گوێدانە ڕەگەزنامە یان بەڵگەنامە.',
  ),
  t3(
    'Survivors of trafficking and people at risk, identified by a case manager.',
    'الناجون من الاتجار بالبشر والمعرضون لخطره، بعد تحديدهم من قبل مدير حالة.',
    'ڕزگاربووانی بازرگانی بە مرۆڤ و کەسانی لە مەترسیدا، دوای دەستنیشانکردنیان لەلایەن بەڕێوەبەری کەیسەوە.',
  ),
  t3(
    'Residents and displaced people of the governorate; children with a caregiver or through a child protection actor.',
    'المقيمون والنازحون في المحافظة؛ الأطفال برفقة مقدم رعاية أو عن طريق جهة حماية الطفل.',
    'دانیشتووان و ئاوارەکانی پارێزگا؛ منداڵان لەگەڵ سەرپەرشتیار یان لە ڕێگەی لایەنێکی پاراستنی منداڵەوە.',
  ),
];

export const APPLICATION_PROCESS: Text3[] = [
  t3(
    'Call or walk in during opening hours; no appointment needed.',
    'اتصل أو احضر خلال ساعات الدوام؛ لا حاجة لموعد مسبق.',
    'پەیوەندی بکە یان لە کاتی دەوامدا سەردان بکە؛ پێویست بە ژوان ناکات.',
  ),
  t3(
    'By referral from a case manager or the police, with the referral form.',
    'عن طريق الإحالة من مدير حالة أو الشرطة باستخدام استمارة الإحالة.',
    'بە ئاڕاستەکردن لەلایەن بەڕێوەبەری کەیس یان پۆلیسەوە، بە فۆرمی ئاڕاستەکردن.',
  ),
  t3(
    'Book an appointment by phone or WhatsApp; bring any identity document you have.',
    'احجز موعداً عبر الهاتف أو واتساب، واجلب أي وثيقة تعريفية لديك.',
    'بە تەلەفۆن یان واتسئاپ ژوان بگرە؛ هەر بەڵگەنامەیەکی ناسنامەت هەیە لەگەڵ خۆت بهێنە.',
  ),
];

export const FEES_FREE = t3('Free of charge.', 'مجاناً.', 'بەخۆڕایی.');
export const FEES_REDUCED = t3(
  'Free for referred survivors; a small registration fee for others.',
  'مجاني للناجين المحالين؛ رسم تسجيل بسيط لغيرهم.',
  'بەخۆڕایی بۆ ڕزگاربووانی ئاڕاستەکراو؛ کرێیەکی کەمی تۆمارکردن بۆ ئەوانی تر.',
);

/** Weekly hours: the brief Iraqi public-sector day is the most common. */
export interface OpeningHours {
  byDay: string[];
  opensAt: string;
  closesAt: string;
  description: Text3;
}
const SUNDAY_TO_THURSDAY = ['SU', 'MO', 'TU', 'WE', 'TH'];
export const OFFICE_HOURS: OpeningHours[] = [
  {
    byDay: SUNDAY_TO_THURSDAY,
    opensAt: '08:00',
    closesAt: '14:00',
    description: t3('Sunday to Thursday, 8:00–14:00', 'من الأحد إلى الخميس، 8:00–14:00', 'یەکشەممە تا پێنجشەممە، 8:00–14:00'),
  },
  {
    byDay: SUNDAY_TO_THURSDAY,
    opensAt: '09:00',
    closesAt: '16:00',
    description: t3('Sunday to Thursday, 9:00–16:00', 'من الأحد إلى الخميس، 9:00–16:00', 'یەکشەممە تا پێنجشەممە، 9:00–16:00'),
  },
  {
    byDay: ['SA', ...SUNDAY_TO_THURSDAY],
    opensAt: '08:00',
    closesAt: '15:00',
    description: t3('Saturday to Thursday, 8:00–15:00', 'من السبت إلى الخميس، 8:00–15:00', 'شەممە تا پێنجشەممە، 8:00–15:00'),
  },
];
export const ALL_HOURS: OpeningHours = {
  byDay: ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'],
  opensAt: '00:00',
  closesAt: '23:59',
  description: t3('Open 24 hours, every day', 'على مدار الساعة، كل أيام الأسبوع', '٢٤ کاتژمێر، هەموو ڕۆژێک'),
};

/** Languages of foreign nationals most often met in trafficking cases in Iraq. */
export const MIGRANT_LANGUAGES: ServiceLanguage[] = ['bn', 'ur', 'ne', 'tl', 'am', 'sw', 'hi', 'si', 'id', 'fa', 'fr'];

// ── Locations ────────────────────────────────────────────────────────────────────────────────────

/** A service is named after its kind and where it is offered. */
export const SERVICE_NAME = t3('{service} – {place}', '{service} – {place}', '{service} – {place}');

export const HEAD_OFFICE = t3('Head office – {district}', 'المكتب الرئيسي – {district}', 'نووسینگەی سەرەکی – {district}');
export const BRANCH_OFFICE = t3('{district} office', 'مكتب {district}', 'نووسینگەی {district}');
export const SAFE_HOUSE = t3('Safe house (confidential)', 'دار آمنة (سري)', 'ماڵی سەلامەت (نهێنی)');
export const STREET_ADDRESS = t3('{street}, building {number}', '{street}، بناية {number}', '{street}، باڵەخانەی {number}');

// ── People ───────────────────────────────────────────────────────────────────────────────────────

/** Common given and family names; the combinations are invented and belong to nobody in particular. */
export const ARABIC_GIVEN_NAMES = [
  'Zainab', 'Fatima', 'Maryam', 'Noor', 'Huda', 'Sara', 'Rana', 'Layla', 'Shaymaa', 'Asmaa', 'Dunya', 'Hiba',
  'Rusul', 'Shahad', 'Ali', 'Hussein', 'Ahmed', 'Mohammed', 'Mustafa', 'Haider', 'Omar', 'Yasir', 'Karrar',
  'Saif', 'Ammar', 'Bilal', 'Muntadhar', 'Zaid',
];
export const KURDISH_GIVEN_NAMES = [
  'Shilan', 'Nasrin', 'Hero', 'Kajal', 'Nazdar', 'Shno', 'Tara', 'Lana', 'Avin', 'Karwan', 'Rebwar', 'Dilshad',
  'Hemin', 'Azad', 'Shwan', 'Soran', 'Bestun', 'Sherko',
];
export const FAMILY_NAMES = [
  'Kareem', 'Jaber', 'Hassan', 'Abbas', 'Saleh', 'Kadhim', 'Jawad', 'Mahdi', 'Aziz', 'Rashid', 'Othman', 'Khalil',
  'Majeed', 'Salman', 'Faraj', 'Hamid', 'Qadir', 'Rasul', 'Mahmoud', 'Sleman',
];

export const FOCAL_POINT_TITLE = t3('Referral Focal Point', 'منسق الإحالات', 'خاڵی پەیوەندیی ئاڕاستەکردن');
export const CONTACT_TITLES: Text3[] = [
  t3('Case Manager', 'مدير حالة', 'بەڕێوەبەری کەیس'),
  t3('Protection Officer', 'موظف حماية', 'فەرمانبەری پاراستن'),
  t3('Legal Counsel', 'مستشار قانوني', 'ڕاوێژکاری یاسایی'),
  t3('Psychosocial Worker', 'عامل دعم نفسي اجتماعي', 'کارمەندی پشتگیریی دەروونی-کۆمەڵایەتی'),
  t3('Programme Coordinator', 'منسق البرنامج', 'هەماهەنگکاری بەرنامە'),
  t3('Social Researcher', 'باحث اجتماعي', 'توێژەری کۆمەڵایەتی'),
];
export const DUTY_OFFICER_TITLE = t3('Duty Officer', 'ضابط خفر', 'ئەفسەری نۆبەتدار');

/** Iraqi mobile network prefixes; combined with the 555 exchange, no number reaches anyone. */
export const MOBILE_PREFIXES = ['750', '751', '770', '771', '780', '790'];
