/**
 * The words people type for populations and places, in Arabic, Sorani and English: reference data
 * that search understands as filters (understand-query.ts). Categories carry theirs with the
 * taxonomy (server/contract/directory/taxonomy/categories.ts, editable by platform admins). Spelling variants that the search
 * normaliser already joins (أ/ا, ة/ه, ى/ي, Kurdish letter forms) need not be listed twice.
 */

export interface Words {
  en: readonly string[];
  ar: readonly string[];
  ckb: readonly string[];
}

const words = (en: string[], ar: string[], ckb: string[]): Words => ({ en, ar, ckb });

/** Populations a service is for. */
export const POPULATION_WORDS: Record<string, Words> = {
  women: words(['women', 'woman', 'female', 'females'], ['نساء', 'النساء', 'امراة', 'المراة', 'امرأة', 'نسوة'], ['ئافرەت', 'ئافرەتان', 'ژن', 'ژنان']),
  men: words(['men', 'man', 'male', 'males'], ['رجال', 'الرجال', 'رجل'], ['پیاو', 'پیاوان']),
  girls: words(['girls', 'girl'], ['فتيات', 'الفتيات', 'بنات', 'فتاة'], ['کچ', 'کچان']),
  boys: words(['boys', 'boy'], ['فتيان', 'الفتيان', 'اولاد', 'صبيان'], ['کوڕ', 'کوڕان']),
  migrants: words(['migrants', 'migrant', 'migrant workers', 'foreign workers'], ['مهاجرين', 'المهاجرين', 'مهاجر', 'عمال اجانب', 'العمال الاجانب'], ['کۆچبەر', 'کۆچبەران', 'کرێکاری بیانی']),
  idps: words(['idps', 'idp', 'displaced', 'internally displaced'], ['نازحين', 'النازحين', 'نازح', 'النازحون'], ['ئاوارە', 'ئاوارەکان', 'ئاوارەبوو']),
  refugees: words(['refugees', 'refugee'], ['لاجئين', 'اللاجئين', 'لاجئ'], ['پەنابەر', 'پەنابەران']),
  returnees: words(['returnees', 'returnee', 'returned'], ['عائدين', 'العائدين', 'عائد'], ['گەڕاوە', 'گەڕاوەکان']),
  'trafficking-survivors': words(
    ['trafficking survivors', 'trafficking survivor', 'trafficking victims', 'trafficked', 'victims of trafficking'],
    ['ضحايا الاتجار', 'ناجين من الاتجار', 'ضحايا الاتجار بالبشر', 'ضحية اتجار'],
    ['قوربانیانی بازرگانی', 'ڕزگاربووانی بازرگانی بە مرۆڤ', 'قوربانیی بازرگانی بە مرۆڤ'],
  ),
  'gbv-survivors': words(['gbv survivors', 'gbv survivor'], ['ناجيات من العنف', 'ضحايا العنف الاسري'], ['ڕزگاربووانی توندوتیژی']),
  'persons-with-disabilities': words(['disabled', 'disability', 'disabilities', 'persons with disabilities'], ['ذوي الاعاقة', 'معاقين', 'اعاقة', 'ذوي الاحتياجات الخاصة'], ['کەمئەندام', 'کەمئەندامان', 'خاوەن پێداویستی تایبەت']),
};

/**
 * Names of the 19 governorates beyond the bundled file's: Sorani names for every governorate, and
 * the forms people type (capitals, with and without the article, older spellings). Sorani names
 * follow Kurdistan Regional Government usage; Arabic and English follow OCHA's Iraq gazetteer
 * (COD-AB, the P-codes of seed/data/iraq-governorates.geojson), plus everyday forms. Districts are
 * in districts.ts; a district word listed here (a capital) is read as the governorate.
 */
export const GOVERNORATE_WORDS: Record<string, Words> = {
  'IQ-AN': words(['anbar', 'al anbar', 'ramadi', 'fallujah', 'falluja'], ['الانبار', 'انبار', 'الرمادي', 'رمادي', 'الفلوجة', 'فلوجة'], ['ئەنبار', 'ڕومادی', 'فەلووجە']),
  'IQ-BA': words(['basrah', 'basra', 'al basrah'], ['البصرة', 'بصرة', 'بصره'], ['بەسرە', 'بەسڕە']),
  'IQ-MU': words(['muthanna', 'al muthanna', 'samawah', 'samawa'], ['المثنى', 'مثنى', 'السماوة', 'سماوة'], ['موسەننا', 'سەماوە']),
  'IQ-NA': words(['najaf', 'al najaf'], ['النجف', 'نجف'], ['نەجەف']),
  'IQ-QA': words(['qadisiyah', 'qadissiya', 'al qadisiyah', 'diwaniyah', 'diwaniya'], ['القادسية', 'قادسية', 'الديوانية', 'ديوانية'], ['قادسیە', 'دیوانیە']),
  'IQ-SU': words(['sulaymaniyah', 'sulaimaniyah', 'sulaymaniya', 'slemani', 'suli'], ['السليمانية', 'سليمانية'], ['سلێمانی', 'سلیمانی']),
  'IQ-BB': words(['babil', 'babylon', 'hillah', 'hilla'], ['بابل', 'الحلة', 'حلة'], ['بابل', 'حیللە']),
  'IQ-BG': words(['baghdad', 'bagdad'], ['بغداد'], ['بەغدا', 'بەغداد']),
  'IQ-DA': words(['duhok', 'dohuk', 'dahuk'], ['دهوك', 'دهوك'], ['دهۆک', 'دهۆک']),
  'IQ-DI': words(['diyala', 'diyalah', 'baqubah', 'baquba'], ['ديالى', 'ديالي', 'بعقوبة'], ['دیالە', 'بەعقووبە']),
  'IQ-AR': words(['erbil', 'arbil', 'irbil', 'hawler', 'hewler'], ['اربيل', 'أربيل', 'هولير'], ['هەولێر']),
  'IQ-KA': words(['karbala', 'kerbala'], ['كربلاء', 'كربلا'], ['کەربەلا']),
  'IQ-KI': words(['kirkuk', 'kerkuk'], ['كركوك'], ['کەرکووک']),
  'IQ-MA': words(['maysan', 'missan', 'amarah', 'amara'], ['ميسان', 'العمارة', 'عمارة'], ['مەیسان', 'عەمارە']),
  'IQ-NI': words(['ninewa', 'nineveh', 'ninawa', 'mosul'], ['نينوى', 'نينوي', 'الموصل', 'موصل'], ['نەینەوا', 'موسڵ']),
  'IQ-SD': words(['salah al din', 'salahuddin', 'salah ad din', 'tikrit'], ['صلاح الدين', 'تكريت'], ['سەلاحەدین', 'تکریت']),
  'IQ-DQ': words(['dhi qar', 'thi qar', 'nasiriyah', 'nasiriya'], ['ذي قار', 'ذيقار', 'الناصرية', 'ناصرية'], ['زیقار', 'ناسریە']),
  'IQ-WA': words(['wasit', 'wassit', 'kut', 'al kut'], ['واسط', 'الكوت', 'كوت'], ['واست', 'کووت']),
  'IQ-HA': words(['halabja', 'halabjah'], ['حلبجة'], ['هەڵەبجە']),
};
