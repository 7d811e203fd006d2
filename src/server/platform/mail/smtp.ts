import nodemailer from 'nodemailer';
import type { Mailer, MailMessage } from './types.ts';

/** Real delivery over SMTP; `url` like smtps://user:pass@smtp.example.kz:465. */
export const createSmtpMailer = (url: string, from: string): Mailer => {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    send: async (message: MailMessage) => {
      await transport.sendMail({ from, ...message });
    },
    close: async () => transport.close(),
  };
};
