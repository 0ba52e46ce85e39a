import "server-only";
import nodemailer from "nodemailer";
import { devMailbox } from "@/db/schema";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db";

export type OutgoingMail = {
  id: number;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  links: string[];
};

export type MailTransport = { name: "smtp" | "dev-mailbox"; deliver(mail: OutgoingMail): Promise<void> };

/** Real SMTP through nodemailer, with short timeouts so an outage fails fast and is retried later. */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as never);
  return {
    name: "smtp",
    async deliver(mail) {
      await transporter.sendMail({
        from,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        html: mail.htmlBody,
        headers: { "X-Passerelle-Outbox-Id": String(mail.id) },
      });
    },
  };
}

/** Demo mode: the message is kept in the database and shown at /dev/mailbox. */
export function devMailboxTransport(): MailTransport {
  return {
    name: "dev-mailbox",
    async deliver(mail) {
      await db()
        .insert(devMailbox)
        .values({
          outboxId: mail.id,
          toAddress: mail.toAddress,
          subject: mail.subject,
          textBody: mail.textBody,
          htmlBody: mail.htmlBody,
          links: mail.links,
        })
        .onConflictDoNothing({ target: devMailbox.outboxId });
    },
  };
}

export function configuredTransport(): MailTransport {
  const config = env();
  return config.SMTP_URL ? smtpTransport(config.SMTP_URL, config.MAIL_FROM) : devMailboxTransport();
}
