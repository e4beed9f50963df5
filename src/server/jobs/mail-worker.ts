import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { claimDueEmails, markAttemptFailed, markSent, type ClaimedEmail } from '../modules/email/outbox.repository.ts';

const MAX_ATTEMPTS = 8;
const LEASE_MS = 2 * 60 * 1000;
const BATCH = 20;

/** 30 s, 1 min, 2 min … capped at 1 h. */
export const retryDelayMs = (attempts: number) => Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));

export interface MailTransport {
  name: string;
  send(email: ClaimedEmail): Promise<void>;
  close(): void;
}

/**
 * Delivers over SMTP. The Message-ID is derived from the outbox row, so if a
 * crash between SMTP acceptance and marking the row forces a resend, mail
 * systems see the same message, not a second one.
 */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter: Transporter = nodemailer.createTransport(smtpUrl);
  const domain = from.match(/@([^>\s]+)/)?.[1] ?? 'peercities.localhost';
  return {
    name: 'smtp',
    async send(email) {
      await transporter.sendMail({
        from,
        to: email.to_address,
        subject: email.subject,
        text: email.text_body,
        messageId: `<${email.id}@${domain}>`,
      });
    },
    close: () => transporter.close(),
  };
}

/** Without SMTP: the outbox itself is the development mailbox; delivery only marks the row. */
export const mailboxTransport: MailTransport = { name: 'mailbox', async send() {}, close() {} };

/** Delivers one batch of due emails; returns how many were sent. */
async function deliverDueEmails(db: Db, transport: MailTransport, log: FastifyBaseLogger): Promise<number> {
  const batch = await claimDueEmails(db, BATCH, LEASE_MS);
  let sent = 0;
  for (const email of batch) {
    try {
      await transport.send(email);
      await markSent(db, email.id, transport.name);
      sent += 1;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retryAt = email.attempts >= MAX_ATTEMPTS ? null : new Date(Date.now() + retryDelayMs(email.attempts));
      log.warn({ emailId: email.id, attempts: email.attempts, err: message }, retryAt ? 'email delivery failed; will retry' : 'email delivery failed for good');
      await markAttemptFailed(db, email.id, message, retryAt);
    }
  }
  return sent;
}

export interface MailWorker {
  /** Runs a delivery pass now (tests and the shutdown path use it). */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

export function startMailWorker(db: Db, transport: MailTransport, intervalMs: number, log: FastifyBaseLogger): MailWorker {
  let running: Promise<number> | null = null;
  let stopped = false;
  const pass = () => {
    running ??= deliverDueEmails(db, transport, log)
      .catch((err: unknown) => {
        log.error({ err }, 'mail worker pass failed');
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void pass();
  }, intervalMs);
  timer.unref();
  return {
    flush: async () => {
      let total = 0;
      for (;;) {
        if (running) await running;
        const n = await pass();
        total += n;
        if (n === 0) return total;
      }
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
      transport.close();
    },
  };
}
