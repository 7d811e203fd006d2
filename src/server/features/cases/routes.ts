import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvitation,
  caseCreated,
  caseInvitationView,
  caseList,
  caseListQuery,
  caseRequest,
  caseView as caseViewResponse,
  confirmContract,
  courtReferral,
  declineInvitation,
  ending,
  extension,
  mediatorAnswer,
  mediatorAnswerResult,
  mediatorChoice,
  rating,
  screeningAnswers,
  screeningResult,
  withdrawal,
} from '../../../contracts/cases.ts';
import { idParam, ok } from '../../../contracts/common.ts';
import { matchResult } from '../../../contracts/registry.ts';
import type { AppContext } from '../../context.ts';
import { fieldProblem } from '../../platform/errors.ts';
import type { Access } from '../../platform/http/access.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { referCase } from './court.ts';
import { answerScreening, createDraft, discardDraft, submitRequest, updateDraft } from './intake.ts';
import * as invitations from './invitations.ts';
import * as mediation from './mediation.ts';
import { caseSuggestions, caseView, listCases } from './queries.ts';

const tags = ['cases'];
const PARTIES = 'user' as const;
const tokenParam = z.object({ token: z.string().min(20, 'invalid_format').max(100, 'invalid_format') });

/** A client-chosen key (UUID or similar) that makes a retried create return the first result. */
const idempotencyKey = (request: FastifyRequest) => {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{8,100}$/.test(value))
    throw fieldProblem('idempotency-key', 'invalid_format');
  return value;
};

