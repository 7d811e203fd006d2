import { z } from 'zod';
import { bin, email, fullName, grantableRole, iin, locale, password, phone, role } from './common.ts';

const optionalPhone = z.union([z.literal('').transform(() => undefined), phone]).optional();

export const registerIndividual = z.object({
  kind: z.literal('individual'),
  fullName,
  email,
  password,
  phone: optionalPhone,
  iin,
  locale: locale.optional(),
});
export const registerOrganisation = z.object({
  kind: z.literal('organisation'),
  fullName,
  email,
  password,
  phone: optionalPhone,
  bin,
  organisationName: z
    .string('organisation_required')
    .trim()
    .min(2, 'organisation_required')
    .max(300, 'too_long'),
  iin: z.union([z.literal('').transform(() => undefined), iin]).optional(),
  locale: locale.optional(),
});
export const registerRequest = z.discriminatedUnion('kind', [registerIndividual, registerOrganisation]);
export type RegisterRequest = z.infer<typeof registerRequest>;

export const loginRequest = z.object({ email, password: z.string('required').min(1, 'required').max(200) });

export const court = z.object({ id: z.uuid(), code: z.string(), name: z.string(), region: z.string() });

export const me = z
  .object({
    id: z.uuid(),
    email: z.string(),
    fullName: z.string(),
    kind: z.enum(['individual', 'organisation']),
    iin: z.string().nullable(),
    bin: z.string().nullable(),
    organisationName: z.string().nullable(),
    phone: z.string().nullable(),
    locale,
    roles: z.array(role),
    court: court.nullable(),
    unreadNotifications: z.number().int(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

export const updateProfile = z.object({
  fullName: fullName.optional(),
  phone: z.union([z.literal('').transform(() => null), phone]).optional(),
  organisationName: z.string().trim().min(2, 'organisation_required').max(300, 'too_long').optional(),
  locale: locale.optional(),
});

export const changePassword = z.object({
  currentPassword: z.string('required').min(1, 'required'),
  newPassword: password,
});
export const passwordResetRequest = z.object({ email });
export const passwordResetConfirm = z.object({
  token: z.string('token_invalid').min(10).max(200),
  newPassword: password,
});
export const tokenQuery = z.object({ token: z.string().min(10).max(200) });

export const publicConfig = z
  .object({
    demo: z.boolean(),
    demoAccounts: z.array(z.object({ email: z.string(), password: z.string(), role })),
  })
  .meta({ id: 'PublicConfig' });

export const invitationRequest = z.object({
  email,
  role: grantableRole,
  courtId: z.uuid('invalid_format').optional(),
});
export const invitationView = z.object({
  email: z.string(),
  role: grantableRole,
  court: court.nullable(),
  inviterName: z.string(),
  expiresAt: z.string(),
});
export const acceptInvitation = z.object({ token: z.string().min(10).max(200) });

export const userSummary = z.object({
  id: z.uuid(),
  email: z.string(),
  fullName: z.string(),
  kind: z.enum(['individual', 'organisation']),
  roles: z.array(role),
  court: court.nullable(),
  createdAt: z.string(),
});
export const userList = z.object({ users: z.array(userSummary), total: z.number().int() });
export const userListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const revokeRole = z.object({ role: grantableRole });

export const notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationList = z.object({ notifications: z.array(notification), unread: z.number().int() });
export const markRead = z.object({ ids: z.array(z.uuid()).max(500).optional(), all: z.boolean().optional() });

export const outboxEntry = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  sentAt: z.string(),
});
export const outboxList = z.object({ messages: z.array(outboxEntry.omit({ text: true })) });
