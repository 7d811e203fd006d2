import path from 'node:path';
import { createOutboxMailer } from './outbox.ts';
import { createSmtpMailer } from './smtp.ts';
import type { Mailer } from './types.ts';

export type { Mailer, MailMessage } from './types.ts';

export const outboxDir = (dataDir: string) => path.join(dataDir, 'outbox');

export const createMailer = (config: { smtpUrl?: string; mailFrom: string; dataDir: string }): Mailer =>
  config.smtpUrl
    ? createSmtpMailer(config.smtpUrl, config.mailFrom)
    : createOutboxMailer(outboxDir(config.dataDir), config.mailFrom);
