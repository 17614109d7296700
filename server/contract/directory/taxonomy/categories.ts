import type { Translated } from '../../text/languages.js';

/**
 * The service categories of the counter-trafficking referral pathway: six groups, each with the
 * categories that services are tagged with. Codes are stable identifiers used in URLs and exports.
 */
export interface TaxonomyTermSeed {
  code: string;
  parent: string | null;
  name: Translated;
  description?: Translated;
  /** Words people type for it, beyond its name: search understands them as this category. */
  synonyms?: TermSynonyms;
}

export interface TermSynonyms {
  en: string[];
  ar: string[];
  ckb: string[];
}

/** Everyday words for the categories, in the three languages (names are searched as well). */
const SYNONYMS: Record<string, TermSynonyms> = {
  shelter: {
    en: ['shelter', 'shelters', 'refuge', 'safe house', 'safehouse', 'accommodation', 'housing'],
    ar: ['مأوى', 'ماوى', 'ملجأ', 'ملجا', 'ملاذ', 'دار ايواء', 'ايواء', 'دار امنة', 'بيت امن', 'سكن'],
    ckb: ['پەناگە', 'پەناگا', 'حەوانەوە', 'ماڵی سەلامەت', 'شوێنی حەوانەوە', 'نیشتەجێبوون'],
  },
  'basic-needs': { en: ['food', 'cash', 'cash assistance', 'money', 'clothes', 'nfi'], ar: ['غذاء', 'طعام', 'مساعدات نقدية', 'نقود', 'ملابس', 'سلة غذائية'], ckb: ['خواردن', 'پارە', 'هاوکاریی دارایی', 'جلوبەرگ'] },
  'safe-transport': { en: ['transport', 'transportation', 'escort', 'accompaniment'], ar: ['نقل', 'مواصلات', 'مرافقة'], ckb: ['گواستنەوە', 'هاتوچۆ', 'یاوەری'] },
  medical: { en: ['medical', 'doctor', 'health care', 'healthcare', 'hospital', 'nurse'], ar: ['طبيب', 'دكتور', 'طبية', 'علاج', 'مستشفى', 'عيادة طبية', 'مستوصف'], ckb: ['پزیشک', 'دکتۆر', 'نەخۆشخانە', 'چارەسەر', 'بنکەی تەندروستی'] },
  mhpss: { en: ['mental health', 'psychosocial', 'counselling', 'counseling', 'psychologist', 'therapy', 'trauma'], ar: ['نفسي', 'دعم نفسي', 'طبيب نفسي', 'ارشاد نفسي', 'صدمة'], ckb: ['دەروونی', 'پشتگیریی دەروونی', 'ڕاوێژکاری', 'دەروونناس'] },
  'case-management': { en: ['case management', 'caseworker', 'case worker', 'social worker'], ar: ['ادارة حالة', 'باحث اجتماعي', 'اخصائي اجتماعي'], ckb: ['بەڕێوەبردنی کەیس', 'توێژەری کۆمەڵایەتی'] },
  'child-protection': { en: ['child protection', 'children', 'child', 'minors', 'unaccompanied'], ar: ['اطفال', 'طفل', 'قاصرين', 'حماية الاطفال'], ckb: ['منداڵ', 'منداڵان', 'پاراستنی منداڵان'] },
  'gbv-response': { en: ['gbv', 'gender based violence', 'domestic violence', 'sexual violence', 'violence against women'], ar: ['عنف اسري', 'عنف جنسي', 'عنف ضد المراة', 'العنف القائم على النوع'], ckb: ['توندوتیژیی خێزانی', 'توندوتیژیی سێکسی', 'توندوتیژی دژی ئافرەتان'] },
  'family-tracing': { en: ['family tracing', 'reunification', 'missing family', 'find family'], ar: ['لم الشمل', 'البحث عن الاسرة', 'مفقودين'], ckb: ['کۆکردنەوەی خێزان', 'گەڕان بەدوای خێزان'] },
  'legal-aid': { en: ['legal aid', 'lawyer', 'lawyers', 'attorney', 'legal advice', 'legal', 'court representation'], ar: ['محامي', 'محامين', 'محامٍ', 'مساعدة قانونية', 'استشارة قانونية', 'قانوني', 'قانونية', 'محاماة'], ckb: ['پارێزەر', 'پارێزەران', 'هاوکاریی یاسایی', 'ڕاوێژی یاسایی', 'یاسایی'] },
  'civil-documentation': { en: ['documents', 'documentation', 'id card', 'passport', 'birth certificate', 'papers'], ar: ['وثائق', 'مستمسكات', 'هوية', 'جواز سفر', 'شهادة ميلاد', 'بطاقة وطنية'], ckb: ['بەڵگەنامە', 'ناسنامە', 'پاسپۆرت', 'بڕوانامەی لەدایکبوون'] },
  'law-enforcement': { en: ['police', 'investigation', 'report to police', 'law enforcement'], ar: ['شرطة', 'الشرطة', 'تحقيق', 'مكافحة الاتجار'], ckb: ['پۆلیس', 'لێکۆڵینەوە', 'ئاسایش'] },
  livelihoods: { en: ['job', 'jobs', 'employment', 'vocational', 'training', 'livelihood'], ar: ['عمل', 'وظيفة', 'فرص عمل', 'تدريب مهني', 'توظيف'], ckb: ['کار', 'هەلی کار', 'ڕاهێنانی پیشەیی', 'دامەزراندن'] },
  education: { en: ['school', 'schooling', 'literacy', 'classes'], ar: ['مدرسة', 'تعليم', 'محو الامية', 'دراسة'], ckb: ['قوتابخانە', 'خوێندن', 'نەخوێندەواری'] },
  'return-reintegration': { en: ['return', 'go home', 'repatriation', 'reintegration'], ar: ['عودة', 'العودة الى الوطن', 'اعادة الادماج'], ckb: ['گەڕانەوە', 'گەڕانەوە بۆ وڵات'] },
  hotlines: { en: ['hotline', 'helpline', 'phone line', 'report', 'emergency number'], ar: ['خط ساخن', 'رقم طوارئ', 'ابلاغ', 'خط مساعدة'], ckb: ['هێڵی گەرم', 'ژمارەی فریاکەوتن', 'ڕاپۆرتکردن'] },
  interpretation: { en: ['interpreter', 'translator', 'translation', 'interpreting'], ar: ['مترجم', 'ترجمة'], ckb: ['وەرگێڕ', 'وەرگێڕان'] },
  awareness: { en: ['awareness', 'training', 'workshop', 'campaign'], ar: ['توعية', 'ورشة', 'حملة توعية'], ckb: ['هۆشیاری', 'وۆرکشۆپ', 'هەڵمەت'] },
};

