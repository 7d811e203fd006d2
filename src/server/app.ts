import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppContext, Platform } from './context.ts';
import { accountRoutes } from './features/accounts/routes.ts';
import { adminRoutes } from './features/admin/routes.ts';
import { agreementPublicRoutes } from './features/agreements/public-routes.ts';
import { agreementRoutes } from './features/agreements/routes.ts';
import { caseRoutes } from './features/cases/routes.ts';
import { explorerRoutes } from './features/explorer/routes.ts';
import { memberRoutes } from './features/members/routes.ts';
import { notificationRoutes } from './features/notifications/routes.ts';
import { registryRoutes } from './features/registry/routes.ts';
import { documentRoutes } from './features/room/document-routes.ts';
import { createRoomHub } from './features/room/hub.ts';
import { roomRoutes } from './features/room/routes.ts';
import { rtcRoutes } from './features/room/rtc-routes.ts';
import { scheduleRoutes } from './features/schedule/routes.ts';
import { signingRoutes } from './features/signing/routes.ts';
import { systemRoutes } from './features/system/routes.ts';
import { createSessionStore } from './platform/auth/sessions.ts';
import { Problem } from './platform/errors.ts';
import { registerAccessControl, registerOriginCheck } from './platform/http/access.ts';
import { registerErrorHandling } from './platform/http/errors.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { registerMetrics } from './platform/metrics.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
export const BODY_LIMIT = 1_048_576;

// Never log credentials: cookies and auth headers are dropped from request logs.
const LOG_REDACT = {
  paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  remove: true,
};

export type AppOptions = { logger?: FastifyServerOptions['logger']; webDist?: string | null };

/** Builds the HTTP application on a ready platform; used by main.ts and by tests through inject. */
export const buildApp = async (platform: Platform, options: AppOptions = {}) => {
  const app = Fastify({
    logger:
      typeof options.logger === 'object'
        ? { ...options.logger, redact: LOG_REDACT }
        : (options.logger ?? false),
    bodyLimit: BODY_LIMIT,
    trustProxy: platform.config.env.TRUST_PROXY === '1',
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const sessions = await createSessionStore(platform.database.db, platform.bus, platform.clock);
  const ctx: AppContext = { ...platform, db: platform.database.db, sessions, log: app.log };
  app.addHook('onClose', async () => sessions.close());

  await app.register(cookie);
  // A message is at most 10 000 characters (40 kB in UTF-8); anything far larger is not a frame of ours.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  registerSecurityHeaders(app, platform.config.publicUrl.startsWith('https://'));
  await app.register(rateLimit, {
    global: false,
    // With several nodes the budget is shared through Redis, otherwise each node counts alone.
    ...(platform.redis && { redis: platform.redis, nameSpace: 'kelisim:rate-limit:' }),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.ceil(context.ttl / 1000);
      return new Problem(429, 'rate_limited', { seconds }, [], { 'retry-after': String(seconds) });
    },
  });
  const webDist = options.webDist === undefined ? WEB_DIST : options.webDist;
  const spaIndexFile = webDist ? path.join(webDist, 'index.html') : null;
  const hasWeb = spaIndexFile !== null && fs.existsSync(spaIndexFile);
  // Read per page load (it is small): a rebuilt web app is served without a restart.
  registerErrorHandling(app, hasWeb ? () => fs.promises.readFile(spaIndexFile) : null);
  const routes = registerAccessControl(app, sessions);
  registerOriginCheck(app, platform.config.publicUrl);
  const metrics = registerMetrics(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Kelisim API',
        version: '0.1.0',
        description:
          'Online mediation platform of the Republic of Kazakhstan. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kelisim_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(systemRoutes(ctx, metrics));
  await app.register(accountRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  await app.register(adminRoutes(ctx));
  await app.register(registryRoutes(ctx));
  await app.register(explorerRoutes(ctx));
  await app.register(caseRoutes(ctx));
  await app.register(memberRoutes(ctx));
  await app.register(scheduleRoutes(ctx));
  await app.register(signingRoutes(ctx));
  await app.register(agreementRoutes(ctx));
  await app.register(agreementPublicRoutes(ctx));
  const hub = createRoomHub(ctx);
  app.addHook('onClose', async () => hub.close());
  await app.register(roomRoutes(ctx, hub));
  await app.register(rtcRoutes(ctx));
  await app.register(documentRoutes(ctx));

  // The built SPA's assets; any other page a browser asks for gets index.html (errors.ts).
  if (webDist && hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      // The build writes .br/.gz beside each file: a phone on 3G downloads a quarter of the bytes.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // Hashed asset names never change content: cache them for good; everything else briefly.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
        );
      },
    });
  }
  await app.ready();
  return { app, ctx, routes };
};
