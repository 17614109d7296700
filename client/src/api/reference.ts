import type { Translated } from '../i18n/types.js';
import { getGovernorates, getTaxonomy } from './client.js';
import type { GovernorateView as Governorate } from '../../../server/contract/directory/governorates/governorate.schemas.js';
import type { TermView as TaxonomyTerm } from '../../../server/contract/directory/taxonomy/taxonomy.schemas.js';

/** Governorates and the service taxonomy, with the look-ups every screen needs. */
// eslint-disable-next-line no-restricted-syntax -- the client's look-ups over two answers, not an answer
export interface Reference {
  governorates: Governorate[];
  /** Categories (not groups), in taxonomy order. */
  categories: TaxonomyTerm[];
  groups: TaxonomyTerm[];
  governorateName(code: string): Translated;
  categoryName(code: string): Translated;
  /** The group (safety, health, …) a category belongs to. */
  groupOf(category: string): string | undefined;
}

let loading: Promise<Reference> | undefined;

/** After the taxonomy changed (an admin added or renamed a category): the next screen reads it again. */
export function forgetReference(): void {
  getTaxonomy.forget();
  loading = undefined;
}

export function loadReference(): Promise<Reference> {
  loading ??= Promise.all([getGovernorates(), getTaxonomy()]).then(
    ([governorates, taxonomy]) => {
      const governorateByCode = new Map(governorates.map((g) => [g.code, g]));
      const termByCode = new Map(taxonomy.map((t) => [t.code, t]));
      return {
        governorates,
        categories: taxonomy.filter((t) => t.parent !== null),
        groups: taxonomy.filter((t) => t.parent === null),
        governorateName: (code) => governorateByCode.get(code)?.name ?? { en: code },
        categoryName: (code) => termByCode.get(code)?.name ?? { en: code },
        groupOf: (category) => termByCode.get(category)?.parent ?? undefined,
      };
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
