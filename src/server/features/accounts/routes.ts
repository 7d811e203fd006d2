import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePassword,
  loginRequest,
  me,
  passwordResetConfirm,
  passwordResetRequest,
  registerRequest,
  tokenQuery,
  updateProfile,
} from '../../../contracts/accounts.ts';
import { ok } from '../../../contracts/common.ts';
import type { AppContext } from '../../context.ts';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import * as accounts from './commands.ts';

// Abuse-prone routes get a per-address budget on top of the per-account password counter.
const throttled = (max: number) => ({ rateLimit: { max, timeWindow: '15 minutes' } });

export const accountRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const secure = ctx.config.publicUrl.startsWith('https://');
    const setSessionCookie = (reply: FastifyReply, token: string) =>
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
      });

    const sendMe = async (token: string) => {
      const account = await ctx.sessions.me(token);
      if (!account) throw new Problem(401, 'unauthenticated');
      return account;
    };

    app.post(
      '/api/auth/register',
      {
        config: { access: 'public', ...throttled(30) },
        schema: {
          tags: ['accounts'],
          summary: 'Register as an individual or an organisation representative',
          body: registerRequest,
          response: { 201: me },
        },
      },
      async (request, reply) => {
        const { session } = await accounts.register(ctx, request.body, requestLocale(request));
        setSessionCookie(reply, session.token);
        return reply.code(201).send(await sendMe(session.token));
      },
    );

    app.post(
      '/api/auth/login',
      {
        config: { access: 'public', ...throttled(100) },
        schema: { tags: ['accounts'], body: loginRequest, response: { 200: me } },
      },
      async (request, reply) => {
        const { session } = await accounts.login(ctx, request.body.email, request.body.password, request.ip);
        setSessionCookie(reply, session.token);
        return sendMe(session.token);
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { access: 'user' }, schema: { tags: ['accounts'], response: { 200: ok } } },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        await accounts.logout(ctx, principal.userId, principal.sessionHash);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/me',
      { config: { access: 'user' }, schema: { tags: ['accounts'], response: { 200: me } } },
      async (request) => sendMe(request.cookies[SESSION_COOKIE] ?? ''),
    );

    app.patch(
      '/api/me',
      {
        config: { access: 'user' },
        schema: {
          tags: ['accounts'],
          summary: 'Edit the profile or the interface language',
          body: updateProfile,
          response: { 200: me },
        },
      },
      async (request) => {
        await accounts.updateProfile(ctx, requirePrincipal(request).userId, request.body);
        return sendMe(request.cookies[SESSION_COOKIE] ?? '');
      },
    );

    app.post(
      '/api/me/password',
      {
        config: { access: 'user', ...throttled(30) },
        schema: { tags: ['accounts'], body: changePassword, response: { 200: ok } },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        await accounts.changePassword(
          ctx,
          principal.userId,
          principal.sessionHash,
          request.body.currentPassword,
          request.body.newPassword,
        );
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/password-reset',
      {
        config: { access: 'public', ...throttled(10) },
        schema: {
          tags: ['accounts'],
          summary: 'Email a one-time reset link (same answer whether or not the account exists)',
          body: passwordResetRequest,
          response: { 202: ok },
        },
      },
      async (request, reply) => {
        await accounts.requestPasswordReset(ctx, request.body.email);
        return reply.code(202).send({ ok: true as const });
      },
    );

    app.get(
      '/api/auth/password-reset',
      {
        config: { access: 'public', ...throttled(60) },
        schema: {
          tags: ['accounts'],
          summary: 'Is this reset link still usable? (before the person types a new password)',
          querystring: tokenQuery,
          response: { 200: z.object({ expiresAt: z.string() }) },
        },
      },
      async (request) => ({
        expiresAt: (
          await accounts.usableToken(ctx, request.query.token, 'password_reset')
        ).expiresAt.toISOString(),
      }),
    );

    app.post(
      '/api/auth/password-reset/confirm',
      {
        config: { access: 'public', ...throttled(30) },
        schema: { tags: ['accounts'], body: passwordResetConfirm, response: { 200: ok } },
      },
      async (request) => {
        await accounts.confirmPasswordReset(ctx, request.body.token, request.body.newPassword);
        return { ok: true as const };
      },
    );
  };
