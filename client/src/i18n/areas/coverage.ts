import type { CatalogueOf, FullPlural, Message, Plural } from '../types.js';

/** The coverage and gaps dashboard. */
export const en = {
  'nav.coverage': 'Coverage',
} as const satisfies Record<string, Message>;

export const ar: CatalogueOf<typeof en, FullPlural> = {
  'nav.coverage': 'التغطية',
};

export const ckb: CatalogueOf<typeof en, Plural> = {
  'nav.coverage': 'داپۆشین',
};
