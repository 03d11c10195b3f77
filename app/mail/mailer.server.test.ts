import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, MailError } from './mailer.server';
import { parseConfig } from '~/env.server';
import { startSmtpCatcher, type SmtpCatcher } from '../../tests/helpers/smtp-catcher';

let smtp: SmtpCatcher;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
});
afterAll(() => smtp.close());

describe('mailer', () => {
  it('delivers a message with the configured sender, in any script', async () => {
    const mailer = createMailer(parseConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Trips <trips@example.org>' }).mail);
    expect(mailer.configured).toBe(true);
    await mailer.send({ to: 'ana@example.org', subject: 'Passwort zurücksetzen', text: 'إعادة تعيين — 重置密码' });
    const mail = await smtp.waitFor('ana@example.org');
    expect(mail.from).toBe('Trips <trips@example.org>');
    expect(mail.subject).toBe('Passwort zurücksetzen');
    expect(mail.text.trim()).toBe('إعادة تعيين — 重置密码');
    mailer.close();
  });

  it('defaults the sender to the app host', () => {
    expect(parseConfig({ APP_URL: 'https://trips.example.net' }).mail).toEqual({ smtpUrl: null, from: 'Waymark <waymark@trips.example.net>' });
  });

  it('says it is not configured and refuses to send without SMTP_URL', async () => {
    const mailer = createMailer(parseConfig({}).mail);
    expect(mailer.configured).toBe(false);
    await expect(mailer.send({ to: 'a@example.org', subject: 's', text: 't' })).rejects.toBeInstanceOf(MailError);
  });

  it('reports a refused message without repeating the SMTP password', async () => {
    const mailer = createMailer(parseConfig({ SMTP_URL: smtp.url }).mail);
    smtp.refuseNext(1);
    const error = await mailer.send({ to: 'b@example.org', subject: 's', text: 't' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(MailError);
    expect((error as Error).message).toContain('451');
    expect((error as Error).message).not.toContain('secret');
    mailer.close();
  });

  it('rejects an SMTP_URL that is not smtp:// or smtps://', () => {
    expect(() => parseConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL must be an smtp/);
  });
});
