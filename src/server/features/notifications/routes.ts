import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { markRead, notificationList } from '../../../contracts/accounts.ts';
import { ok } from '../../../contracts/common.ts';
import type { AppContext } from '../../context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { markNotificationsRead } from './commands.ts';
import { listNotifications } from './queries.ts';

export const notificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/notifications',
      {
        config: { access: 'user' },
        schema: { tags: ['notifications'], response: { 200: notificationList } },
      },
      async (request) => listNotifications(ctx, requirePrincipal(request).userId),
    );

    app.post(
      '/api/notifications/read',
      {
        config: { access: 'user' },
        schema: { tags: ['notifications'], body: markRead, response: { 200: ok } },
      },
      async (request) => {
        await markNotificationsRead(ctx, requirePrincipal(request).userId, request.body);
        return { ok: true as const };
      },
    );
  };
