/**
 * Loads reference data (governorates, taxonomy) and, on request, the fictional sample directory.
 * Used by `npm run seed` (seed/cli.ts) and by the server on start with an empty database.
 */
import type { Collection, Types } from 'mongoose';
import { ActivityModel } from '../server/activities/activity.model.js';
import { sampleActivities } from '../server/activities/sample-activities.js';
import { activityFeed, directoryFeed } from '../server/directory/catalog/change-feed.js';
import { ContactModel } from '../server/directory/contacts/contact.model.js';
import { LocationModel } from '../server/directory/locations/location.model.js';
import { OrganizationModel } from '../server/directory/organizations/organization.model.js';
import { ServiceModel } from '../server/directory/services/service.model.js';
import { seedReferenceData } from './reference-data.js';
import { sampleChange } from './sample/change-history.js';
import { AuditEntryModel } from '../server/audit/audit.model.js';
import { generateDirectory, SAMPLE_SERVICE_COUNT, type OrganizationRecord } from './sample/generator.js';
import type { SampleCounts } from '../server/contract/admin/sample-data.schemas.js';

export interface SeedOptions {
  /** Also load the sample directory (unless sample organisations exist already). */
  sample: boolean;
  /** Number of sample services (default: the demo sample's); organisations etc. follow in proportion. */
  scale?: number;
  log: (message: string) => void;
}

export interface SeedReport {
  referenceData: { governorates: number; taxonomyTerms: number };
  /** What was inserted; undefined when no sample was asked for or one was there already. */
  sample?: SampleCounts;
}

/** Documents per insertMany call: large enough to amortise round trips, small enough to stream. */
const BATCH_SIZE = 2000;
/** Batches written while the next is generated: the database and the generator use one core each. */
const MAX_BATCHES_IN_FLIGHT = 2;

/** Idempotent: reference data is upserted; the sample is inserted only when no sample organisation exists. */
export async function seedDatabase(options: SeedOptions): Promise<SeedReport> {
  const referenceData = await seedReferenceData();
  options.log(`reference data: ${referenceData.governorates} governorates, ${referenceData.taxonomyTerms} taxonomy terms, ${referenceData.hotlines} hotlines, ${referenceData.legalFrames} legal frames`);
  if (!options.sample) return { referenceData };
  if (await OrganizationModel.exists({ sample: true })) {
    options.log('sample data is already loaded; nothing added (use --reset-sample to replace it)');
    return { referenceData };
  }
  return { referenceData, sample: await insertSampleDirectory(options.scale ?? SAMPLE_SERVICE_COUNT, options.log) };
}

/** On server start: the sample goes only into a database with no organisations at all. */
export async function seedSampleIntoEmptyDatabase(log: (message: string) => void): Promise<SampleCounts | undefined> {
  if (await OrganizationModel.exists({})) return undefined;
  return insertSampleDirectory(SAMPLE_SERVICE_COUNT, log);
}

/**
 * Deletes every sample record, and also whatever hangs off a sample organisation (locations,
 * services and contacts someone added to it later, unmarked), so no orphans stay behind.
 */
export async function removeSampleData(): Promise<SampleCounts> {
  const organizationIds = (await OrganizationModel.distinct('_id', { sample: true })) as Types.ObjectId[];
  const removeFrom = async (collection: Collection) => {
    let deleted = await deleteAnnounced(collection, { sample: true });
    // In chunks, to keep each filter small.
    for (let i = 0; i < organizationIds.length; i += BATCH_SIZE) {
      const chunk = organizationIds.slice(i, i + BATCH_SIZE);
      deleted += await deleteAnnounced(collection, { organizationId: { $in: chunk } });
    }
    return deleted;
  };
  const services = await removeFrom(ServiceModel.collection);
  const contacts = await removeFrom(ContactModel.collection);
  const locations = await removeFrom(LocationModel.collection);
  const activities = await removeFrom(ActivityModel.collection);
  // Organisations last: while any remain, a rerun of the seeder sees the sample as present.
  const organizations = await deleteAnnounced(OrganizationModel.collection, { sample: true });
  return { organizations, locations, services, contacts, activities };
}

/**
 * Streams the generated directory into the database in batches. Organisations are written last, so
 * an interrupted run leaves no sample organisation: the next run clears the leftovers and starts over.
 */
