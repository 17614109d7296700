import type { CatalogueOf, FullPlural, Message, Plural } from '../types.js';

/** Platform administration and account pages (password, invitations). */
export const en = {
  'nav.admin': 'Administration',
  'nav.accountSettings': 'Account',
} as const satisfies Record<string, Message>;

export const ar: CatalogueOf<typeof en, FullPlural> = {
  'nav.admin': 'الإدارة',
  'nav.accountSettings': 'الحساب',
};

export const ckb: CatalogueOf<typeof en, Plural> = {
  'nav.admin': 'بەڕێوەبردن',
  'nav.accountSettings': 'هەژمار',
};
