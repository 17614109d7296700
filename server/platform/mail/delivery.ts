import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import { claimOnce, claimedAt } from '../db/claims.js';
import type { Logger } from '../logging.js';
import { OutboxMessageModel, type OutboxMessageDoc } from './outbox.model.js';

export interface MailTransport {
  send(message: OutboxMessageDoc): Promise<void>;
}

/** Longer than any send may take: SMTP timeouts below are shorter. */
const LEASE_MS = 5 * 60_000;
const SMTP_TIMEOUT_MS = 60_000;
const CANDIDATES = 10;
const MAX_ATTEMPTS = 8;
/** Wait before attempt n+1: 1, 2, 4 … minutes, at most an hour. */
const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 3_600_000);

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    async send(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/**
 * Without SMTP the message goes to the log: recipient, subject and, outside production, the link,
 * so a developer can follow an invitation or reset link. Bodies are never logged.
 */
export function logTransport(logger: Logger, includeLinks: boolean): MailTransport {
  return {
    async send(message) {
      logger.info(
        { to: message.to, subject: message.subject, ...(includeLinks && message.link ? { link: message.link } : {}) },
        includeLinks ? 'mail not sent (SMTP_URL is not set); logged instead' : 'mail not sent: SMTP_URL is not set',
      );
    },
  };
}

export function transportFor(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'isProduction'>, logger: Logger): MailTransport {
  return config.SMTP_URL ? smtpTransport(config.SMTP_URL, config.MAIL_FROM) : logTransport(logger, !config.isProduction);
}

/** Messages that are due and not leased, oldest first. */
function dueMessages(now: Date): Promise<OutboxMessageDoc[]> {
  return OutboxMessageModel.find({
    status: 'pending',
    nextAttemptAt: { $lte: now },
    $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }],
  })
    .sort({ nextAttemptAt: 1, _id: 1 })
    .limit(CANDIDATES)
    .lean<OutboxMessageDoc[]>();
}

const attemptKey = (message: OutboxMessageDoc, attempt: number) => `mail:${message._id.toString()}:${attempt}`;

/**
 * An instance that claimed an attempt and died before recording its lease leaves the message
 * waiting for an attempt nobody can claim: after a lease period, one instance skips that number.
 */
async function skipAbandonedAttempt(message: OutboxMessageDoc, attempt: number, now: Date): Promise<void> {
  const claimed = await claimedAt(attemptKey(message, attempt));
  if (!claimed || claimed.getTime() > now.getTime() - LEASE_MS) return;
  if (await claimOnce(`${attemptKey(message, attempt)}:abandoned`)) {
    await OutboxMessageModel.updateOne({ _id: message._id, attempts: message.attempts }, { $set: { attempts: attempt, leaseUntil: null } });
  }
}

/**
 * Leases the oldest due message for `owner`; null when none is due. Each attempt of each message is
 * claimed with an atomic unique insert, so two instances never send the same attempt; the lease
 * then keeps others away while the message is being sent.
 */
async function leaseNext(owner: string, now: Date): Promise<OutboxMessageDoc | null> {
  for (const message of await dueMessages(now)) {
    const attempt = message.attempts + 1;
    if (await claimOnce(attemptKey(message, attempt))) {
      const lease = { attempts: attempt, leaseUntil: new Date(now.getTime() + LEASE_MS), leaseOwner: owner };
      await OutboxMessageModel.updateOne({ _id: message._id }, { $set: lease });
      return { ...message, ...lease };
    }
    await skipAbandonedAttempt(message, attempt, now);
  }
  return null;
}

/** Sends one due message; false when there was nothing to send. */
export async function deliverNext(transport: MailTransport, owner: string, logger: Logger, now = new Date()): Promise<boolean> {
  const message = await leaseNext(owner, now);
  if (!message) return false;
  const mine = { _id: message._id, leaseOwner: owner };
  try {
    await transport.send(message);
    // The body can hold a one-time link: once delivered, it is not kept.
    await OutboxMessageModel.updateOne(mine, {
      $set: { status: 'sent', sentAt: new Date(), text: '', link: null, leaseUntil: null, lastError: null },
    });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const givingUp = message.attempts >= MAX_ATTEMPTS;
    logger.warn({ mailId: message._id.toString(), attempts: message.attempts, reason }, givingUp ? 'mail failed; giving up' : 'mail failed; will retry');
    await OutboxMessageModel.updateOne(mine, {
      $set: givingUp
        ? { status: 'failed', leaseUntil: null, lastError: reason, text: '', link: null }
        : { nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)), leaseUntil: null, lastError: reason },
    });
  }
  return true;
}

/** Polls the outbox every `intervalMs` and sends what is due; stop() waits for the current round. */
export function startMailDelivery(deps: { config: Config; logger: Logger; intervalMs?: number }): { stop(): Promise<void> } {
  const transport = transportFor(deps.config, deps.logger);
  const owner = randomUUID();
  let round: Promise<void> = Promise.resolve();
  const runRound = async () => {
    try {
      while (await deliverNext(transport, owner, deps.logger));
    } catch (err) {
      deps.logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'mail delivery round failed');
    }
  };
  const timer = setInterval(() => {
    round = round.then(runRound);
  }, deps.intervalMs ?? 5_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await round;
    },
  };
}
