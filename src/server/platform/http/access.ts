import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../../../core/identity/roles.ts';
import { type Principal, SESSION_COOKIE, type SessionStore } from '../auth/sessions.ts';
import { Problem } from '../errors.ts';

/**
 * Who may call a route — every /api route must declare one (the app refuses to start otherwise):
 *   'public'         anyone, logged in or not
 *   'user'           any logged-in account
 *   Role[]           a logged-in account holding at least one of these roles
 * Finer, per-object decisions (party of this case…) live in each feature's policy.ts.
 */
export type Access = 'public' | 'user' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const requirePrincipal = (request: FastifyRequest): Principal => {
  if (!request.principal) throw new Problem(401, 'unauthenticated');
  return request.principal;
};

export const isAllowed = (access: Access, principal: Principal | null) => {
  if (access === 'public') return true;
  if (!principal) return false;
  if (access === 'user') return true;
  return access.some((role) => principal.roles.includes(role));
};

export type DeclaredRoute = { method: string; url: string; access: Access };

/** Returns the table of declared routes (filled as routes register), for the route-access test. */
export const registerAccessControl = (app: FastifyInstance, sessions: SessionStore): DeclaredRoute[] => {
  const declared: DeclaredRoute[] = [];
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (access === undefined)
      throw new Error(`route ${route.method} ${url} does not declare who may call it (config.access)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') declared.push({ method, url, access });
  });

  // Decided before the body is even parsed: a caller without access learns nothing about validation.
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await sessions.resolve(token) : null;
    request.principal = session?.principal ?? null;
    const access = request.routeOptions.config.access;
    if (access === undefined || isAllowed(access, request.principal)) return;
    throw new Problem(request.principal ? 403 : 401, request.principal ? 'forbidden' : 'unauthenticated');
  });
  return declared;
};

/**
 * Refuses state-changing requests whose Origin is another site (cookies are SameSite=Lax, this
 * closes the remaining gaps). Requests without Origin (curl, server-to-server) pass: they carry no
 * ambient browser credentials of a victim.
 */
export const registerOriginCheck = (app: FastifyInstance, publicUrl: string) => {
  // Synchronous: it runs on every request and needs no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    const origin = request.headers.origin;
    // A WebSocket opens with a GET but carries the user's cookie into a live channel: checked too.
    const upgrade = request.headers.upgrade?.toLowerCase() === 'websocket';
    const safe = ['GET', 'HEAD', 'OPTIONS'].includes(request.method) && !upgrade;
    if (safe || !origin || origin === publicUrl || origin === `${request.protocol}://${request.host}`)
      return done();
    done(new Problem(403, 'origin_mismatch'));
  });
};