const group = (code: string, en: string, ar: string, ckb: string): TaxonomyTermSeed => ({
  code,
  parent: null,
  name: { en, ar, ckb },
});
const category = (parent: string, code: string, en: string, ar: string, ckb: string): TaxonomyTermSeed => ({
  code,
  parent,
  name: { en, ar, ckb },
  synonyms: SYNONYMS[code] ?? { en: [], ar: [], ckb: [] },
});

export const TAXONOMY_TERMS: TaxonomyTermSeed[] = [
  group('safety', 'Safety and basic needs', 'السلامة والاحتياجات الأساسية', 'سەلامەتی و پێداویستییە بنەڕەتییەکان'),
  category('safety', 'shelter', 'Shelter and safe accommodation', 'المأوى والسكن الآمن', 'پەناگە و نیشتەجێبوونی سەلامەت'),
  category('safety', 'basic-needs', 'Basic needs and cash assistance', 'الاحتياجات الأساسية والمساعدات النقدية', 'پێداویستییە بنەڕەتییەکان و هاوکاریی دارایی'),
  category('safety', 'safe-transport', 'Safe transport and accompaniment', 'النقل الآمن والمرافقة', 'گواستنەوەی سەلامەت و یاوەری'),

  group('health', 'Health', 'الصحة', 'تەندروستی'),
  category('health', 'medical', 'Medical care', 'الرعاية الطبية', 'چاودێریی پزیشکی'),
  category('health', 'mhpss', 'Mental health and psychosocial support', 'الصحة النفسية والدعم النفسي الاجتماعي', 'تەندروستیی دەروونی و پشتگیریی دەروونی-کۆمەڵایەتی'),

  group('protection', 'Protection', 'الحماية', 'پاراستن'),
  category('protection', 'case-management', 'Case management', 'إدارة الحالات', 'بەڕێوەبردنی کەیس'),
  category('protection', 'child-protection', 'Child protection', 'حماية الطفل', 'پاراستنی منداڵ'),
  category('protection', 'gbv-response', 'Gender-based violence response', 'الاستجابة للعنف القائم على النوع الاجتماعي', 'وەڵامدانەوەی توندوتیژیی ڕەگەزی'),
  category('protection', 'family-tracing', 'Family tracing and reunification', 'البحث عن الأسر ولم شملها', 'گەڕان بەدوای خێزان و کۆکردنەوەیان'),

  group('justice', 'Justice and documentation', 'العدالة والوثائق', 'دادپەروەری و بەڵگەنامە'),
  category('justice', 'legal-aid', 'Legal aid and representation', 'المساعدة القانونية والتمثيل', 'هاوکاریی یاسایی و نوێنەرایەتی'),
  category('justice', 'civil-documentation', 'Civil documentation', 'الوثائق المدنية', 'بەڵگەنامەی مەدەنی'),
  category('justice', 'law-enforcement', 'Law enforcement and investigation', 'إنفاذ القانون والتحقيق', 'جێبەجێکردنی یاسا و لێکۆڵینەوە'),

  group('recovery', 'Recovery and reintegration', 'التعافي وإعادة الإدماج', 'چاکبوونەوە و تێکەڵبوونەوە'),
  category('recovery', 'livelihoods', 'Livelihoods and vocational training', 'سبل العيش والتدريب المهني', 'بژێوی و ڕاهێنانی پیشەیی'),
  category('recovery', 'education', 'Education', 'التعليم', 'پەروەردە'),
  category('recovery', 'return-reintegration', 'Voluntary return and reintegration', 'العودة الطوعية وإعادة الإدماج', 'گەڕانەوەی خۆبەخشانە و تێکەڵبوونەوە'),

  group('information', 'Information and reporting', 'المعلومات والإبلاغ', 'زانیاری و ڕاپۆرتکردن'),
  category('information', 'hotlines', 'Hotlines and reporting', 'الخطوط الساخنة والإبلاغ', 'هێڵە گەرمەکان و ڕاپۆرتکردن'),
  category('information', 'interpretation', 'Interpretation', 'الترجمة الفورية', 'وەرگێڕانی زارەکی'),
  category('information', 'awareness', 'Awareness raising and training', 'التوعية والتدريب', 'هۆشیارکردنەوە و ڕاهێنان'),
];

export const CATEGORY_CODES = TAXONOMY_TERMS.filter((t) => t.parent).map((t) => t.code);
