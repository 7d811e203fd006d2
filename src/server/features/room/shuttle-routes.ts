import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import {
  noteInput,
  noteParams,
  noteView,
  shuttleAnswer,
  shuttleParams,
  shuttleProposal,
  shuttleView,
} from '../../../contracts/room.ts';
import type { AppContext } from '../../context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { listNotes, saveNote } from './notes.ts';
import { answerShuttle, listShuttle, proposeShuttle } from './shuttle.ts';

const tags = ['room'];
const created = z.object({ id: z.string() });

/** The mediator's private notes and the shuttle statements: the case's mediator and parties only (else 404). */
export const shuttleRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cases/:id/notes',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: "The mediator's private notes (the mediator only)",
          params: idParam,
          response: { 200: z.array(noteView) },
        },
      },
      async (request) => listNotes(ctx, requirePrincipal(request), request.params.id),
    );
    app.post(
      '/api/cases/:id/notes',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Add a private note',
          params: idParam,
          body: noteInput,
          response: { 200: created },
        },
      },
      async (request) => saveNote(ctx, requirePrincipal(request), request.params.id, request.body.body),
    );
    app.put(
      '/api/cases/:id/notes/:noteId',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Rewrite a private note',
          params: noteParams,
          body: noteInput,
          response: { 200: created },
        },
      },
      async (request) =>
        saveNote(ctx, requirePrincipal(request), request.params.id, request.body.body, request.params.noteId),
    );

    app.get(
      '/api/cases/:id/shuttle',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Statements the mediator offers to carry between caucuses',
          params: idParam,
          response: { 200: z.array(shuttleView) },
        },
      },
      async (request) => listShuttle(ctx, requirePrincipal(request), request.params.id),
    );
    app.post(
      '/api/cases/:id/shuttle',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: "Propose to carry a statement to the other side (needs its author's approval)",
          params: idParam,
          body: shuttleProposal,
          response: { 200: created },
        },
      },
      async (request) => proposeShuttle(ctx, requirePrincipal(request), request.params.id, request.body),
    );
    app.post(
      '/api/cases/:id/shuttle/:statementId/answer',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Approve or decline carrying this exact text',
          params: shuttleParams,
          body: shuttleAnswer,
          response: { 200: z.object({ status: z.string() }) },
        },
      },
      async (request) =>
        answerShuttle(
          ctx,
          requirePrincipal(request),
          request.params.id,
          request.params.statementId,
          request.body,
        ),
    );
  };
