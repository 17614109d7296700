import type { Language } from '../../contract/text/languages.js';
import type { Role } from '../../contract/accounts/permission-matrix.js';

/**
 * Every mail the app sends, in English, Arabic and Sorani: one place to read and correct the
 * texts, so a recipient gets the whole message in their account's language. Mail is plain text,
 * shown by clients that may or may not set its direction; in Arabic and Sorani, codes are isolated
 * as left-to-right runs, names and free text as runs of their own direction, and each link stands
 * on its own line opened by a left-to-right mark (nothing after it, so a client's linkifier takes
 * the address whole).
 */

interface MailParams {
  /** Link only: a new referral says nothing about the person, not even the case code. */
  newReferral: { link: string };
  overdueReferral: { caseCode: string; link: string };
  reflectionEnded: { caseCode: string; endedOn: Date; link: string };
  changeRejected: { recordName: string; reason: string; link: string };
  invitation: { role: Role; organizationName: string; link: string; expiresAt: Date; claim: boolean };
  passwordReset: { name: string; link: string; expiresAt: Date };
}
export type MailKind = keyof MailParams;

/** How values sit in the text of one language. */
interface Writer {
  /** A code or number: a left-to-right run. */
  code(value: string): string;
  /** A name or free text of either direction: a run of its own. */
  text(value: string): string;
  /** A link on its own line. */
  link(url: string): string;
  date(value: Date): string;
  dateTime(value: Date): string;
  role(role: Role): string;
}

type Texts<P> = Record<Language, (p: P, w: Writer) => { subject: string; body: string }>;

/** As the web app formats (client/src/i18n/i18n.ts); Sorani falls back to Iraqi Arabic formats where the runtime lacks them. */
const LOCALES: Record<Language, string[]> = { en: ['en-GB'], ar: ['ar-IQ'], ckb: ['ckb-IQ', 'ar-IQ'] };
/** Recipients are in Iraq: times are Baghdad's, and say so. */
const TIME_ZONE = 'Asia/Baghdad';
const BAGHDAD_TIME: Record<Language, string> = { en: 'Baghdad time', ar: 'بتوقيت بغداد', ckb: 'بە کاتی بەغدا' };

const ROLE_NAMES: Record<Language, Record<Role, string>> = {
  en: { 'platform-admin': 'platform administrator', 'org-admin': 'organisation administrator', caseworker: 'caseworker', 'gov-liaison': 'government liaison' },
  ar: { 'platform-admin': 'مسؤول المنصة', 'org-admin': 'مسؤول المنظمة', caseworker: 'مسؤول حالة', 'gov-liaison': 'منسق حكومي' },
  ckb: { 'platform-admin': 'بەڕێوەبەری پلاتفۆرم', 'org-admin': 'بەڕێوەبەری ڕێکخراو', caseworker: 'کارمەندی کەیس', 'gov-liaison': 'هەماهەنگکاری حکومی' },
};

/** The app's name (client `app.title`), closing every mail. */
const SIGNATURE: Record<Language, string> = {
  en: '— Counter-Trafficking Referral Directory',
  ar: '— دليل الإحالة لمكافحة الاتجار بالبشر',
  ckb: '— ڕێبەری ڕەوانەکردن بۆ بەربەرەکانێی بازرگانیکردن بە مرۆڤ',
};

const LRM = '\u200E';
const [LRI, FSI, PDI] = ['\u2066', '\u2068', '\u2069'];

function writer(language: Language): Writer {
  const rtl = language !== 'en';
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone: TIME_ZONE });
  return {
    code: (value) => (rtl ? `${LRI}${value}${PDI}` : value),
    text: (value) => (rtl ? `${FSI}${value}${PDI}` : value),
    link: (url) => (rtl ? `${LRM}${url}` : url),
    date: (value) => format({ dateStyle: 'long' }).format(value),
    dateTime: (value) => `${format({ dateStyle: 'long', timeStyle: 'short' }).format(value)} (${BAGHDAD_TIME[language]})`,
    role: (role) => ROLE_NAMES[language][role],
  };
}

