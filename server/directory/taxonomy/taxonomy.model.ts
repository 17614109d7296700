import { Schema, model, type InferSchemaType } from 'mongoose';
import { translatedMongoose } from '../../platform/text/translated.js';

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

export type TaxonomyTermDoc = InferSchemaType<typeof TaxonomyTermSchema> & { _id: unknown };
export const TaxonomyTermModel = model('TaxonomyTerm', TaxonomyTermSchema);

/** The taxonomy's own identity, as HSDS wants a `taxonomy` record for the terms. */
export const TAXONOMY = {
  id: 'iq-ct-services',
  name: 'Iraq counter-trafficking service categories',
  version: '1.0',
} as const;
