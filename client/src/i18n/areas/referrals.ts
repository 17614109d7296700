import type { CatalogueOf, FullPlural, Message, Plural } from '../types.js';

/** Referrals: the wizard, inbox and outbox, and the referral page. */
export const en = {
  'nav.referrals': 'Referrals',
} as const satisfies Record<string, Message>;

export const ar: CatalogueOf<typeof en, FullPlural> = {
  'nav.referrals': 'الإحالات',
};

export const ckb: CatalogueOf<typeof en, Plural> = {
  'nav.referrals': 'ڕەوانەکردنەکان',
};
