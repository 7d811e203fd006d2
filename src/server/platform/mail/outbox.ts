import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer, MailMessage } from './types.ts';

export type OutboxEntry = { id: string; to: string; subject: string; text: string; sentAt: string };

/**
 * Without SMTP, mail is composed exactly as it would be sent and written as `<id>.eml` under the
 * outbox directory, with a small JSON index beside it so the admin page can list it.
 */
export const createOutboxMailer = (dir: string, from: string): Mailer => {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  // The directory is made when a write finds it missing, not checked before every mail.
  const write = async (name: string, data: string | Buffer) => {
    const file = path.join(dir, name);
    try {
      await fs.writeFile(file, data, { mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(file, data, { mode: 0o600 });
    }
  };
  return {
    kind: 'outbox',
    send: async (message: MailMessage) => {
      const info = await transport.sendMail({ from, ...message });
      const sentAt = new Date().toISOString();
      // Sortable by time, unique by uuid.
      const id = `${sentAt.replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
      await write(`${id}.eml`, info.message as Buffer);
      const entry: OutboxEntry = { id, to: message.to, subject: message.subject, text: message.text, sentAt };
      await write(`${id}.json`, JSON.stringify(entry));
    },
    close: async () => {},
  };
};

const ID_PATTERN = /^[0-9TZ-]+-[0-9a-f]{8}$/;

export const listOutbox = async (dir: string, limit = 200): Promise<OutboxEntry[]> => {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const ids = names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5));
  const newest = ids.sort().reverse().slice(0, limit);
  return Promise.all(
    newest.map(async (id) => JSON.parse(await fs.readFile(path.join(dir, `${id}.json`), 'utf8'))),
  );
};

export const readOutboxEntry = async (dir: string, id: string): Promise<OutboxEntry | null> => {
  if (!ID_PATTERN.test(id)) return null;
  const raw = await fs.readFile(path.join(dir, `${id}.json`), 'utf8').catch(() => null);
  return raw ? (JSON.parse(raw) as OutboxEntry) : null;
};
