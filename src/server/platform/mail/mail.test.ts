import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxMailer, listOutbox, readOutboxEntry } from './outbox.ts';
import { createSmtpMailer } from './smtp.ts';

describe('mail over real SMTP', () => {
  const received: { from?: string; to: string[]; raw: string }[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('delivers a Kazakh-language message with its envelope to the SMTP server', async () => {
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, 'Kelisim <no-reply@kelisim.kz>');
    await mailer.send({
      to: 'farmer@example.kz',
      subject: 'Құпиясөзді қалпына келтіру',
      text: 'Сәлеметсіз бе, Әсел.',
    });
    await mailer.close();
    expect(received).toHaveLength(1);
    expect(received[0]?.from).toBe('no-reply@kelisim.kz');
    expect(received[0]?.to).toEqual(['farmer@example.kz']);
    expect(received[0]?.raw).toMatch(/^Subject: =\?UTF-8\?/m);
  });
});

describe('outbox mail (no SMTP configured)', () => {
  it('writes a complete .eml and lists it newest first for the admin page', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kelisim-outbox-'));
    const mailer = createOutboxMailer(dir, 'Kelisim <no-reply@kelisim.kz>');
    await mailer.send({ to: 'a@example.kz', subject: 'first', text: 'one' });
    await mailer.send({ to: 'b@example.kz', subject: 'second', text: 'екі' });
    const list = await listOutbox(dir);
    expect(list.map((m) => m.subject)).toEqual(['second', 'first']);
    const eml = await fs.readFile(path.join(dir, `${list[0]?.id}.eml`), 'utf8');
    expect(eml).toMatch(/^To: b@example\.kz$/m);
    expect(eml).toMatch(/^From: Kelisim <no-reply@kelisim\.kz>$/m);
    expect((await readOutboxEntry(dir, list[0]?.id ?? ''))?.text).toBe('екі');
    expect(await readOutboxEntry(dir, '../../etc/passwd')).toBeNull();
  });
});
