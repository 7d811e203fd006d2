import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';

// The STUN/TURN servers for the room's calls (KELISIM_ICE_SERVERS). Only for signed-in people:
// TURN credentials relay media through our server and must not be handed to anyone who asks.

const iceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});

export const rtcRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/rtc-config',
      {
        config: { access: 'user' },
        schema: {
          tags: ['room'],
          summary: 'The STUN/TURN servers browsers use for audio/video calls',
          response: { 200: z.object({ iceServers: z.array(iceServer) }) },
        },
      },
      async (_request, reply) => {
        // Credentials may rotate with the configuration: never kept in a shared cache.
        reply.header('cache-control', 'private, no-store');
        return { iceServers: ctx.config.iceServers };
      },
    );
  };