async function insertSampleDirectory(services: number, log: (message: string) => void): Promise<SampleCounts> {
  const leftovers = await Promise.all(
    [ServiceModel, LocationModel, ContactModel, ActivityModel].map((model) => deleteAnnounced(model.collection, { sample: true })),
  );
  const removed = leftovers.reduce((sum, n) => sum + n, 0);
  if (removed) log(`removed ${removed} sample records left by an interrupted run`);

  const writer = new BatchWriter();
  const organizations: OrganizationRecord[] = [];
  const counts: SampleCounts = { organizations: 0, locations: 0, services: 0, contacts: 0, activities: 0 };
  const history: Record<string, unknown>[] = [];
  for (const bundle of generateDirectory({ services })) {
    organizations.push(bundle.organization);
    for (const change of [sampleChange(bundle.organization, 'organization'), ...bundle.services.map((s) => sampleChange(s, 'service'))]) {
      if (change) history.push(change);
    }
    await writer.add(LocationModel.collection, bundle.locations);
    await writer.add(ServiceModel.collection, bundle.services);
    await writer.add(ContactModel.collection, bundle.contacts);
    counts.locations += bundle.locations.length;
    counts.services += bundle.services.length;
    counts.contacts += bundle.contacts.length;
  }
  // Activities (server/activities) name sample organisations as organisers and partners.
  const organizationIdsByGovernorate: Record<string, string[]> = {};
  for (const { _id, headOfficeGovernorate } of organizations) {
    (organizationIdsByGovernorate[headOfficeGovernorate] ??= []).push(String(_id));
  }
  const activities = sampleActivities(organizationIdsByGovernorate);
  await writer.flush();
  // Few, and not complete records: through Mongoose, which fills ids, defaults and timestamps.
  await ActivityModel.insertMany(activities, { ordered: false });
  // The changes waiting for verification, as the audit log would hold them (sample/change-history.ts).
  if (history.length) await AuditEntryModel.collection.insertMany(history, { ordered: false });
  await writer.add(OrganizationModel.collection, organizations);
  await writer.flush();
  counts.organizations = organizations.length;
  counts.activities = activities.length;
  log(`sample data: ${describeCounts(counts)}`);
  return counts;
}

/** Ids per change-feed entry: a bulk load is announced in a few entries rather than one per record. */
const ANNOUNCE_CHUNK = 5_000;

/**
 * Writes through the driver skip the models' change-feed hooks: tell every app instance's read model
 * (server/directory/catalog) which records these were.
 */
async function announce(collection: Collection, ids: readonly { toHexString(): string }[]): Promise<void> {
  const feed = collection.collectionName === ActivityModel.collection.collectionName ? activityFeed : directoryFeed;
  for (let i = 0; i < ids.length; i += ANNOUNCE_CHUNK) {
    await feed.publish(collection.collectionName, ids.slice(i, i + ANNOUNCE_CHUNK).map((id) => id.toHexString()));
  }
}

/** Deletes what the filter matches and announces the ids (read first: afterwards nothing matches). */
async function deleteAnnounced(collection: Collection, filter: Record<string, unknown>): Promise<number> {
  const ids = (await collection.find(filter, { projection: { _id: 1 } }).toArray()).map((d) => d._id as Types.ObjectId);
  if (!ids.length) return 0;
  const { deletedCount } = await collection.deleteMany(filter);
  await announce(collection, ids);
  return deletedCount;
}

export const describeCounts = (counts: SampleCounts): string =>
  `${counts.organizations} organisations, ${counts.services} services, ${counts.locations} locations, ` +
  `${counts.contacts} contacts, ${counts.activities} activities`;

/** Collects documents per model and writes full batches, keeping a bounded number of writes in flight. */
class BatchWriter {
  private readonly buffers = new Map<Collection, object[]>();
  private readonly inFlight: Promise<unknown>[] = [];

  async add(collection: Collection, documents: object[]): Promise<void> {
    const buffer = this.buffers.get(collection) ?? [];
    this.buffers.set(collection, buffer);
    buffer.push(...documents);
    while (buffer.length >= BATCH_SIZE) await this.write(collection, buffer.splice(0, BATCH_SIZE));
  }

  async flush(): Promise<void> {
    for (const [collection, buffer] of this.buffers) if (buffer.length) await this.write(collection, buffer.splice(0));
    await Promise.all(this.inFlight.splice(0));
  }

  private async write(collection: Collection, documents: object[]): Promise<void> {
    // Straight to the driver: the generator fills every field and default, so Mongoose's per-document
    // casting and validation (the bulk of the time at 100k services) would add nothing.
    const written = collection
      .insertMany(documents, { ordered: false })
      .then(() => announce(collection, documents.map((d) => (d as { _id: Types.ObjectId })._id)));
    // A failure surfaces where the write is awaited; until then it must not count as unhandled.
    written.catch(() => {});
    this.inFlight.push(written);
    if (this.inFlight.length >= MAX_BATCHES_IN_FLIGHT) await this.inFlight.shift();
  }
}
