import type { Translated } from '../server/platform/text/translated.js';

/**
 * The service categories of the counter-trafficking referral pathway: six groups, each with the
 * categories that services are tagged with. Codes are stable identifiers used in URLs and exports.
 */
export interface TaxonomyTermSeed {
  code: string;
  parent: string | null;
  name: Translated;
  description?: Translated;
}

const group = (code: string, en: string, ar: string, ckb: string): TaxonomyTermSeed => ({
  code,
  parent: null,
  name: { en, ar, ckb },
});
const category = (parent: string, code: string, en: string, ar: string, ckb: string): TaxonomyTermSeed => ({
  code,
  parent,
  name: { en, ar, ckb },
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
