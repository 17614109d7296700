import { OutboxMessageModel } from './outbox.model.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  link?: string;
}

/** Queues a message; the delivery loop sends it. Returns at once, so callers never wait on SMTP. */
export async function enqueueMail(mail: Mail): Promise<void> {
  await OutboxMessageModel.create({ to: mail.to, subject: mail.subject, text: mail.text, link: mail.link ?? null });
}
