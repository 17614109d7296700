import type { Translated } from '../../platform/text/translated.js';
import { bundledGovernorates } from '../governorates/governorate-data.js';

export interface BundledLegalFrame {
  code: string;
  name: Translated;
  citation: Translated;
  competentBodies: Translated[];
  governorates: string[];
  order: number;
}

/**
 * The two frames every installation starts with: public law, so not samples. Titles only, no article
 * numbers or links: a platform admin adds what they have checked. The Kurdistan Region's four
 * governorates are those the bundled governorates file marks; every other one is federal.
 */
export function bundledLegalFrames(): BundledLegalFrame[] {
  const governorates = bundledGovernorates();
  const codes = (kurdistanRegion: boolean) => governorates.filter((g) => g.kurdistanRegion === kurdistanRegion).map((g) => g.code);
  return [
    {
      code: 'federal',
      name: { en: 'Federal Iraq', ar: 'العراق الاتحادي', ckb: 'عێراقی فیدراڵ' },
      citation: {
        en: 'Law No. 28 of 2012 on Combating Trafficking in Persons',
        ar: 'قانون مكافحة الاتجار بالبشر رقم (28) لسنة 2012',
        ckb: 'یاسای ژمارە (٢٨)ی ساڵی ٢٠١٢ی بەرەنگاربوونەوەی بازرگانیکردن بە مرۆڤەوە',
      },
      competentBodies: [
        {
          en: 'Central Committee for Combating Human Trafficking (Ministry of Interior)',
          ar: 'اللجنة المركزية لمكافحة الاتجار بالبشر (وزارة الداخلية)',
          ckb: 'لیژنەی ناوەندیی بەرەنگاربوونەوەی بازرگانیکردن بە مرۆڤەوە (وەزارەتی ناوخۆ)',
        },
      ],
      governorates: codes(false),
      order: 0,
    },
    {
      code: 'kurdistan-region',
      name: { en: 'Kurdistan Region', ar: 'إقليم كوردستان', ckb: 'هەرێمی کوردستان' },
      citation: {
        en: 'Kurdistan Region Law No. 6 of 2018 on Combating Trafficking in Persons',
        ar: 'قانون إقليم كوردستان رقم (6) لسنة 2018 لمكافحة الاتجار بالبشر',
        ckb: 'یاسای ژمارە (٦)ی ساڵی ٢٠١٨ی هەرێمی کوردستان بۆ بەرەنگاربوونەوەی بازرگانیکردن بە مرۆڤەوە',
      },
      competentBodies: [
        {
          en: 'The Kurdistan Regional Government’s competent directorate and committee for combating human trafficking',
          ar: 'المديرية واللجنة المختصتان بمكافحة الاتجار بالبشر في حكومة إقليم كوردستان',
          ckb: 'بەڕێوەبەرایەتی و لیژنەی تایبەتمەندی حکومەتی هەرێمی کوردستان بۆ بەرەنگاربوونەوەی بازرگانیکردن بە مرۆڤەوە',
        },
      ],
      governorates: codes(true),
      order: 10,
    },
  ];
}
