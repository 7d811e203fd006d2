import { z } from 'zod';
import { isValidBin, isValidIin } from '../core/identity/kz-id.ts';
import { GRANTABLE_ROLES, LOCALES, ROLES } from '../core/identity/roles.ts';

// Error messages in contracts are message keys under `fields.` in src/locales/shared/*.json;
// the server's error handler localizes them into the caller's language.
export const locale = z.enum(LOCALES);
export const role = z.enum(ROLES);
export const grantableRole = z.enum(GRANTABLE_ROLES);

export const email = z
  .string('email_invalid')
  .trim()
  .max(254, 'email_invalid')
  .pipe(z.email('email_invalid'))
  .transform((value) => value.toLowerCase());
export const password = z.string('required').min(10, 'password_too_short').max(200, 'password_too_long');
export const iin = z.string('required').trim().refine(isValidIin, 'iin_invalid');
export const bin = z.string('required').trim().refine(isValidBin, 'bin_invalid');
export const fullName = z.string('name_required').trim().min(2, 'name_required').max(200, 'too_long');
export const phone = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s()-]/g, ''))
  .pipe(z.string().regex(/^\+7\d{10}$/, 'phone_invalid'));

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('stable machine-readable error code'),
    detail: z.string().describe('localized explanation'),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), code: z.string(), detail: z.string() }))
      .optional()
      .describe('field errors, for validation problems'),
  })
  .meta({ id: 'Problem' });
export type ProblemBody = z.infer<typeof problem>;

export const ok = z.object({ ok: z.literal(true) });
export const idParam = z.object({ id: z.uuid('invalid_format') });
