// Outgoing e-mail (password reset links, notification e-mails) over SMTP, configured by SMTP_URL and MAIL_FROM.
// nodemailer is loaded on the first send, so an instance that never mails pays nothing at start-up.
// Errors never carry the SMTP URL (it may hold a password): a failed send throws MailError with a short reason.
import type { Config } from '~/env.server';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** false without SMTP_URL: features that need e-mail offer their fallback (an admin-made link, in-app only). */
  readonly configured: boolean;
  /** Sends one message; throws MailError when SMTP is not configured or the server refuses it. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export class MailError extends Error {}

type Transport = { sendMail(message: MailMessage & { from: string }): Promise<unknown>; close(): void };

export function createMailer(settings: Config['mail']): Mailer {
  let transport: Promise<Transport> | undefined;
  const open = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(settings.smtpUrl!, { disableFileAccess: true, disableUrlAccess: true }) as unknown as Transport,
    ));
  return {
    configured: settings.smtpUrl !== null,
    async send(message) {
      if (!settings.smtpUrl) throw new MailError('E-mail is not configured (SMTP_URL)');
      try {
        await (await open()).sendMail({ ...message, from: settings.from });
      } catch (error) {
        // nodemailer's errors name the server's reply code, never the credentials; the URL itself is not repeated.
        const reason = (error as { responseCode?: number; code?: string }).responseCode ?? (error as { code?: string }).code ?? 'error';
        throw new MailError(`The mail server did not accept the message (${reason})`);
      }
    },
    close() {
      void transport?.then((t) => t.close()).catch(() => {});
    },
  };
}
