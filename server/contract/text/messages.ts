import { CONTENT_FALLBACK, type Language, type Translated } from './languages.js';

/**
 * The messages the API and the forms show a person when input or a request is refused, in the three
 * languages. Schemas and the server name a message by its key; the reader's language is chosen only
 * when the message is shown (the web app's interface language, the API's Accept-Language).
 * `{name}` is replaced by the message's parameter of that name.
 */
const MESSAGES = {
  // What a zod issue means (see zod-messages.ts).
  required: { en: 'Required.', ar: 'هذا الحقل مطلوب.', ckb: 'ئەم خانەیە پێویستە.' },
  invalidValue: { en: 'Not a valid value.', ar: 'القيمة غير صالحة.', ckb: 'ئەم بەهایە دروست نییە.' },
  expectedNumber: { en: 'Enter a number.', ar: 'أدخل رقمًا.', ckb: 'ژمارەیەک بنووسە.' },
  expectedWholeNumber: { en: 'Enter a whole number.', ar: 'أدخل عددًا صحيحًا.', ckb: 'ژمارەیەکی تەواو بنووسە.' },
  expectedText: { en: 'Enter text.', ar: 'أدخل نصًا.', ckb: 'دەق بنووسە.' },
  expectedDate: { en: 'Enter a valid date.', ar: 'أدخل تاريخًا صحيحًا.', ckb: 'بەروارێکی دروست بنووسە.' },
  textTooShort: { en: 'At least {min} characters.', ar: 'يجب ألا يقل عدد الأحرف عن {min}.', ckb: 'لانیکەم {min} پیت بنووسە.' },
  textTooLong: { en: 'At most {max} characters.', ar: 'يجب ألا يزيد عدد الأحرف على {max}.', ckb: 'نابێت لە {max} پیت زیاتر بێت.' },
  numberTooSmall: { en: 'Must be at least {min}.', ar: 'يجب ألا تقل القيمة عن {min}.', ckb: 'دەبێت لانیکەم {min} بێت.' },
  numberNotAbove: { en: 'Must be more than {min}.', ar: 'يجب أن تكون القيمة أكبر من {min}.', ckb: 'دەبێت لە {min} زیاتر بێت.' },
  numberTooBig: { en: 'Must be at most {max}.', ar: 'يجب ألا تزيد القيمة على {max}.', ckb: 'نابێت لە {max} زیاتر بێت.' },
  numberNotBelow: { en: 'Must be less than {max}.', ar: 'يجب أن تكون القيمة أقل من {max}.', ckb: 'دەبێت لە {max} کەمتر بێت.' },
  notMultipleOf: { en: 'Must be a multiple of {divisor}.', ar: 'يجب أن تكون القيمة من مضاعفات {divisor}.', ckb: 'دەبێت چەند هێندەی {divisor} بێت.' },
  tooFewItems: { en: 'Choose at least {min}.', ar: 'اختر {min} على الأقل.', ckb: 'لانیکەم {min} هەڵبژێرە.' },
  tooManyItems: { en: 'Choose at most {max}.', ar: 'اختر {max} على الأكثر.', ckb: 'زۆرترین {max} هەڵبژێرە.' },
  dateTooEarly: { en: 'The date is too early.', ar: 'التاريخ مبكر جدًا.', ckb: 'بەروارەکە زۆر زووە.' },
  dateTooLate: { en: 'The date is too late.', ar: 'التاريخ متأخر جدًا.', ckb: 'بەروارەکە زۆر درەنگە.' },
  chooseOption: { en: 'Choose one of the options.', ar: 'اختر أحد الخيارات.', ckb: 'یەکێک لە هەڵبژاردنەکان هەڵبژێرە.' },
  invalidEmail: { en: 'Enter a valid email address.', ar: 'أدخل بريدًا إلكترونيًا صحيحًا.', ckb: 'ئیمەیڵێکی دروست بنووسە.' },
  invalidUrl: { en: 'Enter a full web address (https://…).', ar: 'أدخل عنوان موقع كاملًا (https://…).', ckb: 'ناونیشانی تەواوی ماڵپەڕ بنووسە (https://…).' },
  invalidFormat: { en: 'Not in the expected format.', ar: 'الصيغة غير صحيحة.', ckb: 'شێوازەکەی هەڵەیە.' },
  unknownFields: { en: 'Unknown field: {keys}.', ar: 'حقل غير معروف: {keys}.', ckb: 'خانەی نەناسراو: {keys}.' },

  // The rules of the contract's own schemas (refine and regex messages).
  oneLanguage: { en: 'Fill in at least one language.', ar: 'املأ لغة واحدة على الأقل.', ckb: 'لانیکەم یەک زمان پڕ بکەرەوە.' },
  invalidId: { en: 'Not a valid id.', ar: 'المعرّف غير صالح.', ckb: 'ناسنامەکە دروست نییە.' },
  termCode: { en: 'Lower-case letters, digits and dashes only.', ar: 'أحرف لاتينية صغيرة وأرقام وشرطات فقط.', ckb: 'تەنها پیتی لاتینی بچووک، ژمارە و داش.' },
  capacityAboveMaximum: { en: 'More free than the maximum.', ar: 'العدد المتاح أكبر من الحد الأقصى.', ckb: 'ژمارەی بەردەست لە زۆرترین زیاترە.' },
  capacityUnitTwice: { en: 'Give each unit once.', ar: 'اذكر كل وحدة مرة واحدة.', ckb: 'هەر یەکەیەک تەنها یەک جار بنووسە.' },
  countryCode: { en: 'Use a two-letter country code (ISO 3166-1).', ar: 'استخدم رمز البلد المكوّن من حرفين (ISO 3166-1).', ckb: 'کۆدی دوو پیتیی وڵات بەکاربهێنە (ISO 3166-1).' },
  caseCodeName: {
    en: 'Looks like a personal name: a case code must never contain a name.',
    ar: 'يبدو اسمًا شخصيًا: لا يحتوي رمز الحالة على اسم أبدًا.',
    ckb: 'وەک ناوی کەس دەچێت: کۆدی کەیس هەرگیز ناوی تێدا نابێت.',
  },
  caseCodeNameExample: {
    en: "A case code must never contain a name: the code travels to other organisations, and a name in it identifies the person. Use your organisation's case numbering, for example {example} (governorate, year, number).",
    ar: 'لا تكتب اسمًا في رمز الحالة أبدًا: يصل الرمز إلى منظمات أخرى، والاسم فيه يكشف هوية الشخص. استخدم ترقيم الحالات في منظمتك، مثل {example} (المحافظة، السنة، الرقم).',
    ckb: 'هەرگیز ناو لە کۆدی کەیسدا مەنووسە: کۆدەکە دەگاتە ڕێکخراوەکانی تر، و ناوێک تێیدا کەسەکە دەناسێنێت. ژمارەکردنی کەیسەکانی ڕێکخراوەکەت بەکاربهێنە، بۆ نموونە {example} (پارێزگا، ساڵ، ژمارە).',
  },
  caseCodeCharacters: { en: 'Only letters, digits and single dashes.', ar: 'أحرف لاتينية وأرقام وشرطات مفردة فقط.', ckb: 'تەنها پیتی لاتینی، ژمارە و داشی تاک.' },
  caseCodeDigit: { en: 'Must contain a digit: a case code is never a name.', ar: 'يجب أن يحتوي على رقم: رمز الحالة ليس اسمًا أبدًا.', ckb: 'دەبێت ژمارەیەکی تێدا بێت: کۆدی کەیس هەرگیز ناو نییە.' },
  notInFuture: { en: 'Cannot be in the future.', ar: 'لا يمكن أن يكون في المستقبل.', ckb: 'ناکرێت لە داهاتوودا بێت.' },
  consentCoversReferral: { en: 'Consent must cover the referral itself.', ar: 'يجب أن تشمل الموافقة الإحالة نفسها.', ckb: 'ڕەزامەندی دەبێت خودی ڕەوانەکردنەکە بگرێتەوە.' },
  eachNeedOnce: { en: 'Choose each need once.', ar: 'اختر كل حاجة مرة واحدة فقط.', ckb: 'هەر پێویستییەک تەنها یەک جار هەڵبژێرە.' },
  childMatchesAgeBand: { en: 'Does not match the age band.', ar: 'لا يتوافق مع الفئة العمرية.', ckb: 'لەگەڵ گرووپی تەمەندا ناگونجێت.' },
  childAtRiskForChildren: { en: '“Child at risk” applies to children only.', ar: '«طفل في خطر» ينطبق على الأطفال فقط.', ckb: '«منداڵی لە مەترسیدا» تەنها بۆ منداڵانە.' },
  onlyForChildren: { en: 'Recorded for children only.', ar: 'يُسجَّل للأطفال فقط.', ckb: 'تەنها بۆ منداڵان تۆمار دەکرێت.' },
  childConsentWithGuardian: {
    en: 'A child consents together with the guardian, or the guardian consents.',
    ar: 'يوافق الطفل مع وليّ الأمر، أو يوافق وليّ الأمر.',
    ckb: 'منداڵ لەگەڵ سەرپەرشتیارەکەی ڕەزامەندی دەدات، یان سەرپەرشتیار ڕەزامەندی دەدات.',
  },
  phoneNeedsContactConsent: {
    en: 'Phone contact needs consent to be contacted by the receiving organisation.',
    ar: 'التواصل بالهاتف يحتاج موافقة على تواصل المنظمة المستقبِلة.',
    ckb: 'پەیوەندی بە تەلەفۆن پێویستی بە ڕەزامەندییە بۆ پەیوەندیکردنی ڕێکخراوی وەرگر.',
  },
  childNeedsGuardian: {
    en: 'Record the guardian or responsible adult (their role).',
    ar: 'سجّل وليّ الأمر أو البالغ المسؤول (صفته).',
    ckb: 'سەرپەرشتیار یان کەسی گەورەی بەرپرسیار تۆمار بکە (ڕۆڵەکەی).',
  },
  childNeedsBestInterests: {
    en: 'Write a note on the child’s best interests.',
    ar: 'اكتب ملاحظة عن المصلحة الفضلى للطفل.',
    ckb: 'تێبینییەک دەربارەی باشترین بەرژەوەندیی منداڵ بنووسە.',
  },
  consentCoversText: {
    en: 'Consent does not cover sharing case information: leave summary, safety risks and notes empty.',
    ar: 'الموافقة لا تشمل مشاركة معلومات الحالة: اترك الملخص والمخاطر على السلامة والملاحظات فارغة.',
    ckb: 'ڕەزامەندییەکە هاوبەشکردنی زانیاریی کەیس ناگرێتەوە: پوختە و مەترسییەکانی سەلامەتی و تێبینییەکان بەتاڵ بهێڵەوە.',
  },
  eachPartOnce: { en: 'Name each part once.', ar: 'اذكر كل جزء مرة واحدة.', ckb: 'هەر بەشێک یەک جار بنووسە.' },
  withheldNeedsReason: {
    en: 'Say why these parts are withheld from the receiving organisation.',
    ar: 'اذكر سبب حجب هذه الأجزاء عن الجهة المستقبِلة.',
    ckb: 'بڵێ بۆچی ئەم بەشانە لە ڕێکخراوی وەرگر دەشاردرێنەوە.',
  },
  withheldReasonWithoutWithheld: {
    en: 'Nothing is withheld: leave the reason out.',
    ar: 'لا شيء محجوب: لا تذكر سببًا.',
    ckb: 'هیچ شتێک نەشاردراوەتەوە: هۆکار مەنووسە.',
  },
  withheldReasonNeedsNote: {
    en: 'Explain in a short note why these parts are withheld.',
    ar: 'اشرح في ملاحظة قصيرة سبب حجب هذه الأجزاء.',
    ckb: 'لە تێبینییەکی کورتدا ڕوون بکەرەوە بۆچی ئەم بەشانە دەشاردرێنەوە.',
  },
  endNotBeforeStart: { en: 'Must not be before the start date.', ar: 'يجب ألا يسبق تاريخ البدء.', ckb: 'نابێت پێش بەرواری دەستپێکردن بێت.' },
  periodInOrder: { en: 'Must not be after the end of the period.', ar: 'يجب ألا يكون بعد نهاية الفترة.', ckb: 'نابێت دوای کۆتایی ماوەکە بێت.' },
  iraqiPhone: {
    en: 'Enter an Iraqi phone number, such as 0770 123 4567, +964 1 234 5678 (Baghdad) or +964 66 123 4567 (Erbil).',
    ar: 'أدخل رقم هاتف عراقيًا، مثل 0770 123 4567 أو ‎+964 1 234 5678‎ (بغداد) أو ‎+964 66 123 4567‎ (أربيل).',
    ckb: 'ژمارە تەلەفۆنێکی عێراقی بنووسە، وەک 0770 123 4567 یان ‎+964 1 234 5678‎ (بەغدا) یان ‎+964 66 123 4567‎ (هەولێر).',
  },
  scheduleNeedsDay: { en: 'Choose at least one day.', ar: 'اختر يومًا واحدًا على الأقل.', ckb: 'لانیکەم یەک ڕۆژ هەڵبژێرە.' },
  closesAfterOpens: {
    en: 'The closing time must be after the opening time.',
    ar: 'يجب أن يكون وقت الإغلاق بعد وقت الفتح.',
    ckb: 'کاتی داخستن دەبێت دوای کاتی کردنەوە بێت.',
  },
  nothingToChange: { en: 'Nothing to change.', ar: 'لا يوجد ما يُغيَّر.', ckb: 'هیچ گۆڕانکارییەک نییە.' },

  // Refusals of the referral pathway, as a caseworker meets them.
  referToOther: { en: 'A referral goes to another organisation.', ar: 'تُرسَل الإحالة إلى منظمة أخرى.', ckb: 'ڕەوانەکردن بۆ ڕێکخراوێکی ترە.' },
  isOwnOrganisation: { en: 'is your own organisation', ar: 'هذه منظمتك أنت', ckb: 'ئەمە ڕێکخراوەکەی خۆتە' },
  receiverNotInDirectory: { en: 'The receiving organisation is not in the directory.', ar: 'المنظمة المستقبِلة غير موجودة في الدليل.', ckb: 'ڕێکخراوی وەرگر لە ڕێبەرەکەدا نییە.' },
  serviceNotOfReceiver: {
    en: 'The service is not an active service of the receiving organisation.',
    ar: 'هذه الخدمة ليست خدمة فعّالة لدى المنظمة المستقبِلة.',
    ckb: 'ئەم خزمەتگوزارییە خزمەتگوزارییەکی چالاکی ڕێکخراوی وەرگر نییە.',
  },
  noReferralReceivers: {
    en: 'No one at this organisation receives referrals on the platform yet; refer by phone.',
    ar: 'لا أحد في هذه المنظمة يستقبل الإحالات على المنصة بعد؛ أحِل الحالة عبر الهاتف.',
    ckb: 'هێشتا کەس لەم ڕێکخراوەدا ڕەوانەکردن لەسەر پلاتفۆرمەکە وەرناگرێت؛ بە تەلەفۆن ڕەوانەی بکە.',
  },
  titleIdempotencyKeyReused: { en: 'Idempotency-Key reused', ar: 'مفتاح Idempotency-Key مستخدم من قبل', ckb: 'Idempotency-Key پێشتر بەکارهاتووە' },
  titleNoReferralReceivers: { en: 'No one receives referrals here', ar: 'لا أحد يستقبل الإحالات هنا', ckb: 'کەس لێرە ڕەوانەکردن وەرناگرێت' },
  idempotencyKeyReused: {
    en: 'This Idempotency-Key was already used for a different referral; use a new key for a new referral.',
    ar: 'استُخدم مفتاح Idempotency-Key هذا لإحالة أخرى؛ استخدم مفتاحًا جديدًا لكل إحالة جديدة.',
    ckb: 'ئەم Idempotency-Key ـە پێشتر بۆ ڕەوانەکردنێکی تر بەکارهاتووە؛ بۆ هەر ڕەوانەکردنێکی نوێ کلیلێکی نوێ بەکاربهێنە.',
  },
  transferredReadOnly: {
    en: 'This case was transferred to the receiving organisation, which is now responsible for it; your organisation keeps its history to read only.',
    ar: 'نُقلت هذه الحالة إلى المنظمة المستقبِلة وأصبحت مسؤولة عنها؛ تحتفظ منظمتك بسجلّها للاطّلاع فقط.',
    ckb: 'ئەم کەیسە گوازراوەتەوە بۆ ڕێکخراوی وەرگر کە ئێستا بەرپرسیارە لێی؛ ڕێکخراوەکەت تەنها بۆ خوێندنەوە مێژووەکەی دەپارێزێت.',
  },
  onlySenderEditsDraft: { en: 'Only the sending organisation edits its drafts.', ar: 'لا يعدّل المسودة إلا المنظمة المرسِلة.', ckb: 'تەنها ڕێکخراوی نێرەر ڕەشنووسەکانی خۆی دەستکاری دەکات.' },
  onlyDraftsEditable: { en: 'Only drafts can be edited; this referral has been sent.', ar: 'لا يمكن تعديل إلا المسودات، وقد أُرسلت هذه الإحالة.', ckb: 'تەنها ڕەشنووس دەستکاری دەکرێت؛ ئەم ڕەوانەکردنە نێردراوە.' },
  draftChanged: { en: 'The draft has changed since you loaded it; reload it.', ar: 'تغيّرت المسودة منذ أن فتحتها؛ أعد تحميلها.', ckb: 'ڕەشنووسەکە لەو کاتەوەی کردتەوە گۆڕاوە؛ دووبارە باری بکەرەوە.' },
  identificationBySides: {
    en: 'Only caseworkers of the sending or receiving organisation record identification.',
    ar: 'لا يسجّل التعرّف إلا مسؤولو الحالات في المنظمة المرسِلة أو المستقبِلة.',
    ckb: 'تەنها کارمەندانی کەیسی ڕێکخراوی نێرەر یان وەرگر ناساندن تۆمار دەکەن.',
  },
  screeningBySender: {
    en: 'Only the sending organisation records a screening as a presumed victim; record the authority’s decision instead.',
    ar: 'لا يسجّل الفرز كضحية مفترضة إلا المنظمة المرسِلة؛ سجّل قرار الجهة المختصة بدلًا من ذلك.',
    ckb: 'تەنها ڕێکخراوی نێرەر پشکنین وەک قوربانیی گریمانەکراو تۆمار دەکات؛ لە جیاتی ئەوە بڕیاری دەسەڵاتەکە تۆمار بکە.',
  },
  childSafeguardsMissing: {
    en: 'A child’s referral needs the guardian or responsible adult and a best-interests note before it is accepted or sent without consent.',
    ar: 'تحتاج إحالة الطفل إلى وليّ الأمر أو البالغ المسؤول وملاحظة عن المصلحة الفضلى قبل قبولها أو إرسالها دون موافقة.',
    ckb: 'ڕەوانەکردنی منداڵ پێویستی بە سەرپەرشتیار یان کەسی گەورەی بەرپرسیار و تێبینیی باشترین بەرژەوەندییە پێش وەرگرتن یان ناردنی بەبێ ڕەزامەندی.',
  },
  titleChildSafeguardsMissing: { en: 'Child safeguards missing', ar: 'ضمانات الطفل ناقصة', ckb: 'پاراستنەکانی منداڵ تەواو نین' },
  referralNotValid: { en: 'The referral is not valid.', ar: 'الإحالة غير صالحة: راجع الحقول المذكورة.', ckb: 'ڕەوانەکردنەکە دروست نییە: خانە ئاماژەپێکراوەکان بپشکنە.' },
  moveTakesNoReason: { en: 'Becoming {to} takes no reason.', ar: 'هذا الإجراء لا يحتاج إلى سبب.', ckb: 'ئەم هەنگاوە هۆکاری ناوێت.' },
  notExpected: { en: 'not expected', ar: 'غير مطلوب هنا', ckb: 'لێرە پێویست نییە' },
  moveNeedsReason: { en: 'Becoming {to} needs a reason.', ar: 'هذا الإجراء يحتاج إلى سبب.', ckb: 'ئەم هەنگاوە هۆکارێکی پێویستە.' },
  reasonNeedsNote: { en: 'The reason "{reason}" needs a note.', ar: 'هذا السبب يحتاج إلى ملاحظة.', ckb: 'ئەم هۆکارە تێبینییەکی پێویستە.' },
  referralChanged: { en: 'The referral has changed since you loaded it; reload it.', ar: 'تغيّرت الإحالة منذ أن فتحتها؛ أعد تحميلها.', ckb: 'ڕەوانەکردنەکە لەو کاتەوەی کردتەوە گۆڕاوە؛ دووبارە باری بکەرەوە.' },
  moveNotFromStatus: {
    en: 'A referral that is {status} cannot become {to}.',
    ar: 'لا يمكن نقل الإحالة إلى هذه الحالة من حالتها الحالية.',
    ckb: 'ڕەوانەکردنەکە لە دۆخی ئێستایەوە ناگاتە ئەم دۆخە.',
  },
  moveNotYourSide: {
    en: 'Only the {side} organisation can make this referral {to}.',
    ar: 'منظمتك لا تستطيع القيام بهذا الإجراء على هذه الإحالة.',
    ckb: 'ڕێکخراوەکەت ناتوانێت ئەم هەنگاوە بۆ ئەم ڕەوانەکردنە بنێت.',
  },
  referralChangedFirst: {
    en: 'Someone else changed this referral first; reload it to see its current state.',
    ar: 'غيّر شخص آخر هذه الإحالة قبلك؛ أعد تحميلها لترى حالتها الحالية.',
    ckb: 'کەسێکی تر پێش تۆ ئەم ڕەوانەکردنەی گۆڕی؛ دووبارە باری بکەرەوە بۆ بینینی دۆخی ئێستای.',
  },
  reflectionByReceiver: {
    en: 'Only the receiving organisation starts the reflection period.',
    ar: 'لا يبدأ فترة التعافي والتفكير إلا المنظمة المستقبِلة.',
    ckb: 'تەنها ڕێکخراوی وەرگر ماوەی چاکبوونەوە و بیرکردنەوە دەست پێ دەکات.',
  },
  reflectionOnlyAccepted: {
    en: 'A reflection period starts only on an accepted referral.',
    ar: 'لا تبدأ فترة التعافي والتفكير إلا لإحالة مقبولة.',
    ckb: 'ماوەی چاکبوونەوە و بیرکردنەوە تەنها بۆ ڕەوانەکردنێکی پەسەندکراو دەست پێ دەکات.',
  },
  reflectionAlreadyStarted: {
    en: 'The reflection period of this referral has already started.',
    ar: 'بدأت فترة التعافي والتفكير لهذه الإحالة من قبل.',
    ckb: 'ماوەی چاکبوونەوە و بیرکردنەوەی ئەم ڕەوانەکردنە پێشتر دەستی پێکردووە.',
  },
  onlyAdminsListAll: { en: 'Only platform administrators list all referrals.', ar: 'لا يعرض جميع الإحالات إلا مديرو المنصة.', ckb: 'تەنها بەڕێوەبەرانی پلاتفۆرم هەموو ڕەوانەکردنەکان دەبینن.' },
  caseTextMembersOnly: { en: 'Case text is readable only by the two organisations.', ar: 'لا يقرأ نص الحالة إلا المنظمتان المعنيتان.', ckb: 'دەقی کەیس تەنها بۆ هەردوو ڕێکخراوەکە دەخوێندرێتەوە.' },
  caseTextErased: {
    en: 'The text of this referral has been erased under the retention policy.',
    ar: 'مُحي نص هذه الإحالة وفق سياسة الاحتفاظ بالبيانات.',
    ckb: 'دەقی ئەم ڕەوانەکردنە بەپێی سیاسەتی هەڵگرتنی زانیاری سڕاوەتەوە.',
  },
  ownStatsOnly: { en: 'You see the statistics of your own organisation only.', ar: 'ترى إحصاءات منظمتك فقط.', ckb: 'تەنها ئامارەکانی ڕێکخراوەکەی خۆت دەبینیت.' },

  // Problem titles (by status) and the standard details of the API's problems (RFC 9457).
  title400: { en: 'Bad Request', ar: 'طلب غير صالح', ckb: 'داواکاریی نادروست' },
  titleValidation: { en: 'Invalid request', ar: 'طلب غير صالح', ckb: 'داواکاریی نادروست' },
  title401: { en: 'Unauthorized', ar: 'يلزم تسجيل الدخول', ckb: 'پێویستە بچیتە ژوورەوە' },
  title403: { en: 'Forbidden', ar: 'غير مسموح', ckb: 'ڕێگەپێنەدراوە' },
  title404: { en: 'Not Found', ar: 'غير موجود', ckb: 'نەدۆزرایەوە' },
  title405: { en: 'Method Not Allowed', ar: 'الطريقة غير مسموح بها', ckb: 'ئەم شێوازە ڕێگەپێنەدراوە' },
  title406: { en: 'Not Acceptable', ar: 'الصيغة المطلوبة غير متاحة', ckb: 'شێوازی داواکراو بەردەست نییە' },
  title409: { en: 'Conflict', ar: 'تعارض', ckb: 'ناکۆکی' },
  title412: { en: 'Precondition Failed', ar: 'تغيّر السجل', ckb: 'تۆمارەکە گۆڕاوە' },
  title413: { en: 'Content Too Large', ar: 'المحتوى كبير جدًا', ckb: 'ناوەڕۆکەکە زۆر گەورەیە' },
  title415: { en: 'Unsupported Media Type', ar: 'نوع المحتوى غير مدعوم', ckb: 'جۆری ناوەڕۆکەکە پشتگیری ناکرێت' },
  title422: { en: 'Unprocessable Content', ar: 'تعذّرت معالجة الطلب', ckb: 'داواکارییەکە جێبەجێ ناکرێت' },
  title428: { en: 'Precondition Required', ar: 'يلزم ذكر النسخة', ckb: 'پێویستە وەشانەکە دیاری بکرێت' },
  title429: { en: 'Too Many Requests', ar: 'طلبات كثيرة جدًا', ckb: 'داواکاری زۆرە' },
  title500: { en: 'Internal Server Error', ar: 'خطأ في الخادم', ckb: 'هەڵەی ڕاژەکار' },
  title503: { en: 'Service Unavailable', ar: 'الخدمة غير متاحة حاليًا', ckb: 'خزمەتگوزارییەکە ئێستا بەردەست نییە' },
  requestInvalid: { en: 'The request is not valid.', ar: 'الطلب غير صالح.', ckb: 'داواکارییەکە دروست نییە.' },
  requestPartInvalid: {
    en: 'The request {source} is not valid.',
    ar: 'الطلب غير صالح: راجع الحقول المذكورة.',
    ckb: 'داواکارییەکە دروست نییە: خانە ئاماژەپێکراوەکان بپشکنە.',
  },
  unsafeKeys: { en: 'Keys that contain "$" or "." are not allowed.', ar: 'المفاتيح التي تحتوي على "$" أو "." غير مسموح بها.', ckb: 'ئەو کلیلانەی "$" یان "." یان تێدایە ڕێگەپێنەدراون.' },
  unsafeKey: { en: 'not an allowed key', ar: 'مفتاح غير مسموح به', ckb: 'کلیلێکی ڕێگەپێنەدراوە' },
  bodyNotJson: { en: 'The request body is not valid JSON.', ar: 'محتوى الطلب ليس JSON صالحًا.', ckb: 'ناوەڕۆکی داواکارییەکە JSON ـی دروست نییە.' },
  bodyTooLarge: { en: 'The request body is too large.', ar: 'محتوى الطلب كبير جدًا.', ckb: 'ناوەڕۆکی داواکارییەکە زۆر گەورەیە.' },
  bodyEncoding: { en: 'The request body encoding is not supported.', ar: 'ترميز محتوى الطلب غير مدعوم.', ckb: 'کۆدکردنی ناوەڕۆکی داواکارییەکە پشتگیری ناکرێت.' },
  signIn: { en: 'Sign in to do this.', ar: 'سجّل الدخول للقيام بذلك.', ckb: 'بۆ ئەم کارە بچۆ ژوورەوە.' },
  notAllowed: { en: 'Your account is not allowed to do this.', ar: 'حسابك لا يملك صلاحية القيام بذلك.', ckb: 'هەژمارەکەت ڕێگەی ئەم کارەی نییە.' },
  noSuch: { en: 'No such {what}.', ar: 'لم يُعثر على ما طلبته.', ckb: 'ئەوەی داوات کرد نەدۆزرایەوە.' },
  noSuchRoute: { en: 'There is no {method} {path} in this API.', ar: 'لا يوجد {method} {path} في واجهة البرمجة هذه.', ckb: '{method} {path} لەم API-یەدا نییە.' },
  methodNotAllowed: { en: '{path} does not answer {method}; it answers {allow}.', ar: 'لا يستجيب {path} للطريقة {method}؛ الطرق المتاحة: {allow}.', ckb: '{path} وەڵامی {method} ناداتەوە؛ ئەمانە وەڵام دەداتەوە: {allow}.' },
  duplicateKey: { en: 'A record with the same unique key already exists.', ar: 'يوجد سجل آخر بالمفتاح الفريد نفسه.', ckb: 'تۆمارێکی تر بە هەمان کلیلی تاک هەیە.' },
  staleVersion: {
    en: 'The {what} has changed since you read it; reload it and apply your change again.',
    ar: 'تغيّر السجل منذ أن قرأته؛ أعد تحميله ثم طبّق تغييرك مرة أخرى.',
    ckb: 'تۆمارەکە لەو کاتەوەی خوێندتەوە گۆڕاوە؛ دووبارە باری بکەرەوە و گۆڕانکارییەکەت دووبارە بکەوە.',
  },
  ifMatchMalformed: {
    en: 'If-Match must be the ETag of the record as last read, e.g. "3.Tq0dXk2wB7aQ".',
    ar: 'يجب أن يكون If-Match هو ETag السجل كما قُرئ آخر مرة، مثل "3.Tq0dXk2wB7aQ".',
    ckb: 'If-Match دەبێت ETag ـی تۆمارەکە بێت وەک دوایین جار خوێنرایەوە، بۆ نموونە "3.Tq0dXk2wB7aQ".',
  },
  ifMatchRequired: {
    en: 'Send If-Match with the ETag of the record you edited, so a newer edit is not overwritten.',
    ar: 'أرسل If-Match مع ETag السجل الذي عدّلته، حتى لا يُكتب فوق تعديل أحدث.',
    ckb: 'If-Match لەگەڵ ETag ـی ئەو تۆمارەی دەستکاریت کرد بنێرە، بۆ ئەوەی دەستکارییەکی نوێتر نەسڕدرێتەوە.',
  },
  tooManyRequests: {
    en: 'Too many {what} from this client: {limit} per {window} s. Try again in {reset} s.',
    ar: 'طلبات كثيرة جدًا من هذا الجهاز: الحد {limit} كل {window} ثانية. حاول مرة أخرى بعد {reset} ثانية.',
    ckb: 'داواکاری زۆر لەم ئامێرەوە: سنوورەکە {limit} دانەیە بۆ هەر {window} چرکە. دوای {reset} چرکە دووبارە هەوڵ بدەرەوە.',
  },
  serverBusy: {
    en: 'The server is busy with other {what}. Try again in a few seconds.',
    ar: 'الخادم مشغول بطلبات أخرى. حاول مرة أخرى بعد ثوانٍ.',
    ckb: 'ڕاژەکار سەرقاڵی داواکاریی ترە. چەند چرکەیەکی تر دووبارە هەوڵ بدەرەوە.',
  },
  databaseUnreachable: {
    en: 'The database is not reachable; try again shortly.',
    ar: 'تعذّر الوصول إلى قاعدة البيانات؛ حاول مرة أخرى بعد قليل.',
    ckb: 'بنکەی زانیارییەکان بەردەست نییە؛ کەمێکی تر دووبارە هەوڵ بدەرەوە.',
  },
  restarting: {
    en: 'The service is restarting; try again in a moment.',
    ar: 'تُعاد تشغيل الخدمة الآن؛ حاول مرة أخرى بعد لحظات.',
    ckb: 'خزمەتگوزارییەکە دەستپێدەکاتەوە؛ کەمێکی تر دووبارە هەوڵ بدەرەوە.',
  },
  internalError: { en: 'Something went wrong on our side. It has been logged.', ar: 'حدث خطأ من جهتنا، وقد سُجّل.', ckb: 'هەڵەیەک لای ئێمە ڕوویدا و تۆمار کرا.' },

  // Details and field messages of the workspace's refusals (records, agreements, members).
  recordNotValid: { en: 'The {what} is not valid.', ar: 'البيانات غير صالحة: راجع الحقول المذكورة.', ckb: 'زانیارییەکان دروست نین: خانە ئاماژەپێکراوەکان بپشکنە.' },
  nothingSent: { en: 'Send at least one field of the {what} to change.', ar: 'أرسل حقلًا واحدًا على الأقل لتغييره.', ckb: 'لانیکەم یەک خانە بۆ گۆڕین بنێرە.' },
  nothingToReject: { en: 'The {what} has no change waiting for verification.', ar: 'لا يوجد تغيير على هذا السجل بانتظار التحقق.', ckb: 'هیچ گۆڕانکارییەک لەم تۆمارەدا چاوەڕێی پشتڕاستکردنەوە نییە.' },
  rejectNewRecord: { en: 'The {what} was never verified, so there are no earlier values to put back; archive it instead.', ar: 'لم يجرِ التحقق من هذا السجل قط، فلا توجد قيم سابقة لإعادتها؛ أرشفه بدلًا من ذلك.', ckb: 'ئەم تۆمارە هەرگیز پشتڕاست نەکراوەتەوە، بۆیە هیچ بەهایەکی پێشوو نییە بۆ گەڕاندنەوە؛ لە جیاتی ئەوە ئەرشیفی بکە.' },
  previousValueUnrecorded: { en: 'The verified values of these fields are not on record, so they cannot be put back: {fields}.', ar: 'القيم التي جرى التحقق منها لهذه الحقول غير محفوظة، فلا يمكن إعادتها: {fields}.', ckb: 'بەها پشتڕاستکراوەکانی ئەم خانانە تۆمار نەکراون، بۆیە ناگەڕێنرێنەوە: {fields}.' },
  archivedRestoreFirst: { en: 'The {what} is archived; restore it first.', ar: 'هذا السجل مؤرشف؛ استعِده أولًا.', ckb: 'ئەم تۆمارە ئەرشیف کراوە؛ سەرەتا بیگەڕێنەوە.' },
  governorateHasLegalFrame: {
    en: 'One legal frame per governorate: {governorates} already under "{frame}". Take them out of that frame first.',
    ar: 'إطار قانوني واحد لكل محافظة: {governorates} تابعة أصلًا لإطار «{frame}». أخرجها منه أولًا.',
    ckb: 'بۆ هەر پارێزگایەک یەک چوارچێوەی یاسایی: {governorates} پێشتر لە چوارچێوەی «{frame}» دان. سەرەتا لەوێ دەریان بهێنە.',
  },
  noSuchOrganisation: { en: 'no such organisation', ar: 'المنظمة غير موجودة', ckb: 'ئەم ڕێکخراوە نییە' },
  notCategory: { en: '"{code}" is not a category', ar: '«{code}» ليست فئة', ckb: '«{code}» پۆل نییە' },
  liveLocationsOfOrganisation: {
    en: 'every location must be a live location of the same organisation',
    ar: 'يجب أن تكون كل المواقع مواقع فعّالة للمنظمة نفسها',
    ckb: 'هەموو شوێنەکان دەبێت شوێنی چالاکی هەمان ڕێکخراو بن',
  },
  governoratesOrLocation: { en: 'give the governorates served, or a location', ar: 'حدّد المحافظات المخدومة أو موقعًا', ckb: 'ئەو پارێزگایانەی خزمەتیان پێدەگات یان شوێنێک دیاری بکە' },
  ageMinAboveMax: { en: 'must not be above ageMax', ar: 'يجب ألا يزيد على الحد الأعلى للعمر', ckb: 'نابێت لە بەرزترین تەمەن زیاتر بێت' },
  latLngTogether: { en: 'give both lat and lng, or neither', ar: 'أدخل خط العرض وخط الطول معًا، أو اتركهما فارغين', ckb: 'هێڵی پانی و درێژی پێکەوە بنووسە، یان هەردووکیان بەتاڵ بهێڵەوە' },
  pointOutsideIraq: {
    en: 'This point is outside Iraq: place it where the location really is.',
    ar: 'هذه النقطة خارج العراق: ضعها في مكان الموقع الفعلي.',
    ckb: 'ئەم خاڵە لە دەرەوەی عێراقە: لە شوێنی ڕاستەقینەی شوێنەکە دایبنێ.',
  },
  pointOutsideGovernorate: {
    en: 'This point is outside {governorate}, the governorate of the address: move the point or change the governorate.',
    ar: 'هذه النقطة خارج محافظة {governorate} المختارة في العنوان: انقل النقطة أو غيّر المحافظة.',
    ckb: 'ئەم خاڵە دەکەوێتە دەرەوەی پارێزگای {governorate}، کە لە ناونیشانەکەدا هەڵبژێردراوە: خاڵەکە بگوازەرەوە یان پارێزگاکە بگۆڕە.',
  },
  notServiceOfOrganisation: { en: 'not a live service of this organisation', ar: 'ليست خدمة فعّالة لهذه المنظمة', ckb: 'خزمەتگوزارییەکی چالاکی ئەم ڕێکخراوە نییە' },
  nameTypeByPlatformAdmin: {
    en: 'Only a platform administrator changes an organisation’s name or type. Ask the platform administrators to make the change.',
    ar: 'لا يغيّر اسم المنظمة أو نوعها إلا مسؤول المنصة. اطلب من مسؤولي المنصة إجراء التغيير.',
    ckb: 'تەنها بەڕێوەبەری پلاتفۆرم ناو یان جۆری ڕێکخراو دەگۆڕێت. داوا لە بەڕێوەبەرانی پلاتفۆرم بکە گۆڕانکارییەکە بکەن.',
  },
  byPlatformAdminOnly: { en: 'changed only by a platform administrator', ar: 'لا يغيّره إلا مسؤول المنصة', ckb: 'تەنها بەڕێوەبەری پلاتفۆرم دەیگۆڕێت' },
  headOfficeOwnLocation: {
    en: 'The head office must be one of the organisation’s own locations.',
    ar: 'يجب أن يكون المقر الرئيسي أحد مواقع المنظمة نفسها.',
    ckb: 'نووسینگەی سەرەکی دەبێت یەکێک لە شوێنەکانی خودی ڕێکخراوەکە بێت.',
  },
  notOwnLocation: { en: 'not a location of this organisation', ar: 'ليس من مواقع هذه المنظمة', ckb: 'شوێنی ئەم ڕێکخراوە نییە' },
  organisationNotInDirectory: { en: 'No such organisation in the directory.', ar: 'هذه المنظمة غير موجودة في الدليل.', ckb: 'ئەم ڕێکخراوە لە ڕێبەرەکەدا نییە.' },
  nameProposer: { en: 'Name the proposing organisation.', ar: 'حدّد المنظمة التي تقترح الاتفاقية.', ckb: 'ئەو ڕێکخراوەی ڕێککەوتنەکە پێشنیار دەکات دیاری بکە.' },
  agreementTwoParties: { en: 'An agreement is between two organisations.', ar: 'الاتفاقية تكون بين منظمتين.', ckb: 'ڕێککەوتن لە نێوان دوو ڕێکخراودایە.' },
  isProposer: { en: 'is the proposer', ar: 'هي المنظمة المقترِحة نفسها', ckb: 'هەمان ڕێکخراوی پێشنیارکەرە' },
  agreementCannotMove: {
    en: 'An agreement that is {from} cannot become {to}.',
    ar: 'لا يمكن نقل الاتفاقية من حالتها الحالية إلى الحالة المطلوبة.',
    ckb: 'ڕێککەوتنەکە ناتوانێت لە دۆخی ئێستایەوە بچێتە ئەو دۆخەی داواکراوە.',
  },
  agreementNotYourMove: {
    en: 'Only an administrator of the {by} organisation can do this.',
    ar: 'لا يقوم بهذه الخطوة إلا مسؤول في المنظمة المعنية بها.',
    ckb: 'تەنها بەڕێوەبەری ئەو ڕێکخراوەی ئەم هەنگاوەی پێ سپێردراوە دەتوانێت ئەمە بکات.',
  },
  agreementChanged: { en: 'Someone else changed this agreement first; reload it.', ar: 'غيّر شخص آخر هذه الاتفاقية قبلك؛ أعد تحميلها.', ckb: 'کەسێکی تر پێش تۆ ئەم ڕێککەوتنەی گۆڕی؛ دووبارە باری بکەرەوە.' },
  emailTaken: { en: 'An account with this email address already exists.', ar: 'يوجد حساب بهذا البريد الإلكتروني بالفعل.', ckb: 'هەژمارێک بەم ئیمەیڵە پێشتر هەیە.' },
  notSelfRole: {
    en: 'You cannot change the role of your own account; ask another administrator.',
    ar: 'لا يمكنك تغيير دور حسابك بنفسك؛ اطلب ذلك من مسؤول آخر.',
    ckb: 'ناتوانیت ڕۆڵی هەژمارەکەی خۆت بگۆڕیت؛ داوا لە بەڕێوەبەرێکی تر بکە.',
  },
  notSelfRemove: {
    en: 'You cannot remove your own account; ask another administrator.',
    ar: 'لا يمكنك إزالة حسابك بنفسك؛ اطلب ذلك من مسؤول آخر.',
    ckb: 'ناتوانیت هەژمارەکەی خۆت لاببەیت؛ داوا لە بەڕێوەبەرێکی تر بکە.',
  },
  memberChanged: {
    en: 'The member was changed at the same time; reload and try again.',
    ar: 'تغيّر هذا العضو في الوقت نفسه؛ أعد التحميل وحاول مرة أخرى.',
    ckb: 'ئەم ئەندامە لە هەمان کاتدا گۆڕدرا؛ دووبارە باری بکەرەوە و هەوڵ بدەرەوە.',
  },
  // Refusals of accounts, sign-in, activities, the taxonomy, coverage and the HSDS import.
  titleError: { en: 'Error', ar: 'خطأ', ckb: 'هەڵە' },
  titleCsrf: { en: 'CSRF token missing or invalid', ar: 'رمز الحماية CSRF مفقود أو غير صالح', ckb: 'نیشانەی پاراستنی CSRF نییە یان دروست نییە' },
  csrfRejected: {
    en: 'The X-CSRF-Token header is missing or does not match; get one from GET /api/v1/auth/csrf.',
    ar: 'ترويسة X-CSRF-Token مفقودة أو غير مطابقة؛ احصل عليها من GET /api/v1/auth/csrf.',
    ckb: 'سەرپەڕەی X-CSRF-Token نییە یان ناگونجێت؛ لە GET /api/v1/auth/csrf وەریبگرە.',
  },
  wrongCredentials: { en: 'The email address or the password is wrong.', ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.', ckb: 'ئیمەیڵ یان وشەی نهێنی هەڵەیە.' },
  signInBurst: {
    en: 'Too many sign-in attempts at once. Wait a moment before trying again.',
    ar: 'محاولات تسجيل دخول كثيرة في وقت واحد. انتظر قليلًا ثم حاول مرة أخرى.',
    ckb: 'هەوڵی چوونەژوورەوەی زۆر لە یەک کاتدا. کەمێک چاوەڕێ بکە و دووبارە هەوڵ بدەرەوە.',
  },
  signInNetworkThrottled: {
    en: 'Too many failed sign-ins from this network. Try again later.',
    ar: 'محاولات تسجيل دخول فاشلة كثيرة من هذه الشبكة. حاول مرة أخرى لاحقًا.',
    ckb: 'هەوڵی چوونەژوورەوەی سەرنەکەوتووی زۆر لەم تۆڕەوە. دواتر هەوڵ بدەرەوە.',
  },
  signInAccountThrottled: {
    en: 'Too many failed sign-ins. Wait a moment before trying again.',
    ar: 'محاولات تسجيل دخول فاشلة كثيرة. انتظر قليلًا ثم حاول مرة أخرى.',
    ckb: 'هەوڵی چوونەژوورەوەی سەرنەکەوتووی زۆر. کەمێک چاوەڕێ بکە و دووبارە هەوڵ بدەرەوە.',
  },
  passwordNotAcceptable: { en: 'The new password is not acceptable.', ar: 'كلمة المرور الجديدة غير مقبولة.', ckb: 'وشە نهێنییە نوێیەکە پەسەند نییە.' },
  passwordTooShort: { en: 'Use at least {min} characters.', ar: 'استخدم {min} أحرف على الأقل.', ckb: 'لانیکەم {min} پیت بەکاربهێنە.' },
  passwordTooLong: { en: 'Use at most {max} characters.', ar: 'استخدم {max} حرفًا على الأكثر.', ckb: 'زۆرترین {max} پیت بەکاربهێنە.' },
  passwordFewCharacters: { en: 'Use more different characters.', ar: 'استخدم أحرفًا مختلفة أكثر.', ckb: 'پیتی جیاوازتر بەکاربهێنە.' },
  passwordTooCommon: {
    en: 'This password is too common; choose a longer phrase of unrelated words.',
    ar: 'كلمة المرور هذه شائعة جدًا؛ اختر عبارة أطول من كلمات غير مترابطة.',
    ckb: 'ئەم وشە نهێنییە زۆر باوە؛ ڕستەیەکی درێژتر لە وشەی پەیوەندی‌نەدار هەڵبژێرە.',
  },
  passwordPersonal: {
    en: 'Do not use your name or email address in the password.',
    ar: 'لا تستخدم اسمك أو بريدك الإلكتروني في كلمة المرور.',
    ckb: 'ناو یان ئیمەیڵەکەت لە وشەی نهێنیدا بەکارمەهێنە.',
  },
  currentPasswordWrong: { en: 'The current password is wrong.', ar: 'كلمة المرور الحالية غير صحيحة.', ckb: 'وشە نهێنییە ئێستاییەکە هەڵەیە.' },
  doesNotMatch: { en: 'Does not match.', ar: 'غير مطابق.', ckb: 'ناگونجێت.' },
  resetLinkInvalid: {
    en: 'This reset link is not valid any more; ask for a new one.',
    ar: 'رابط إعادة التعيين هذا لم يعد صالحًا؛ اطلب رابطًا جديدًا.',
    ckb: 'ئەم بەستەرەی ڕێکخستنەوە چیتر کار ناکات؛ داوای بەستەرێکی نوێ بکە.',
  },
  invitationLinkInvalid: {
    en: 'This invitation link is not valid any more; ask for a new invitation.',
    ar: 'رابط الدعوة هذا لم يعد صالحًا؛ اطلب دعوة جديدة.',
    ckb: 'ئەم بەستەرەی بانگهێشتە چیتر کار ناکات؛ داوای بانگهێشتێکی نوێ بکە.',
  },
  linkUsedOrExpired: { en: 'Not valid, already used or expired.', ar: 'غير صالح أو مستخدم أو منتهي الصلاحية.', ckb: 'دروست نییە، بەکارهاتووە یان بەسەرچووە.' },
  claimNeedsEmail: {
    en: 'The record has no e-mail address to send the claim to; add one first.',
    ar: 'لا يحتوي السجل على بريد إلكتروني لإرسال دعوة المطالبة إليه؛ أضف بريدًا أولًا.',
    ckb: 'تۆمارەکە ئیمەیڵی نییە بۆ ناردنی بانگهێشتی داواکردن؛ سەرەتا ئیمەیڵێک زیاد بکە.',
  },
  organisationAlreadyOnPlatform: {
    en: 'Someone at this organisation is already on the platform; they invite their colleagues.',
    ar: 'يوجد شخص من هذه المنظمة على المنصة بالفعل؛ وهو من يدعو زملاءه.',
    ckb: 'کەسێک لەم ڕێکخراوە پێشتر لەسەر پلاتفۆرمەکەیە؛ ئەو هاوکارەکانی بانگهێشت دەکات.',
  },
  platformAdminNoOrganisation: {
    en: 'Platform admins do not belong to an organisation.',
    ar: 'مسؤولو المنصة لا ينتمون إلى منظمة.',
    ckb: 'بەڕێوەبەرانی پلاتفۆرم سەر بە هیچ ڕێکخراوێک نین.',
  },
  notForOrganisationMember: { en: 'Not allowed for a member of an organisation.', ar: 'غير مسموح لعضو في منظمة.', ckb: 'بۆ ئەندامی ڕێکخراو ڕێگەپێدراو نییە.' },
  roleNeedsOrganisation: { en: 'This role needs an organisation.', ar: 'هذا الدور يحتاج إلى منظمة.', ckb: 'ئەم ڕۆڵە پێویستی بە ڕێکخراوێکە.' },
  liaisonNeedsGovernment: {
    en: 'Government liaisons must belong to a government body.',
    ar: 'يجب أن ينتمي منسقو الحكومة إلى جهة حكومية.',
    ckb: 'هەماهەنگکارانی حکومەت دەبێت سەر بە دەزگایەکی حکومی بن.',
  },
  needsGovernmentType: {
    en: 'Needs an organisation of type {types}.',
    ar: 'يحتاج إلى منظمة من نوع: {types}.',
    ckb: 'پێویستی بە ڕێکخراوێکی جۆری {types} هەیە.',
  },
  auditLogOwnOrganisation: {
    en: 'You can read the audit log of your own organisation only.',
    ar: 'يمكنك قراءة سجل التدقيق لمنظمتك فقط.',
    ckb: 'تەنها دەتوانیت تۆماری چاودێریی ڕێکخراوەکەی خۆت بخوێنیتەوە.',
  },
  activityNeedsOrganisation: { en: 'Say which organisation ran the activity.', ar: 'حدّد المنظمة التي نفّذت النشاط.', ckb: 'دیاری بکە کام ڕێکخراو چالاکییەکەی ئەنجام دا.' },
  activityEndsBeforeStart: { en: 'The activity cannot end before it starts.', ar: 'لا يمكن أن ينتهي النشاط قبل أن يبدأ.', ckb: 'چالاکییەکە ناتوانێت پێش دەستپێکردنی کۆتایی بێت.' },
  activityArchived: {
    en: 'The activity is archived and can no longer be changed.',
    ar: 'النشاط مؤرشف ولم يعد من الممكن تغييره.',
    ckb: 'چالاکییەکە ئەرشیف کراوە و چیتر ناگۆڕدرێت.',
  },
  someOrganisationsMissing: { en: 'Some organisations do not exist.', ar: 'بعض المنظمات غير موجودة.', ckb: 'هەندێک لە ڕێکخراوەکان بوونیان نییە.' },
  directoryLoading: {
    en: 'The directory is still loading after a restart; try again shortly.',
    ar: 'لا يزال الدليل قيد التحميل بعد إعادة التشغيل؛ حاول مرة أخرى بعد قليل.',
    ckb: 'ڕێبەرەکە هێشتا دوای دەستپێکردنەوە بار دەبێت؛ کەمێکی تر دووبارە هەوڵ بدەرەوە.',
  },
  archivedOneOrganisation: {
    en: 'Archived records are listed for one organisation at a time.',
    ar: 'تُعرض السجلات المؤرشفة لمنظمة واحدة في كل مرة.',
    ckb: 'تۆمارە ئەرشیفکراوەکان بۆ یەک ڕێکخراو لە هەر جارێکدا پیشان دەدرێن.',
  },
  exactlyOneOrganisation: {
    en: 'Give exactly one organisation with archived=include or only.',
    ar: 'حدّد منظمة واحدة بالضبط مع archived=include أو only.',
    ckb: 'ڕێک یەک ڕێکخراو دیاری بکە لەگەڵ archived=include یان only.',
  },
  verificationFilterAdmins: {
    en: 'Only platform admins filter services by verification.',
    ar: 'لا يصفّي الخدمات حسب التحقق إلا مسؤولو المنصة.',
    ckb: 'تەنها بەڕێوەبەرانی پلاتفۆرم خزمەتگوزارییەکان بەپێی پشتڕاستکردنەوە دەپاڵێون.',
  },
  parentNotGroup: {
    en: 'The parent must be an existing top-level group.',
    ar: 'يجب أن يكون الأصل مجموعة رئيسية موجودة.',
    ckb: 'سەرچاوەکە دەبێت گرووپێکی سەرەکیی هەبوو بێت.',
  },
  notGroup: { en: 'Not a group.', ar: 'ليست مجموعة.', ckb: 'گرووپ نییە.' },
  groupHasCategories: {
    en: 'A group with categories cannot be placed under another group.',
    ar: 'لا يمكن وضع مجموعة تضم فئات تحت مجموعة أخرى.',
    ckb: 'گرووپێک کە پۆلی تێدایە ناخرێتە ژێر گرووپێکی ترەوە.',
  },
  termHasCategories: { en: 'This term has categories.', ar: 'هذا البند يضم فئات.', ckb: 'ئەم بڕگەیە پۆلی تێدایە.' },
  unknownCategory: { en: 'Unknown category.', ar: 'فئة غير معروفة.', ckb: 'پۆلی نەناسراو.' },
  noCategoryOrGroup: { en: 'No category or group "{code}".', ar: 'لا توجد فئة أو مجموعة «{code}».', ckb: 'هیچ پۆل یان گرووپێکی «{code}» نییە.' },
  titleReferralTextUnreadable: {
    en: 'Referral text cannot be decrypted with the configured keys',
    ar: 'تعذّر فك تشفير نص الإحالة بالمفاتيح المضبوطة',
    ckb: 'دەقی ڕەوانەکردنەکە بە کلیلە ڕێکخراوەکان ناکرێتەوە',
  },
  referralTextUnreadable: {
    en: 'The text was sealed with key {keyId}, which is missing from REFERRAL_KEYS or does not open it; an administrator must restore the key.',
    ar: 'خُتم النص بالمفتاح {keyId} وهو غير موجود في REFERRAL_KEYS أو لا يفتحه؛ على المسؤول استعادة المفتاح.',
    ckb: 'دەقەکە بە کلیلی {keyId} مۆرکراوە، کە لە REFERRAL_KEYS دا نییە یان نایکاتەوە؛ بەڕێوەبەر دەبێت کلیلەکە بگەڕێنێتەوە.',
  },
  requestInterrupted: {
    en: 'The service is restarting and could not finish this request; try again in a moment.',
    ar: 'تُعاد تشغيل الخدمة ولم يكتمل هذا الطلب؛ حاول مرة أخرى بعد لحظات.',
    ckb: 'خزمەتگوزارییەکە دەستپێدەکاتەوە و ئەم داواکارییە تەواو نەبوو؛ کەمێکی تر دووبارە هەوڵ بدەرەوە.',
  },
  importContentType: {
    en: 'Send the file as the request body with Content-Type application/zip or text/csv.',
    ar: 'أرسل الملف في محتوى الطلب مع Content-Type بقيمة application/zip أو text/csv.',
    ckb: 'فایلەکە وەک ناوەڕۆکی داواکاری بنێرە لەگەڵ Content-Type ی application/zip یان text/csv.',
  },
  importNotCsv: { en: '{file} is not valid CSV: {error}', ar: 'الملف {file} ليس CSV صالحًا: {error}', ckb: '{file} CSV ی دروست نییە: {error}' },
  importTooLarge: { en: 'The archive unpacks to more than 200 MB.', ar: 'يتجاوز حجم الأرشيف بعد فكّه 200 ميغابايت.', ckb: 'ئەرشیفەکە دوای کردنەوە لە 200 MB زیاترە.' },
  importNotZip: { en: 'Not a readable zip archive: {error}', ar: 'ليس أرشيف zip قابلًا للقراءة: {error}', ckb: 'ئەرشیفێکی zip ی خوێندنەوەیی نییە: {error}' },
  importNotUtf8: { en: '{file} is not UTF-8 text.', ar: 'الملف {file} ليس نصًا بترميز UTF-8.', ckb: '{file} دەقی UTF-8 نییە.' },
  importWhichTable: {
    en: 'The CSV could be any of: {tables}; name the table.',
    ar: 'قد يكون ملف CSV أيًّا من: {tables}؛ حدّد الجدول.',
    ckb: 'CSV ەکە دەکرێت هەر یەک لەمانە بێت: {tables}؛ خشتەکە دیاری بکە.',
  },
  unknownGovernorate: {
    en: 'Unknown governorate "{value}": use an ISO 3166-2 code (IQ-BG) or a P-code (IQ21).',
    ar: 'محافظة غير معروفة «{value}»: استخدم رمز ISO 3166-2 ‏(IQ-BG) أو رمز P ‏(IQ21).',
    ckb: 'پارێزگای نەناسراو «{value}»: کۆدی ISO 3166-2 ‏(IQ-BG) یان P-code ‏(IQ21) بەکاربهێنە.',
  },
  nearFormat: { en: 'lat,lng in decimal degrees, e.g. 33.31,44.36.', ar: 'خط العرض وخط الطول بالدرجات العشرية، مثل 33.31,44.36.', ckb: 'پانی و درێژی بە پلەی دەیی، بۆ نموونە 33.31,44.36.' },
  eachCategoryOnce: { en: 'Choose each category once.', ar: 'اختر كل فئة مرة واحدة فقط.', ckb: 'هەر پۆلێک تەنها یەک جار هەڵبژێرە.' },
  needsNear: { en: 'Needs near=lat,lng.', ar: 'يحتاج إلى near=lat,lng.', ckb: 'پێویستی بە near=lat,lng هەیە.' },
  endAfterStart: { en: 'Must be after the start date.', ar: 'يجب أن يكون بعد تاريخ البدء.', ckb: 'دەبێت دوای بەرواری دەستپێکردن بێت.' },
  // What an import did to a row of plain HSDS 3.0 to bring it into the Iraq profile (see standards/hsds/plain-hsds.ts).
  importLanguageMapped: { en: 'Language "{value}" read as "{code}".', ar: 'قُرئ رمز اللغة «{value}» على أنه «{code}».', ckb: 'کۆدی زمانی «{value}» وەک «{code}» خوێندرایەوە.' },
  importLanguageLeftOut: {
    en: 'Language "{value}" is not one this directory lists: left out.',
    ar: 'اللغة «{value}» ليست من لغات هذا الدليل: تُركت.',
    ckb: 'زمانی «{value}» لە زمانەکانی ئەم ڕێبەرە نییە: وازی لێ هێنرا.',
  },
  importTypeDefaulted: {
    en: 'No organisation type: set to {value}; the organisation waits for verification by a platform admin.',
    ar: 'لا يوجد نوع للمنظمة: عُيّن {value}؛ تنتظر المنظمة التحقق من قبل مشرف المنصة.',
    ckb: 'جۆری ڕێکخراو نییە: {value} دانرا؛ ڕێکخراوەکە چاوەڕێی پشتڕاستکردنەوەی بەڕێوەبەری پلاتفۆرمە.',
  },
  importNoCoordinates: {
    en: 'Not a coordinate ({value}): the location is imported without a map point.',
    ar: 'ليست إحداثيات صالحة ({value}): استُورد الموقع بلا نقطة على الخريطة.',
    ckb: 'هاوپێوەرێکی دروست نییە ({value}): شوێنەکە بێ خاڵ لەسەر نەخشە هاوردە کرا.',
  },
  importSkipLocation: {
    en: 'A {value} location is not a place on the map: not imported.',
    ar: 'الموقع من نوع {value} ليس مكانًا على الخريطة: لم يُستورد.',
    ckb: 'شوێنی جۆری {value} شوێنێک نییە لەسەر نەخشە: هاوردە نەکرا.',
  },
  importSkipAddress: {
    en: 'A {value} address is not where the service is: not imported.',
    ar: 'العنوان من نوع {value} ليس مكان تقديم الخدمة: لم يُستورد.',
    ckb: 'ناونیشانی جۆری {value} شوێنی خزمەتگوزارییەکە نییە: هاوردە نەکرا.',
  },
  importSkipLanguage: {
    en: 'Language "{value}" is not one this directory lists: not imported.',
    ar: 'اللغة «{value}» ليست من لغات هذا الدليل: لم تُستورد.',
    ckb: 'زمانی «{value}» لە زمانەکانی ئەم ڕێبەرە نییە: هاوردە نەکرا.',
  },
  importSkipArea: {
    en: 'Names no governorate of Iraq: the service area is not imported.',
    ar: 'لا يذكر أي محافظة عراقية: لم تُستورد منطقة الخدمة.',
    ckb: 'هیچ پارێزگایەکی عێراق ناو نابات: ناوچەی خزمەتگوزاری هاوردە نەکرا.',
  },
  importSkipSchedule: {
    en: 'A {value} schedule: only weekly schedules are imported.',
    ar: 'جدول من نوع {value}: تُستورد الجداول الأسبوعية فقط.',
    ckb: 'خشتەی کاتی {value}: تەنها خشتەی هەفتانە هاوردە دەکرێت.',
  },
  importSkipAttribute: {
    en: 'An attribute of a "{value}": only categories of services are imported.',
    ar: 'سمة لـ«{value}»: تُستورد فئات الخدمات فقط.',
    ckb: 'تایبەتمەندیی «{value}»: تەنها پۆلەکانی خزمەتگوزاری هاوردە دەکرێن.',
  },
  importSkipPhone: {
    en: '{value} is not an Iraqi phone number: not imported.',
    ar: '{value} ليس رقم هاتف عراقيًا: لم يُستورد.',
    ckb: '{value} ژمارە تەلەفۆنی عێراقی نییە: هاوردە نەکرا.',
  },
  importSkipWithParent: {
    en: 'Its location {value} was not imported: neither is this row.',
    ar: 'لم يُستورد موقعه {value}: ولا هذا الصف.',
    ckb: 'شوێنەکەی {value} هاوردە نەکرا: ئەم ڕیزەش هاوردە نەکرا.',
  },
  importNoTable: { en: 'The CSV columns are not those of any HSDS table.', ar: 'أعمدة ملف CSV لا تطابق أي جدول من جداول HSDS.', ckb: 'ستوونەکانی CSV ەکە هی هیچ خشتەیەکی HSDS نین.' },
} satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;
/** A parameter is a value, or a name in each language (a governorate's) written in the message's language. */
export type MessageParams = Readonly<Record<string, string | number | Translated>>;

/** A message not yet written in a language: its key and the values it mentions. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export const isMessageKey = (text: string): text is MessageKey => Object.hasOwn(MESSAGES, text);

/** The message in `lang`, its `{name}` placeholders filled from its parameters. */
export function say(message: Message, lang: Language): string {
  const params = message.params ?? {};
  return MESSAGES[message.key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (typeof value !== 'object') return String(value ?? whole);
    return CONTENT_FALLBACK[lang].map((l) => value[l]).find(Boolean) ?? whole;
  });
}

/** The keys of every message, for tests that check each is written in every language. */
export const MESSAGE_KEYS = Object.keys(MESSAGES) as MessageKey[];
