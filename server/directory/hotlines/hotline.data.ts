import type { Translated } from '../../platform/text/translated.js';

export interface BundledHotline {
  number: string;
  name: Translated;
  purpose: Translated;
  governorates: string[];
  emergency: boolean;
  source: { text: string; url: string };
  order: number;
}

/**
 * The public numbers every installation starts with, each with the public report it was taken from.
 * None is verified: a platform admin confirms each one (POST /hotlines/:id/verify) after checking it,
 * and until then the help page marks it as a sample. Nobody has dialled them for this list, so
 * `lastCheckedAt` starts empty.
 */
export const BUNDLED_HOTLINES: readonly BundledHotline[] = [
  {
    number: '911',
    name: { en: 'Unified emergency number', ar: 'رقم الطوارئ الموحد', ckb: 'ژمارەی یەکگرتووی فریاکەوتن' },
    purpose: {
      en: 'Police, ambulance and civil defence in one number, in all governorates, 24 hours a day. Free, also without credit. Answers in Arabic, Kurdish, English, Turkish and Persian.',
      ar: 'الشرطة والإسعاف والدفاع المدني برقم واحد، في جميع المحافظات، على مدار 24 ساعة. الاتصال مجاني ولو بلا رصيد. يجيب بالعربية والكردية والإنجليزية والتركية والفارسية.',
      ckb: 'پۆلیس، فریاگوزاری و بەرگریی شارستانی بە یەک ژمارە، لە هەموو پارێزگاکان، ٢٤ کاتژمێر. بەخۆڕاییە، بێ باڵانسیش. بە عەرەبی، کوردی، ئینگلیزی، تورکی و فارسی وەڵام دەداتەوە.',
    },
    governorates: [],
    emergency: true,
    source: {
      text: 'Iraqi Ministry of Interior, press conference of 12 January 2025 on the unified emergency number launched on 9 January 2025 (reported by NRT)',
      url: 'https://nrttv.com/Ar/detail3/40060',
    },
    order: 0,
  },
  {
    number: '104',
    name: { en: 'Police', ar: 'الشرطة', ckb: 'پۆلیس' },
    purpose: {
      en: 'The police emergency line. The Ministry of Interior said in January 2025 that the former hotlines were merged into 911: call 911 first.',
      ar: 'خط طوارئ الشرطة. أعلنت وزارة الداخلية في كانون الثاني 2025 دمج الأرقام الساخنة السابقة في 911: اتصل بـ911 أولاً.',
      ckb: 'هێڵی فریاکەوتنی پۆلیس. وەزارەتی ناوخۆ لە کانوونی دووەمی ٢٠٢٥ ڕایگەیاند کە هێڵە گەرمەکانی پێشوو لە ٩١١ دا یەکخران: سەرەتا پەیوەندی بە ٩١١ بکە.',
    },
    governorates: [],
    emergency: false,
    source: { text: 'Wikipedia, List of emergency telephone numbers (Iraq)', url: 'https://en.wikipedia.org/wiki/List_of_emergency_telephone_numbers' },
    order: 10,
  },
  {
    number: '119',
    name: {
      en: 'Helpline for gender-based violence (Kurdistan Region)',
      ar: 'خط المساعدة لضحايا العنف القائم على النوع الاجتماعي (إقليم كوردستان)',
      ckb: 'هێڵی یارمەتی بۆ توندوتیژیی ڕەگەزی (هەرێمی کوردستان)',
    },
    purpose: {
      en: 'Run by the General Directorate for Combating Violence Against Women and Family (KRG Ministry of Interior) with UNFPA: confidential counselling, legal and psychosocial advice, and referral to the police, 24 hours a day.',
      ar: 'تديره المديرية العامة لمناهضة العنف ضد المرأة والأسرة (وزارة داخلية الإقليم) بالتعاون مع صندوق الأمم المتحدة للسكان: استشارة سرية ونصيحة قانونية ونفسية وإحالة إلى الشرطة، على مدار 24 ساعة.',
      ckb: 'بەڕێوەبەرایەتیی گشتیی بەرەنگاربوونەوەی توندوتیژی دژی ئافرەتان و خێزان (وەزارەتی ناوخۆی هەرێم) لەگەڵ UNFPA بەڕێوەی دەبات: ڕاوێژی نهێنی، ئامۆژگاریی یاسایی و دەروونی، و ڕەوانەکردن بۆ پۆلیس، ٢٤ کاتژمێر.',
    },
    governorates: ['IQ-AR', 'IQ-DA', 'IQ-SU', 'IQ-HA'],
    emergency: false,
    source: {
      text: 'Kurdistan 24, "New 119 helpline for gender-based violence victims in Kurdistan" (launch by the KRG and UNFPA, 2018)',
      url: "https://www.kurdistan24.net/en/story/17484-New-%27119%27-helpline-for-gender-based-violence-victims-in-Kurdistan-",
    },
    order: 20,
  },
];
