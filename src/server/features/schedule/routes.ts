import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import {
  sessionAnswer,
  sessionCounter,
  sessionList,
  sessionParams,
  sessionProposal,
} from '../../../contracts/schedule.ts';
import type { AppContext } from '../../context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { answerSession, cancelSession, counterSession, proposeSession } from './commands.ts';
import { listSessions, sessionCalendarFile } from './queries.ts';

// Sessions of a case (issue 5). Any logged-in account may call; who the caller is in the case
// (party, the case's mediator, or nobody → 404) is decided per case by the use cases. Every change
// answers with the sessions as the caller now sees them.

const tags = ['schedule'];
const PARTICIPANTS = 'user' as const;

export const scheduleRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const list = (request: FastifyRequest, caseId: string) =>
      listSessions(ctx, requirePrincipal(request), caseId);

    app.get(
      '/api/cases/:id/sessions',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'The sessions of a case the caller may see',
          params: idParam,
          response: { 200: sessionList },
        },
      },
      async (request) => list(request, request.params.id),
    );
    app.post(
      '/api/cases/:id/sessions',
      {
        config: { access: ['mediator'] },
        schema: {
          tags,
          summary: 'Propose a session (joint, or a caucus with one party)',
          params: idParam,
          body: sessionProposal,
          response: { 201: sessionList },
        },
      },
      async (request, reply) => {
        await proposeSession(ctx, requirePrincipal(request), request.params.id, request.body);
        return reply.code(201).send(await list(request, request.params.id));
      },
    );
    app.post(
      '/api/cases/:id/sessions/:sessionId/answer',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'Accept or decline a proposed time (the mediator: a party’s other time)',
          params: sessionParams,
          body: sessionAnswer,
          response: { 200: sessionList },
        },
      },
      async (request) => {
        const { id, sessionId } = request.params;
        await answerSession(ctx, requirePrincipal(request), id, sessionId, request.body.answer);
        return list(request, id);
      },
    );
    app.post(
      '/api/cases/:id/sessions/:sessionId/counter',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'Propose another time instead (a party)',
          params: sessionParams,
          body: sessionCounter,
          response: { 201: sessionList },
        },
      },
      async (request, reply) => {
        const { id, sessionId } = request.params;
        await counterSession(ctx, requirePrincipal(request), id, sessionId, request.body);
        return reply.code(201).send(await list(request, id));
      },
    );
    app.post(
      '/api/cases/:id/sessions/:sessionId/cancel',
      {
        config: { access: ['mediator'] },
        schema: {
          tags,
          summary: 'Cancel a proposed or confirmed session (the mediator)',
          params: sessionParams,
          response: { 200: sessionList },
        },
      },
      async (request) => {
        const { id, sessionId } = request.params;
        await cancelSession(ctx, requirePrincipal(request), id, sessionId);
        return list(request, id);
      },
    );
    app.get(
      '/api/cases/:id/sessions/:sessionId/calendar.ics',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'The calendar file (iCalendar) of a confirmed session',
          params: sessionParams,
          response: { 200: z.string().describe('text/calendar') },
        },
      },
      async (request, reply) => {
        const { id, sessionId } = request.params;
        const file = await sessionCalendarFile(
          ctx,
          requirePrincipal(request),
          id,
          sessionId,
          requestLocale(request),
        );
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'attachment; filename="kelisim-session.ics"')
          .header('cache-control', 'no-store')
          .send(file);
      },
    );
  };
