import { GovernorateModel } from '../server/directory/governorates/governorate.model.js';
import { bundledGovernorates } from '../server/directory/governorates/governorate-data.js';
import { TaxonomyTermModel } from '../server/directory/taxonomy/taxonomy.model.js';
import { TAXONOMY_TERMS } from './taxonomy.js';

/**
 * Governorates and the service taxonomy: reference data every installation needs, sample or not.
 * Upserts by natural key, so running it again changes nothing.
 */
export async function seedReferenceData(): Promise<{ governorates: number; taxonomyTerms: number }> {
  const governorates = bundledGovernorates();
  await GovernorateModel.bulkWrite(
    governorates.map((g) => ({ updateOne: { filter: { code: g.code }, update: { $set: g }, upsert: true } })),
  );
  await TaxonomyTermModel.bulkWrite(
    TAXONOMY_TERMS.map((t, order) => ({
      updateOne: {
        filter: { code: t.code },
        // Only insert: an administrator may have edited the names since.
        update: { $setOnInsert: { ...t, description: t.description ?? {}, order } },
        upsert: true,
      },
    })),
  );
  return { governorates: governorates.length, taxonomyTerms: TAXONOMY_TERMS.length };
}
