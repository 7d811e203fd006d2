import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';

export const explorerRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async () => {};