export const caseRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    /** Answers every case action with the case as the caller now sees it. */
    const view = (request: FastifyRequest, caseId: string) =>
      caseView(ctx, requirePrincipal(request), caseId, requestLocale(request));
    /** A case action: the case's id in the path, the case as the caller now sees it in the answer. */
    const action = <Body extends z.ZodType>(summary: string, body: Body, access: Access = PARTIES) => ({
      config: { access },
      schema: { tags, summary, params: idParam, body, response: { 200: caseViewResponse } },
    });

    // --- intake -----------------------------------------------------------------------------------
    app.post(
      '/api/cases',
      {
        config: { access: PARTIES },
        schema: {
          tags,
          summary: 'Start a request (a draft until submitted)',
          body: caseRequest,
          response: { 201: caseCreated, 200: caseCreated },
        },
      },
      async (request, reply) => {
        const result = await createDraft(
          ctx,
          requirePrincipal(request),
          request.body,
          idempotencyKey(request),
        );
        return reply.code(result.created ? 201 : 200).send({ id: result.id, number: result.number });
      },
    );
    app.patch(
      '/api/cases/:id',
      {
        config: { access: PARTIES },
        schema: {
          tags,
          summary: 'Save the draft',
          params: idParam,
          body: caseRequest,
          response: { 200: caseViewResponse },
        },
      },
      async (request) => {
        await updateDraft(ctx, requirePrincipal(request), request.params.id, request.body);
        return view(request, request.params.id);
      },
    );
    app.delete(
      '/api/cases/:id',
      {
        config: { access: PARTIES },
        schema: { tags, summary: 'Discard the draft', params: idParam, response: { 200: ok } },
      },
      async (request) => {
        await discardDraft(ctx, requirePrincipal(request), request.params.id);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/cases/:id/screening',
      {
        config: { access: PARTIES },
        schema: {
          tags,
          summary: 'Private family safety screening (R-FAM-02)',
          params: idParam,
          body: screeningAnswers,
          response: { 200: screeningResult },
        },
      },
      async (request) => answerScreening(ctx, requirePrincipal(request), request.params.id, request.body),
    );
    app.post(
      '/api/cases/:id/submit',
      {
        config: { access: PARTIES },
        schema: {
          tags,
          summary: 'Send the request to the other party',
          params: idParam,
          response: { 200: caseViewResponse },
        },
      },
      async (request) => {
        await submitRequest(ctx, requirePrincipal(request), request.params.id);
        return view(request, request.params.id);
      },
    );

    // --- dashboards and the case -----------------------------------------------------------------
    app.get(
      '/api/cases',
      {
        config: { access: PARTIES },
        schema: {
          tags,
          summary: 'My cases (party, mediator, court)',
          querystring: caseListQuery,
          response: { 200: caseList },
        },
      },
      async (request) => listCases(ctx, requirePrincipal(request), request.query),
    );
    app.get(
      '/api/cases/:id',
      {
        config: { access: PARTIES },
        schema: {
          tags,
          summary: 'A case as its participant sees it',
          params: idParam,
          response: { 200: caseViewResponse },
        },
      },
      async (request) => view(request, request.params.id),
    );
    app.get(
      '/api/cases/:id/suggestions',
      {
        config: { access: PARTIES },
        schema: {
          tags,
          summary: 'Mediators suggested for this case, with the reasons',
          params: idParam,
          response: { 200: matchResult },
        },
      },
      async (request) =>
        caseSuggestions(ctx, requirePrincipal(request), request.params.id, requestLocale(request)),
    );

    // --- invitation (R-MED-07/09/10) ---------------------------------------------------------------
    app.get(
      '/api/case-invitations/:token',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The proposal to mediate, as its recipient sees it',
          params: tokenParam,
          response: { 200: caseInvitationView },
        },
      },
      async (request) =>
        invitations.invitationView(ctx, request.params.token, request.principal, requestLocale(request)),
    );
    app.post(
      '/api/case-invitations/:token/accept',
      {
        config: { access: PARTIES },
        schema: {
          tags,
          summary: 'Accept the proposal (the account must be the invited IIN/BIN)',
          params: tokenParam,
          body: acceptInvitation,
          response: { 200: z.object({ caseId: z.uuid() }) },
        },
      },
      async (request) =>
        invitations.acceptInvitation(
          ctx,
          requirePrincipal(request),
          request.params.token,
          request.body.screening,
        ),
    );
    app.post(
      '/api/case-invitations/:token/decline',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Decline the proposal',
          params: tokenParam,
          body: declineInvitation,
          response: { 200: ok },
        },
      },
      async (request) =>
        invitations.declineInvitation(ctx, request.params.token, request.body.reason, request.principal),
    );

    // --- mediator, contract, term, ending ----------------------------------------------------------
    app.post(
      '/api/cases/:id/mediator-choice',
      action('Propose or approve a mediator', mediatorChoice),
      async (request) => {
        await mediation.chooseMediator(
          ctx,
          requirePrincipal(request),
          request.params.id,
          request.body.mediatorId,
        );
        return view(request, request.params.id);
      },
    );
    app.post(
      '/api/cases/:id/mediator-answer',
      {
        config: { access: ['mediator'] },
        schema: {
          tags,
          summary: 'The asked mediator declares conflicts and accepts or declines (R-MED-06)',
          params: idParam,
          body: mediatorAnswer,
          response: { 200: mediatorAnswerResult },
        },
      },
      async (request) => {
        const { status } = await mediation.answerAsMediator(
          ctx,
          requirePrincipal(request),
          request.params.id,
          request.body,
        );
        if (!request.body.accept) return { id: request.params.id, status, released: true as const };
        return view(request, request.params.id);
      },
    );
    app.post(
      '/api/cases/:id/contract/confirm',
      action('Confirm the mediation contract (R-MED-20)', confirmContract),
      async (request) => {
        await mediation.confirmContract(
          ctx,
          requirePrincipal(request),
          request.params.id,
          request.body.contractHash,
        );
        return view(request, request.params.id);
      },
    );
    app.post(
      '/api/cases/:id/extension',
      action('Record an extension agreed by all parties (R-MED-11)', extension, ['mediator']),
      async (request) => {
        await mediation.extendTerm(ctx, requirePrincipal(request), request.params.id, request.body);
        return view(request, request.params.id);
      },
    );
    app.post(
      '/api/cases/:id/ending',
      action('End the mediation: settled, not settled, terminated (R-MED-15)', ending, ['mediator']),
      async (request) => {
        await mediation.endMediation(ctx, requirePrincipal(request), request.params.id, request.body);
        return view(request, request.params.id);
      },
    );
    app.post(
      '/api/cases/:id/withdrawal',
      action('Leave the mediation (voluntariness, R-MED-06)', withdrawal),
      async (request) => {
        await mediation.withdraw(ctx, requirePrincipal(request), request.params.id, request.body.reason);
        return view(request, request.params.id);
      },
    );
    app.post(
      '/api/cases/:id/rating',
      action('Rate the mediator once the case has ended', rating),
      async (request) => {
        await mediation.rateMediator(ctx, requirePrincipal(request), request.params.id, request.body);
        return view(request, request.params.id);
      },
    );

    // --- court referrals (R-CPC-01/02) -------------------------------------------------------------
    app.post(
      '/api/court/referrals',
      {
        config: { access: ['court_user'] },
        schema: {
          tags,
          summary: 'Refer a pending court case to mediation',
          body: courtReferral,
          response: { 201: caseCreated, 200: caseCreated },
        },
      },
      async (request, reply) => {
        const result = await referCase(ctx, requirePrincipal(request), request.body, idempotencyKey(request));
        return reply.code(result.created ? 201 : 200).send({ id: result.id, number: result.number });
      },
    );
  };
