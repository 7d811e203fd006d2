import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  caseMembersView,
  interpreterInput,
  interpreterParams,
  representativeInput,
} from '../../../contracts/case-members.ts';
import { idParam } from '../../../contracts/common.ts';
import type { AppContext } from '../../context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { addInterpreter, removeInterpreter, removeRepresentative, setRepresentative } from './commands.ts';
import { membersView } from './queries.ts';

// Representatives and interpreters of a case (R-MED-15). Who may call: any account for reading and
// for a party's own representative (parties hold no role; policy.ts decides per case), the
// mediator role for interpreters. Every answer is the members as the caller now sees them.

const tags = ['cases'];
const response = { 200: caseMembersView };

export const memberRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cases/:id/members',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: "The case's representatives and interpreters, and how the room labels them",
          params: idParam,
          response,
        },
      },
      async (request) => membersView(ctx, requirePrincipal(request), request.params.id),
    );
    app.put(
      '/api/cases/:id/representative',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: "Name or change the caller's own representative (the party itself only)",
          params: idParam,
          body: representativeInput,
          response,
        },
      },
      async (request) => setRepresentative(ctx, requirePrincipal(request), request.params.id, request.body),
    );
    app.delete(
      '/api/cases/:id/representative',
      {
        config: { access: 'user' },
        schema: { tags, summary: "Remove the caller's own representative", params: idParam, response },
      },
      async (request) => removeRepresentative(ctx, requirePrincipal(request), request.params.id),
    );
    app.post(
      '/api/cases/:id/interpreters',
      {
        config: { access: ['mediator'] },
        schema: {
          tags,
          summary: 'Add an interpreter to the joint room (the case’s mediator, while it runs)',
          params: idParam,
          body: interpreterInput,
          response,
        },
      },
      async (request) => addInterpreter(ctx, requirePrincipal(request), request.params.id, request.body),
    );
    app.delete(
      '/api/cases/:id/interpreters/:interpreterId',
      {
        config: { access: ['mediator'] },
        schema: { tags, summary: 'Remove an interpreter', params: interpreterParams, response },
      },
      async (request) =>
        removeInterpreter(ctx, requirePrincipal(request), request.params.id, request.params.interpreterId),
    );
  };
