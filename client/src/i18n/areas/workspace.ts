import type { CatalogueOf, FullPlural, Message, Plural } from '../types.js';

/** Organisation workspace: profile, services, contacts, members, agreements, activities. */
export const en = {
  'nav.workspace': 'My organisation',
} as const satisfies Record<string, Message>;

export const ar: CatalogueOf<typeof en, FullPlural> = {
  'nav.workspace': 'منظمتي',
};

export const ckb: CatalogueOf<typeof en, Plural> = {
  'nav.workspace': 'ڕێکخراوەکەم',
};
