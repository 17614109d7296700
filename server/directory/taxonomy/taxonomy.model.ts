import { Schema, model, type InferSchemaType } from 'mongoose';
import { translatedMongoose } from '../../platform/text/translated.js';
import { taxonomyFeed } from '../catalog/change-feed.js';

/** A service category. Two levels: groups (no parent) and categories (with a parent group). */
const TaxonomyTermSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    parent: { type: String, default: null, index: true },
    name: { type: translatedMongoose(), required: true },
    description: { type: translatedMongoose(), default: {} },
    /** Words people type for it in each language, beyond its name (see search/understand-query.ts). */
    synonyms: {
      en: { type: [String], default: [] },
      ar: { type: [String], default: [] },
      ckb: { type: [String], default: [] },
    },
    order: { type: Number, default: 0 },
    archivedAt: { type: Date, default: null },
    version: { type: Number, default: 1 },
  },
  { timestamps: true, collection: 'taxonomy_terms' },
);

// Any write of the terms moves the taxonomy feed; readers then read all of them again (they are few),
// so the write names no ids and costs no look-up of the records it selects.
const moved = () => taxonomyFeed.publish('taxonomy_terms', ['*']);
TaxonomyTermSchema.post(['save', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace'], moved);
TaxonomyTermSchema.post(['updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'replaceOne'], { query: true, document: false }, moved);
TaxonomyTermSchema.post('insertMany', moved);
TaxonomyTermSchema.post('bulkWrite', moved);

export type TaxonomyTermDoc = InferSchemaType<typeof TaxonomyTermSchema> & { _id: unknown };
export const TaxonomyTermModel = model('TaxonomyTerm', TaxonomyTermSchema);

/** The taxonomy's own identity, as HSDS wants a `taxonomy` record for the terms. */
export const TAXONOMY = {
  id: 'iq-ct-services',
  name: 'Iraq counter-trafficking service categories',
  version: '1.0',
} as const;
