// A real SMTP server on a random loopback port that keeps every message it receives, parsed, for tests of outgoing
// e-mail (password reset, notification e-mails). Accepts any login; no TLS (loopback only).
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface CaughtMail {
  /** "Name <address>" as a person reads it (no quoting). */
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface SmtpCatcher {
  /** smtp://user:secret@127.0.0.1:<port> — what SMTP_URL is set to. */
  url: string;
  messages: CaughtMail[];
  /** Resolves with the first message (already received or still to come) sent to `to` that matches. */
  waitFor(to: string, match?: (mail: CaughtMail) => boolean): Promise<CaughtMail>;
  /** Makes the server refuse the next `count` messages with a 451 (temporary failure). */
  refuseNext(count: number): void;
  close(): Promise<void>;
}

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  const waiters: Array<{ to: string; match: (mail: CaughtMail) => boolean; resolve: (mail: CaughtMail) => void }> = [];
  let refusals = 0;
  const deliver = (mail: CaughtMail) => {
    messages.push(mail);
    for (const waiter of [...waiters]) {
      if (mail.to.includes(waiter.to) && waiter.match(mail)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(mail);
      }
    }
  };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' });
    },
    onData(stream, session, callback) {
      if (refusals > 0) {
        refusals -= 1;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const sender = parsed.from?.value[0];
          deliver({
            from: sender ? (sender.name ? `${sender.name} <${sender.address}>` : (sender.address ?? '')) : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://test:secret@127.0.0.1:${port}`,
    messages,
    waitFor(to, match = () => true) {
      const found = messages.find((m) => m.to.includes(to) && match(m));
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ to, match, resolve }));
    },
    refuseNext(count) {
      refusals = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
