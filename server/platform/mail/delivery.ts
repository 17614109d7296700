import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import { OutboxMessageModel, type OutboxMessageDoc } from './outbox.model.js';

export interface MailTransport {
  send(message: OutboxMessageDoc): Promise<void>;
}

const LEASE_MS = 2 * 60_000;
const MAX_ATTEMPTS = 8;
/** Wait before attempt n+1: 1, 2, 4 … minutes, at most an hour. */
const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 3_600_000);

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
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

/** Leases the oldest due message for `owner`; null when none is due. */
async function leaseNext(owner: string, now: Date): Promise<OutboxMessageDoc | null> {
  return OutboxMessageModel.findOneAndUpdate(
    {
      status: 'pending',
      nextAttemptAt: { $lte: now },
      $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }],
    },
    { $set: { leaseUntil: new Date(now.getTime() + LEASE_MS), leaseOwner: owner }, $inc: { attempts: 1 } },
    { new: true, sort: { nextAttemptAt: 1 } },
  ).lean<OutboxMessageDoc>();
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