const signInForDetails: Record<Language, string> = {
  en: 'Case details are only shown after signing in.',
  ar: 'لا تظهر تفاصيل الحالة إلا بعد تسجيل الدخول.',
  ckb: 'وردەکارییەکانی کەیسەکە تەنها دوای چوونەژوورەوە پیشان دەدرێن.',
};

const ignoreIfUnexpected: Record<Language, string> = {
  en: 'If you did not expect this message, you can ignore it.',
  ar: 'إن لم تكن تتوقع هذه الرسالة فيمكنك تجاهلها.',
  ckb: 'ئەگەر چاوەڕێی ئەم نامەیە نەبوویت، دەتوانیت پشتگوێی بخەیت.',
};

const CATALOGUE: { [K in MailKind]: Texts<MailParams[K]> } = {
  newReferral: {
    en: ({ link }, w) => ({
      subject: 'New referral for your organisation',
      body: `A referral has been sent to your organisation in the referral directory.\n\nSign in to read it:\n${w.link(link)}\n\n${signInForDetails.en}`,
    }),
    ar: ({ link }, w) => ({
      subject: 'إحالة جديدة إلى منظمتك',
      body: `وصلت إلى منظمتك إحالة جديدة عبر دليل الإحالة.\n\nسجّل الدخول لقراءتها:\n${w.link(link)}\n\n${signInForDetails.ar}`,
    }),
    ckb: ({ link }, w) => ({
      subject: 'ڕەوانەکردنێکی نوێ بۆ ڕێکخراوەکەت',
      body: `ڕەوانەکردنێکی نوێ لە ڕێگەی ڕێبەری ڕەوانەکردنەوە بۆ ڕێکخراوەکەت نێردراوە.\n\nبۆ خوێندنەوەی بچۆ ژوورەوە:\n${w.link(link)}\n\n${signInForDetails.ckb}`,
    }),
  },
  overdueReferral: {
    en: ({ caseCode, link }, w) => ({
      subject: 'Overdue urgent referral',
      body:
        `An urgent referral to your organisation (case ${w.code(caseCode)}) has not been acknowledged within the time its service commits to.\n\n` +
        `Sign in to acknowledge it:\n${w.link(link)}\n\n${signInForDetails.en}`,
    }),
    ar: ({ caseCode, link }, w) => ({
      subject: 'إحالة عاجلة تأخّر تأكيد استلامها',
      body:
        `لم يُؤكَّد استلام إحالة عاجلة إلى منظمتك (رمز الحالة ${w.code(caseCode)}) خلال المدة التي تلتزم بها الخدمة.\n\n` +
        `سجّل الدخول لتأكيد الاستلام:\n${w.link(link)}\n\n${signInForDetails.ar}`,
    }),
    ckb: ({ caseCode, link }, w) => ({
      subject: 'وەرگرتنی ڕەوانەکردنێکی بەپەلە دواکەوتووە',
      body:
        `وەرگرتنی ڕەوانەکردنێکی بەپەلە بۆ ڕێکخراوەکەت (کۆدی کەیس ${w.code(caseCode)}) لەو ماوەیەدا پشتڕاست نەکراوەتەوە کە خزمەتگوزارییەکە پابەندی بووە.\n\n` +
        `بۆ پشتڕاستکردنەوەی وەرگرتن بچۆ ژوورەوە:\n${w.link(link)}\n\n${signInForDetails.ckb}`,
    }),
  },
  reflectionEnded: {
    en: ({ caseCode, endedOn, link }, w) => ({
      subject: 'Reflection period ended',
      body:
        `The recovery and reflection period of a referral between your organisation and a partner (case ${w.code(caseCode)}) ended on ${w.date(endedOn)}.\n\n` +
        `Sign in to agree the next steps:\n${w.link(link)}\n\n${signInForDetails.en}`,
    }),
    ar: ({ caseCode, endedOn, link }, w) => ({
      subject: 'انتهت فترة التعافي والتفكير',
      body:
        `انتهت في ${w.date(endedOn)} فترة التعافي والتفكير لإحالة بين منظمتك ومنظمة شريكة (رمز الحالة ${w.code(caseCode)}).\n\n` +
        `سجّل الدخول للاتفاق على الخطوات التالية:\n${w.link(link)}\n\n${signInForDetails.ar}`,
    }),
    ckb: ({ caseCode, endedOn, link }, w) => ({
      subject: 'ماوەی چاکبوونەوە و بیرکردنەوە کۆتایی هات',
      body:
        `ماوەی چاکبوونەوە و بیرکردنەوەی ڕەوانەکردنێک لە نێوان ڕێکخراوەکەت و ڕێکخراوێکی هاوبەشدا (کۆدی کەیس ${w.code(caseCode)}) لە ${w.date(endedOn)} کۆتایی هات.\n\n` +
        `بۆ ڕێککەوتن لەسەر هەنگاوەکانی داهاتوو بچۆ ژوورەوە:\n${w.link(link)}\n\n${signInForDetails.ckb}`,
    }),
  },
  changeRejected: {
    en: ({ recordName, reason, link }, w) => ({
      subject: `Change not accepted: ${recordName}`,
      body:
        `A platform admin did not accept the latest change to “${w.text(recordName)}”. The values verified before are shown again.\n\n` +
        `Reason: ${w.text(reason)}\n\nSee the record:\n${w.link(link)}`,
    }),
    ar: ({ recordName, reason, link }, w) => ({
      subject: `لم يُقبل التغيير: ${w.text(recordName)}`,
      body:
        `لم يقبل مسؤول المنصة التغيير الأخير على «${w.text(recordName)}»، وعادت القيم التي جرى التحقق منها سابقًا.\n\n` +
        `السبب: ${w.text(reason)}\n\nاطّلع على السجل:\n${w.link(link)}`,
    }),
    ckb: ({ recordName, reason, link }, w) => ({
      subject: `گۆڕانکارییەکە قبوڵ نەکرا: ${w.text(recordName)}`,
      body:
        `بەڕێوەبەری پلاتفۆرم دوایین گۆڕانکاریی «${w.text(recordName)}»ی قبوڵ نەکرد، و ئەو بەهایانەی پێشتر پشتڕاستکرابوونەوە گەڕاونەتەوە.\n\n` +
        `هۆکار: ${w.text(reason)}\n\nسەیری تۆمارەکە بکە:\n${w.link(link)}`,
    }),
  },
  invitation: {
    en: ({ role, organizationName, link, expiresAt, claim }, w) => ({
      subject: claim ? 'Claim your organisation in the referral directory' : 'You are invited to the referral directory',
      body:
        (claim
          ? `${w.text(organizationName)} is listed in the referral directory, and caseworkers can refer people to it by phone only. ` +
            `Claim the record to receive referrals on the platform: you become its first ${w.role(role)} once a platform admin has confirmed your account.`
          : `You have been invited to join the referral directory as ${w.role(role)}${organizationName ? ` for ${w.text(organizationName)}` : ''}.`) +
        `\n\nChoose your name and password here (the link works once, until ${w.dateTime(expiresAt)}):\n${w.link(link)}\n\n${ignoreIfUnexpected.en}`,
    }),
    ar: ({ role, organizationName, link, expiresAt, claim }, w) => ({
      subject: claim ? 'تولَّ سجلّ منظمتك في دليل الإحالة' : 'دعوة للانضمام إلى دليل الإحالة',
      body:
        (claim
          ? `«${w.text(organizationName)}» مُدرجة في دليل الإحالة، ولا يستطيع مسؤولو الحالات إحالة الأشخاص إليها إلا عبر الهاتف. ` +
            `تولَّ سجلّها لتستقبل الإحالات عبر المنصة: ستصبح أول ${w.role(role)} فيها بعد أن يؤكد مسؤول المنصة حسابك.`
          : `دُعيت للانضمام إلى دليل الإحالة بصفة ${w.role(role)}${organizationName ? ` لدى «${w.text(organizationName)}»` : ''}.`) +
        `\n\nاختر اسمك وكلمة المرور من هنا (يعمل الرابط مرة واحدة، حتى ${w.dateTime(expiresAt)}):\n${w.link(link)}\n\n${ignoreIfUnexpected.ar}`,
    }),
    ckb: ({ role, organizationName, link, expiresAt, claim }, w) => ({
      subject: claim ? 'تۆماری ڕێکخراوەکەت لە ڕێبەری ڕەوانەکردندا وەربگرە' : 'بانگهێشت کراویت بۆ ڕێبەری ڕەوانەکردن',
      body:
        (claim
          ? `«${w.text(organizationName)}» لە ڕێبەری ڕەوانەکردندا تۆمار کراوە، بەڵام کارمەندانی کەیس تەنها بە تەلەفۆن دەتوانن کەسانی بۆ ڕەوانە بکەن. ` +
            `تۆمارەکە وەربگرە بۆ ئەوەی ڕەوانەکردنەکان لەسەر پلاتفۆرمەکە وەربگریت: دوای ئەوەی بەڕێوەبەری پلاتفۆرم هەژمارەکەت پشتڕاست دەکاتەوە، دەبیتە یەکەم ${w.role(role)}ی ئەو ڕێکخراوە.`
          : `بانگهێشت کراویت بۆ ئەوەی وەک ${w.role(role)}${organizationName ? ` لە «${w.text(organizationName)}»` : ''} بەشداری ڕێبەری ڕەوانەکردن بکەیت.`) +
        `\n\nناو و وشەی نهێنییەکەت لێرە هەڵبژێرە (بەستەرەکە تەنها یەک جار کار دەکات، تا ${w.dateTime(expiresAt)}):\n${w.link(link)}\n\n${ignoreIfUnexpected.ckb}`,
    }),
  },
  passwordReset: {
    en: ({ name, link, expiresAt }, w) => ({
      subject: 'Reset your password',
      body:
        `Hello ${w.text(name)},\n\nSomebody (hopefully you) asked to reset the password of your account.\n\n` +
        `Choose a new password here (the link works once, until ${w.dateTime(expiresAt)}):\n${w.link(link)}\n\n${ignoreIfUnexpected.en}`,
    }),
    ar: ({ name, link, expiresAt }, w) => ({
      subject: 'إعادة تعيين كلمة المرور',
      body:
        `مرحبًا ${w.text(name)}،\n\nطلب أحدهم (نأمل أن تكون أنت) إعادة تعيين كلمة المرور لحسابك.\n\n` +
        `اختر كلمة مرور جديدة من هنا (يعمل الرابط مرة واحدة، حتى ${w.dateTime(expiresAt)}):\n${w.link(link)}\n\n` +
        'إن لم تطلب ذلك فتجاهل هذه الرسالة، وتبقى كلمة المرور كما هي.',
    }),
    ckb: ({ name, link, expiresAt }, w) => ({
      subject: 'ڕێکخستنەوەی وشەی نهێنی',
      body:
        `سڵاو ${w.text(name)}،\n\nکەسێک (هیوادارین خۆت بیت) داوای ڕێکخستنەوەی وشەی نهێنیی هەژمارەکەتی کردووە.\n\n` +
        `وشەیەکی نهێنیی نوێ لێرە هەڵبژێرە (بەستەرەکە تەنها یەک جار کار دەکات، تا ${w.dateTime(expiresAt)}):\n${w.link(link)}\n\n` +
        'ئەگەر تۆ داوات نەکردووە، پشتگوێی ئەم نامەیە بخە؛ وشەی نهێنییەکەت وەک خۆی دەمێنێتەوە.',
    }),
  },
};

/** The subject and text of a mail of this kind in this language, signed with the app's name. */
export function mailText<K extends MailKind>(kind: K, language: Language, params: MailParams[K]): { subject: string; text: string } {
  const { subject, body } = CATALOGUE[kind][language](params, writer(language));
  return { subject, text: `${body}\n\n${SIGNATURE[language]}` };
}
