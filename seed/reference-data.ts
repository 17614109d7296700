import { GovernorateModel } from '../server/directory/governorates/governorate.model.js';
import { bundledGovernorates } from '../server/directory/governorates/governorate-data.js';
import { TaxonomyTermModel } from '../server/directory/taxonomy/taxonomy.model.js';
import { TAXONOMY_TERMS } from '../server/contract/directory/taxonomy/categories.js';
import { HotlineModel } from '../server/directory/hotlines/hotline.model.js';
import { BUNDLED_HOTLINES } from '../server/directory/hotlines/hotline.data.js';
import { LegalFrameModel } from '../server/directory/legal-frames/legal-frame.model.js';
import { bundledLegalFrames } from '../server/directory/legal-frames/legal-frame.data.js';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '../server/platform/db/duplicate-key.js';

/**
 * Governorates, the service taxonomy, the public hotlines and the legal frames: reference data every installation needs, sample or not.
 * Upserts by natural key, so running it again changes nothing.
 */
export async function seedReferenceData(): Promise<{ governorates: number; taxonomyTerms: number; hotlines: number; legalFrames: number }> {
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
  const legalFrames = await insertMissingLegalFrames();
  return { governorates: governorates.length, taxonomyTerms: TAXONOMY_TERMS.length, hotlines: BUNDLED_HOTLINES.length, legalFrames };
}

/**
 * The bundled entries whose key is not stored yet: an administrator may have corrected, verified or
 * archived an entry since. Inserted as documents, not upserted: an upsert leaves out empty lists (a
 * hotline's "all Iraq"). One by one, so that an instance starting beside another on the same empty
 * database neither fails on the entry the other stored a moment before nor leaves the rest out.
 */
async function insertMissing<D, E extends Record<K, string>, K extends string>(model: Model<D>, key: K, bundled: readonly E[]): Promise<void> {
  const stored = new Set<unknown>(await model.distinct(key));
  for (const entry of bundled.filter((e) => !stored.has(e[key]))) {
    await model.create(entry).catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
    });
  }
}

export const insertMissingHotlines = (): Promise<void> => insertMissing(HotlineModel, 'number', BUNDLED_HOTLINES);

/** The frames bundled, as many as there are. */
export async function insertMissingLegalFrames(): Promise<number> {
  const frames = bundledLegalFrames();
  await insertMissing(LegalFrameModel, 'code', frames);
  return frames.length;
}
