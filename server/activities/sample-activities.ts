import { Types } from 'mongoose';
import { bundledGovernorates } from '../directory/governorates/governorate-data.js';
import { textIn, type Translated } from '../platform/text/translated.js';
import type { NewActivity } from './activity.data.js';
import type { ActivityKind, Audience, Reach } from '../contract/activities/vocabulary.js';

/**
 * Fictional sample activities for the sample directory: about forty awareness sessions, trainings
 * and campaigns over the last twelve months, spread over the governorates that have sample
 * organisations, plus the campaign the seed material starts with (Najaf, Basrah and Baghdad).
 * Deterministic: the same organisations and day give the same activities.
 */

export const SAMPLE_ACTIVITY_COUNT = 40;

interface Template {
  kind: ActivityKind;
  topic: string;
  /** `{gov}` is replaced by the governorate's name in the same language. */
  title: Required<Translated>;
  audience: Audience[];
  /** Reached at most, per group; children only where the audience includes them. */
  reach: Reach;
  days: number;
}

const TEMPLATES: Template[] = [
  {
    kind: 'awareness-session',
    topic: 'awareness',
    title: {
      en: 'Awareness session on the signs of trafficking in {gov}',
      ar: 'جلسة توعية حول مؤشرات الاتجار بالبشر في {gov}',
      ckb: 'دانیشتنی هۆشیارکردنەوە دەربارەی نیشانەکانی بازرگانیکردن بە مرۆڤ لە {gov}',
    },
    audience: ['public', 'communities-at-risk'],
    reach: { women: 60, men: 45, girls: 20, boys: 20 },
    days: 1,
  },
  {
    kind: 'training',
    topic: 'law-enforcement',
    title: {
      en: 'Training for police investigators on identifying victims',
      ar: 'تدريب المحققين في الشرطة على التعرف على الضحايا',
      ckb: 'ڕاهێنانی لێکۆڵەرانی پۆلیس لەسەر ناسینەوەی قوربانیان',
    },
    audience: ['police'],
    reach: { women: 6, men: 24, girls: 0, boys: 0 },
    days: 3,
  },
  {
    kind: 'training',
    topic: 'Anti-trafficking law No. 28 of 2012',
    title: {
      en: 'Workshop for judges and prosecutors on the anti-trafficking law (No. 28 of 2012)',
      ar: 'ورشة عمل للقضاة والمدعين العامين حول قانون مكافحة الاتجار بالبشر رقم 28 لسنة 2012',
      ckb: 'وۆرکشۆپ بۆ دادوەران و داواکارانی گشتی دەربارەی یاسای بەرەنگاربوونەوەی بازرگانیکردن بە مرۆڤ ژمارە ٢٨ی ساڵی ٢٠١٢',
    },
    audience: ['judiciary'],
    reach: { women: 8, men: 16, girls: 0, boys: 0 },
    days: 2,
  },
  {
    kind: 'awareness-session',
    topic: 'Reporting on trafficking safely',
    title: {
      en: 'Briefing for journalists on reporting on trafficking safely',
      ar: 'إحاطة للصحفيين حول التغطية الآمنة لقضايا الاتجار بالبشر',
      ckb: 'کۆبوونەوەی ڕوونکردنەوە بۆ ڕۆژنامەنووسان دەربارەی ڕاپۆرتکردنی سەلامەت لەسەر بازرگانیکردن بە مرۆڤ',
    },
    audience: ['media'],
    reach: { women: 10, men: 14, girls: 0, boys: 0 },
    days: 1,
  },
  {
    kind: 'training',
    topic: 'medical',
    title: {
      en: 'Training for health workers on referring survivors safely',
      ar: 'تدريب العاملين الصحيين على الإحالة الآمنة للناجين',
      ckb: 'ڕاهێنانی کارمەندانی تەندروستی لەسەر ڕەوانەکردنی سەلامەتی ڕزگاربووان',
    },
    audience: ['health-workers'],
    reach: { women: 18, men: 10, girls: 0, boys: 0 },
    days: 2,
  },
  {
    kind: 'awareness-session',
    topic: 'Online recruitment',
    title: {
      en: 'Session for young people on recruitment through social media in {gov}',
      ar: 'جلسة للشباب حول التجنيد عبر وسائل التواصل الاجتماعي في {gov}',
      ckb: 'دانیشتن بۆ گەنجان دەربارەی ڕاکێشان لە ڕێگەی تۆڕە کۆمەڵایەتییەکانەوە لە {gov}',
    },
    audience: ['communities-at-risk', 'public'],
    reach: { women: 10, men: 10, girls: 35, boys: 35 },
    days: 1,
  },
  {
    kind: 'training',
    topic: 'case-management',
    title: {
      en: 'Case management training for NGO staff',
      ar: 'تدريب موظفي المنظمات غير الحكومية على إدارة الحالات',
      ckb: 'ڕاهێنانی ستافی ڕێکخراوە ناحکومییەکان لەسەر بەڕێوەبردنی کەیس',
    },
    audience: ['ngo-staff'],
    reach: { women: 16, men: 9, girls: 0, boys: 0 },
    days: 4,
  },
  {
    kind: 'campaign',
    topic: 'hotlines',
    title: {
      en: 'Campaign making the trafficking hotline known in {gov}',
      ar: 'حملة للتعريف بالخط الساخن لمكافحة الاتجار بالبشر في {gov}',
      ckb: 'هەڵمەت بۆ ناساندنی هێڵی گەرمی بەرەنگاربوونەوەی بازرگانیکردن بە مرۆڤ لە {gov}',
    },
    audience: ['public'],
    reach: { women: 400, men: 350, girls: 120, boys: 110 },
    days: 21,
  },
  {
    kind: 'other',
    topic: 'Referral pathway',
    title: {
      en: 'Coordination meeting with government officials on the referral pathway',
      ar: 'اجتماع تنسيقي مع المسؤولين الحكوميين حول مسار الإحالة',
      ckb: 'کۆبوونەوەی هەماهەنگی لەگەڵ بەرپرسانی حکومی دەربارەی ڕێڕەوی ڕەوانەکردن',
    },
    audience: ['government-officials', 'ngo-staff'],
    reach: { women: 7, men: 13, girls: 0, boys: 0 },
    days: 1,
  },
];

