import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvitation,
  court,
  invitationRequest,
  invitationView,
  outboxEntry,
  outboxList,
  revokeRole,
  tokenQuery,
  userList,
  userListQuery,
} from '../../../contracts/accounts.ts';
import { grantableRole, idParam, ok } from '../../../contracts/common.ts';
import type { AppContext } from '../../context.ts';
import { Problem } from '../../platform/errors.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { outboxDir } from '../../platform/mail/index.ts';
import { listOutbox, readOutboxEntry } from '../../platform/mail/outbox.ts';
import * as admin from './commands.ts';
import { listCourts, listUsers, viewInvitation } from './queries.ts';

const PLATFORM_ADMIN = ['platform_admin'] as const;

export const adminRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/courts',
      {
        config: { access: 'public' },
        schema: { tags: ['courts'], response: { 200: z.object({ courts: z.array(court) }) } },
      },
      async (request) => ({
        courts: await listCourts(ctx, requestLocale(request)),
      }),
    );

    app.get(
      '/api/admin/users',
      {
        config: { access: PLATFORM_ADMIN },
        schema: { tags: ['admin'], querystring: userListQuery, response: { 200: userList } },
      },
      async (request) => listUsers(ctx, requestLocale(request), request.query),
    );

    app.post(
      '/api/admin/invitations',
      {
        config: { access: PLATFORM_ADMIN },
        schema: {
          tags: ['admin'],
          summary: 'Invite an email address to a privileged role',
          body: invitationRequest,
          response: { 201: ok },
        },
      },
      async (request, reply) => {
        await admin.inviteToRole(ctx, requirePrincipal(request), request.body);
        return reply.code(201).send({ ok: true as const });
      },
    );

    app.delete(
      '/api/admin/users/:id/roles/:role',
      {
        config: { access: PLATFORM_ADMIN },
        schema: { tags: ['admin'], params: idParam.extend({ role: grantableRole }), response: { 200: ok } },
      },
      async (request) => {
        await admin.revokeRole(ctx, requirePrincipal(request), request.params.id, request.params.role);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/invitations',
      {
        config: { access: 'public' },
        schema: {
          tags: ['admin'],
          summary: 'What an invitation link offers',
          querystring: tokenQuery,
          response: { 200: invitationView },
        },
      },
      async (request) => viewInvitation(ctx, request.query.token, requestLocale(request)),
    );

    app.post(
      '/api/invitations/accept',
      {
        config: { access: 'user' },
        schema: {
          tags: ['admin'],
          body: acceptInvitation,
          response: { 200: z.object({ role: revokeRole.shape.role }) },
        },
      },
      async (request) => ({
        role: (await admin.acceptInvitation(ctx, requirePrincipal(request), request.body.token)).role,
      }),
    );

    // The mail outbox is a demo-mode convenience: in production mail leaves over SMTP.
    const requireDemo = () => {
      if (!ctx.config.demo) throw new Problem(404, 'demo_only');
    };
    app.get(
      '/api/admin/outbox',
      { config: { access: PLATFORM_ADMIN }, schema: { tags: ['admin'], response: { 200: outboxList } } },
      async () => {
        requireDemo();
        const messages = await listOutbox(outboxDir(ctx.config.dataDir));
        return { messages: messages.map(({ text: _text, ...rest }) => rest) };
      },
    );
    app.get(
      '/api/admin/outbox/:id',
      {
        config: { access: PLATFORM_ADMIN },
        schema: {
          tags: ['admin'],
          params: z.object({ id: z.string().max(80) }),
          response: { 200: outboxEntry },
        },
      },
      async (request) => {
        requireDemo();
        const entry = await readOutboxEntry(outboxDir(ctx.config.dataDir), request.params.id);
        if (!entry) throw new Problem(404, 'not_found');
        return entry;
      },
    );
  };
