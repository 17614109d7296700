import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { recordAudit } from '../audit/audit.js';
import type { Logger } from '../platform/logging.js';
import { acquireLease, releaseLease } from './lease.js';
import { ReferralCommentModel, ReferralModel } from './referral.model.js';
import { SEALED_FIELDS } from './referral.view.js';
import { CLOSED_STATUSES } from '../contract/referrals/vocabulary.js';

const LEASE_NAME = 'referral-retention';
const LEASE_MS = 15 * 60_000;
const BATCH = 200;
const DAY = 86_400_000;
const RUN_EVERY_MS = 60 * 60_000;
const FIRST_RUN_AFTER_MS = 60_000;

export interface RetentionRun {
  /** False when another instance held the lease, so this one did nothing. */
  ran: boolean;
  erased: number;
}

/**
 * Erases the free text (every sealed field and the comments) of referrals closed for longer than the retention
 * period. States, dates, codes and history stay, so statistics do not change. Safe to run from every
 * instance: only the holder of the lease works, and each referral is erased by one conditional update.
 */
export async function eraseExpiredReferralText(options: {
  retentionDays: number;
  owner: string;
  now?: Date;
}): Promise<RetentionRun> {
  const now = options.now ?? new Date();
  if (!(await acquireLease(LEASE_NAME, options.owner, LEASE_MS, now))) return { ran: false, erased: 0 };
  try {
    const cutoff = new Date(now.getTime() - options.retentionDays * DAY);
    const due = { status: { $in: CLOSED_STATUSES }, closedAt: { $lte: cutoff }, textErasedAt: null };
    let erased = 0;
    for (;;) {
      const batch = await ReferralModel.find(due, { _id: 1, fromOrganizationId: 1 }).limit(BATCH).lean();
      if (batch.length === 0) break;
      const ids = batch.map((r) => r._id);
      // Marked first: from then on no comment can be added, so deleting them afterwards is final.
      const marked = await ReferralModel.updateMany(
        { _id: { $in: ids }, textErasedAt: null },
        { $set: { ...Object.fromEntries(SEALED_FIELDS.map((field) => [field, null])), textErasedAt: now }, $inc: { version: 1 } },
      );
      await ReferralCommentModel.deleteMany({ referralId: { $in: ids } });
      for (const r of batch) {
        await recordAudit(null, {
          action: 'referral.text-erased',
          entity: 'referral',
          entityId: r._id.toString(),
          organizationId: r.fromOrganizationId.toString(),
        });
      }
      erased += marked.modifiedCount;
    }
    return { ran: true, erased };
  } finally {
    await releaseLease(LEASE_NAME, options.owner);
  }
}

/** Runs the erasure shortly after start and then hourly; `stop` waits for a run in progress. */
export function startReferralRetention(config: { REFERRAL_RETENTION_DAYS: number }, logger: Logger): { stop(): Promise<void> } {
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = eraseExpiredReferralText({ retentionDays: config.REFERRAL_RETENTION_DAYS, owner })
      .then((result) => {
        if (result.erased > 0) logger.info({ erased: result.erased }, 'referral text erased after the retention period');
      })
      .catch((err: unknown) => logger.warn({ err }, 'referral retention run failed; it will be retried'))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(run, FIRST_RUN_AFTER_MS).unref();
  const every = setInterval(run, RUN_EVERY_MS).unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
