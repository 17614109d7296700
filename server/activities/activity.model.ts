import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { activityFeed } from '../directory/catalog/change-feed.js';
import { directoryRecord } from '../directory/record-plugin.js';
import { translatedMongoose } from '../platform/text/translated.js';
import { ACTIVITY_KINDS, AUDIENCES } from '../contract/activities/vocabulary.js';

const count = { type: Number, min: 0, default: 0 };

/**
 * An awareness session, training or campaign: who did what, where and when, and whom it reached.
 * A campaign can run in several governorates at once; its reach is recorded for the whole activity.
 */
const ActivitySchema = new Schema(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true, index: true },
    title: { type: translatedMongoose(), required: true },
    kind: { type: String, enum: ACTIVITY_KINDS, required: true, index: true },
    /** A taxonomy code (e.g. "awareness") or free text. */
    topic: { type: String, default: null },
    /** Governorate codes (ISO 3166-2). */
    governorates: { type: [String], default: [], index: true },
    districts: { type: [String], default: [] },
    startDate: { type: Date, required: true },
    endDate: { type: Date, required: true, index: true },
    audience: { type: [String], enum: AUDIENCES, default: [] },
    reached: {
      women: count,
      men: count,
      girls: count,
      boys: count,
    },
    /** Partner organisations. */
    partners: { type: [Schema.Types.ObjectId], ref: 'Organization', default: [] },
  },
  { collection: 'activities' },
);
ActivitySchema.plugin(directoryRecord, { changes: activityFeed });
ActivitySchema.index({ archivedAt: 1, startDate: -1 });

/** The stored activity, with the fields the directory-record plugin adds. */
export type ActivityDoc = InferSchemaType<typeof ActivitySchema> & {
  _id: Types.ObjectId;
  sample: boolean;
  archivedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};
export const ActivityModel = model('Activity', ActivitySchema);
