import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { publicConfig } from '../../../contracts/accounts.ts';
import type { AppContext } from '../../context.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed.ts';

export const systemRoutes =
  (ctx: AppContext, metrics: Registry): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
      status: 'ok',
    }));

    app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      try {
        await ctx.database.ping();
        return { status: 'ready', database: ctx.database.engine };
      } catch (error) {
        ctx.log.warn({ err: error }, 'readiness check failed');
        return reply.code(503).send({ status: 'unavailable', database: ctx.database.engine });
      }
    });

    app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.type(metrics.contentType).send(await metrics.metrics()),
    );

    app.get(
      '/api/config',
      {
        config: { access: 'public' },
        schema: {
          tags: ['system'],
          summary: 'What the web app needs before login (demo accounts in demo mode only)',
          response: { 200: publicConfig },
        },
      },
      async () => ({
        demo: ctx.config.demo,
        demoAccounts: ctx.config.demo
          ? DEMO_ACCOUNTS.map((account) => ({
              email: account.email,
              password: DEMO_PASSWORD,
              role: account.role,
            }))
          : [],
      }),
    );

    app.get(
      '/api/openapi.json',
      { config: { access: 'public' }, schema: { hide: true, response: { 200: z.unknown() } } },
      async () => app.swagger(),
    );
  };
