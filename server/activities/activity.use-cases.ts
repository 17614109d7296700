import { Types } from 'mongoose';
import { authorize, requireUser, type Actor } from '../accounts/permissions.js';
import { recordAudit } from '../audit/audit.js';
import { requireObjectId, staleVersion } from '../directory/records/record.js';
import { badRequest, conflict, notFound, type FieldProblem } from '../platform/http/problem.js';
import { dayOf, dayStart, type ActivityCreate, type ActivityPatch, type ActivityView } from '../contract/activities/activity.schemas.js';
import { type ActivityQuery } from './activity.requests.js';
import {
  findActivities,
  findActivity,
  insertActivity,
  liveOrganizationIds,
  updateActivityAtVersion,
  type ActivityChanges,
  type ActivityRecord,
} from './activity.data.js';
import { reachTotal, type Reach } from '../contract/activities/vocabulary.js';
import { organizationNames } from '../directory/catalog/queries.js';

/** Activities (4W): who did what, where, when, and whom it reached. */

export async function listActivities(query: ActivityQuery) {
  const { items, total } = await findActivities(
    {
      governorates: query.governorate,
      organizationIds: query.organization,
      kinds: query.kind,
      from: query.from ? dayStart(query.from) : undefined,
      to: query.to ? dayStart(query.to) : undefined,
    },
    { skip: (query.page - 1) * query.perPage, limit: query.perPage },
  );
  return { items: await toViews(items), total, page: query.page, perPage: query.perPage };
}

export async function getActivity(id: string): Promise<ActivityView> {
  const [view] = await toViews([await existing(id)]);
  return view!;
}

/** An organisation records an activity it ran (platform admins may record it for any organisation). */
export async function recordActivity(actor: Actor, input: ActivityCreate): Promise<ActivityView> {
  const user = requireUser(actor);
  const organizationId = input.organizationId ?? user.organizationId;
  if (!organizationId) {
    throw badRequest('activityNeedsOrganisation', [{ field: 'body.organizationId', message: 'required' }]);
  }
  authorize(actor, 'activity:write', organizationId);
  await assertOrganizationsExist(organizationId, input.partners);

  const created = await insertActivity({
    organizationId: new Types.ObjectId(organizationId),
    title: input.title,
    kind: input.kind,
    topic: input.topic,
    governorates: input.governorates,
    districts: input.districts,
    startDate: dayStart(input.startDate),
    endDate: dayStart(input.endDate ?? input.startDate),
    audience: input.audience,
    reached: input.reached,
    partners: input.partners.map((id) => new Types.ObjectId(id)),
  });
  await recordAudit(actor, {
    action: 'activity.create',
    entity: 'activity',
    entityId: String(created._id),
    organizationId,
    after: created,
  });
  return getActivity(String(created._id));
}

/** Changes an activity, provided nobody changed it since the version the editor saw. */
export async function reviseActivity(actor: Actor, id: string, expected: number, patch: ActivityPatch): Promise<ActivityView> {
  requireUser(actor);
  const current = await existing(id);
  const organizationId = String(current.organizationId);
  authorize(actor, 'activity:write', organizationId);
  assertLive(current);
  assertVersion(current, expected);

  const { startDate, endDate, partners, ...rest } = patch;
  if ((endDate ?? dayOf(current.endDate)) < (startDate ?? dayOf(current.startDate))) {
    throw badRequest('activityEndsBeforeStart', [{ field: 'body.endDate', message: 'endNotBeforeStart' }]);
  }
  if (partners) await assertOrganizationsExist(organizationId, partners);

  const changes: ActivityChanges = {
    ...rest,
    ...(startDate ? { startDate: dayStart(startDate) } : {}),
    ...(endDate ? { endDate: dayStart(endDate) } : {}),
    ...(partners ? { partners: partners.map((p) => new Types.ObjectId(p)) } : {}),
  };
  const updated = await updateActivityAtVersion(current._id, expected, changes);
  if (!updated) throw stale(await existing(id));
  await recordAudit(actor, { action: 'activity.update', entity: 'activity', entityId: id, organizationId, before: current, after: updated });
  return getActivity(id);
}

/**
 * Archives an activity: it leaves lists and coverage but stays readable by its address.
 * `expected` (from If-Match) is optional here: archiving twice is harmless.
 */
export async function archiveActivity(actor: Actor, id: string, expected: number | undefined): Promise<ActivityView> {
  requireUser(actor);
  const current = await existing(id);
  const organizationId = String(current.organizationId);
  authorize(actor, 'activity:write', organizationId);
  if (current.archivedAt) return getActivity(id);
  const version = expected ?? current.version;
  assertVersion(current, version);

  const archived = await updateActivityAtVersion(current._id, version, { archivedAt: new Date() });
  if (!archived) throw stale(await existing(id));
  await recordAudit(actor, { action: 'activity.archive', entity: 'activity', entityId: id, organizationId, before: current, after: archived });
  return getActivity(id);
}

async function existing(id: string): Promise<ActivityRecord> {
  const activity = await findActivity(requireObjectId(id, 'activity'));
  if (!activity) throw notFound('activity');
  return activity;
}

function assertLive(activity: ActivityRecord): void {
  if (activity.archivedAt) throw conflict('activityArchived');
}

const stale = (current: ActivityRecord) => staleVersion('activity', current.version);

function assertVersion(current: ActivityRecord, expected: number): void {
  if (expected !== current.version) throw stale(current);
}

async function assertOrganizationsExist(organizationId: string, partners: string[]): Promise<void> {
  const live = await liveOrganizationIds([organizationId, ...partners]);
  const problems: FieldProblem[] = [];
  if (!live.has(organizationId)) problems.push({ field: 'body.organizationId', message: 'noSuchOrganisation' });
  partners.forEach((id, i) => {
    if (!live.has(id)) problems.push({ field: `body.partners.${i}`, message: 'noSuchOrganisation' });
  });
  if (problems.length) throw badRequest('someOrganisationsMissing', problems);
}

async function toViews(activities: ActivityRecord[]): Promise<ActivityView[]> {
  const names = await organizationNames(activities.flatMap((a) => [a.organizationId, ...a.partners].map(String)));
  const ref = (id: unknown) => ({ id: String(id), name: names.get(String(id)) ?? {} });
  return activities.map((a) => {
    const reached: Reach = { women: 0, men: 0, girls: 0, boys: 0, ...a.reached };
    return {
      id: String(a._id),
      organization: ref(a.organizationId),
      title: a.title,
      kind: a.kind,
      topic: a.topic ?? null,
      governorates: a.governorates,
      districts: a.districts,
      startDate: dayOf(a.startDate),
      endDate: dayOf(a.endDate),
      audience: a.audience,
      reached: { ...reached, total: reachTotal(reached) },
      partners: a.partners.map(ref),
      sample: a.sample,
      archivedAt: a.archivedAt ? a.archivedAt.toISOString() : null,
      version: a.version,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    };
  });
}
