import { GovernorateModel } from '../server/directory/governorates/governorate.model.js';
import { bundledGovernorates } from '../server/directory/governorates/governorate-data.js';
import { TaxonomyTermModel } from '../server/directory/taxonomy/taxonomy.model.js';
import { TAXONOMY_TERMS } from '../server/contract/directory/taxonomy/categories.js';
import { HotlineModel } from '../server/directory/hotlines/hotline.model.js';
import { BUNDLED_HOTLINES } from '../server/directory/hotlines/hotline.data.js';
import { isDuplicateKey } from '../server/platform/db/duplicate-key.js';

/**
 * Governorates, the service taxonomy and the public hotlines: reference data every installation needs, sample or not.
 * Upserts by natural key, so running it again changes nothing.
 */
export async function seedReferenceData(): Promise<{ governorates: number; taxonomyTerms: number; hotlines: number }> {
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
  // Terms stored before search synonyms existed get the bundled ones; edited synonyms are kept.
  await TaxonomyTermModel.bulkWrite(
    TAXONOMY_TERMS.filter((t) => t.synonyms).map((t) => ({
      updateOne: { filter: { code: t.code, synonyms: { $exists: false } }, update: { $set: { synonyms: t.synonyms } } },
    })),
  );
  await insertMissingHotlines();
  return { governorates: governorates.length, taxonomyTerms: TAXONOMY_TERMS.length, hotlines: BUNDLED_HOTLINES.length };
}

/**
 * The bundled hotlines whose number is not stored yet: an administrator may have corrected, verified or
 * archived an entry since. Inserted as documents, not upserted: an upsert leaves out the empty "all Iraq"
 * governorate list. One by one, so that an instance starting beside another on the same empty database
 * neither fails on the number the other stored a moment before nor leaves the rest out.
 */
export async function insertMissingHotlines(): Promise<void> {
  const stored = new Set(await HotlineModel.distinct('number'));
  for (const hotline of BUNDLED_HOTLINES.filter((h) => !stored.has(h.number))) {
    await HotlineModel.create(hotline).catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
    });
  }
}