const FIRST_CAMPAIGN = {
  governorates: ['IQ-NA', 'IQ-BA', 'IQ-BG'],
  title: {
    en: 'Know the signs: anti-trafficking awareness campaign in Najaf, Basrah and Baghdad',
    ar: 'اعرف العلامات: حملة توعية لمكافحة الاتجار بالبشر في النجف والبصرة وبغداد',
    ckb: 'نیشانەکان بناسە: هەڵمەتی هۆشیارکردنەوە دژی بازرگانیکردن بە مرۆڤ لە نەجەف و بەسرە و بەغدا',
  },
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** A UTC midnight `daysBefore` days before `today`. */
function dayBefore(today: Date, daysBefore: number): Date {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(midnight - daysBefore * DAY_MS);
}

/** Between 55% and 100% of the template's figures, varying with `n`. */
function reachFor(template: Template, n: number): Reach {
  const share = 0.55 + ((n * 37) % 46) / 100;
  const scale = (value: number) => Math.round(value * share);
  const { women, men, girls, boys } = template.reach;
  return { women: scale(women), men: scale(men), girls: scale(girls), boys: scale(boys) };
}

/**
 * @param orgIdsByGovernorate sample organisation ids (as strings) by governorate code (ISO 3166-2);
 *   governorates without organisations get no activities.
 * @param today the day the sample is made; activities fall in the twelve months before it.
 * @returns records for `ActivityModel.insertMany`, all marked `sample: true`.
 */
export function sampleActivities(
  orgIdsByGovernorate: Readonly<Record<string, readonly string[]>>,
  today: Date = new Date(),
): NewActivity[] {
  const governorates = bundledGovernorates().filter((g) => orgIdsByGovernorate[g.code]?.length);
  if (governorates.length === 0) return [];
  const orgAt = (code: string, n: number) => {
    const ids = orgIdsByGovernorate[code] ?? [];
    return ids[n % ids.length];
  };
  const id = (value: string) => new Types.ObjectId(value);

  const activities: NewActivity[] = [];
  const campaignOrganizations = FIRST_CAMPAIGN.governorates.map((code, n) => orgAt(code, n)).filter((o): o is string => !!o);
  const [lead, ...partners] = campaignOrganizations;
  if (lead) {
    activities.push({
      organizationId: id(lead),
      title: FIRST_CAMPAIGN.title,
      kind: 'campaign',
      topic: 'awareness',
      governorates: FIRST_CAMPAIGN.governorates,
      districts: [],
      startDate: dayBefore(today, 75),
      endDate: dayBefore(today, 45),
      audience: ['public', 'communities-at-risk'],
      reached: { women: 1840, men: 1525, girls: 610, boys: 575 },
      partners: [...new Set(partners.filter((p) => p !== lead))].map(id),
      sample: true,
    });
  }

  for (let n = activities.length; n < SAMPLE_ACTIVITY_COUNT; n++) {
    const governorate = governorates[(n * 7) % governorates.length]!;
    const template = TEMPLATES[n % TEMPLATES.length]!;
    const organizationId = orgAt(governorate.code, n)!;
    const partner = orgAt(governorates[(n * 7 + 3) % governorates.length]!.code, n + 1);
    // Ended by yesterday, started within the last twelve months.
    const startDate = dayBefore(today, template.days + ((n * 53) % 340));
    const title = (lang: keyof Translated) => template.title[lang].replace('{gov}', textIn(governorate.name, lang));
    activities.push({
      organizationId: id(organizationId),
      title: { en: title('en'), ar: title('ar'), ckb: title('ckb') },
      kind: template.kind,
      topic: template.topic,
      governorates: [governorate.code],
      districts: [],
      startDate,
      endDate: new Date(startDate.getTime() + (template.days - 1) * DAY_MS),
      audience: template.audience,
      reached: reachFor(template, n),
      partners: partner && partner !== organizationId && n % 3 === 0 ? [id(partner)] : [],
      sample: true,
    });
  }
  return activities;
}
