import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { explorerAnswers, explorerResult } from '../../../contracts/explorer.ts';
import { exploreDispute, kazakhstanYear } from '../../../core/cases/explorer.ts';
import type { AppContext } from '../../context.ts';

const tags = ['explorer'];

export const explorerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // The public page runs the same engine in the browser; this route serves other clients
    // (and keeps the answer the same on both sides: one function, one contract).
    app.post(
      '/api/explorer',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Can this dispute be mediated? The answer with the rules that decided it',
          body: explorerAnswers,
          response: { 200: explorerResult },
        },
      },
      async (request) => exploreDispute(request.body, { year: kazakhstanYear(ctx.clock.now()) }),
    );
  };
