import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreementApproval,
  agreementComment,
  agreementQuery,
  agreementTerms,
  agreementView,
  filingRequest,
  newAgreementVersion,
  signatureSubmission,
  signingPrepared,
  signingRequest,
} from '../../../contracts/agreements.ts';
import { idParam } from '../../../contracts/common.ts';
import type { AppContext } from '../../context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { approveVersion, commentOn, createAgreement, proposeVersion } from './commands.ts';
import { evidencePackage, filingPackageForParty } from './evidence-download.ts';
import { consentToFiling, requestFiling } from './filing.ts';
import { agreementPdf, getAgreement } from './queries.ts';
import { prepareSigning, submitSignature } from './signing.ts';

// The agreement of a case (issue 6). Any logged-in account may call; who the caller is in the case
// (a party itself, its representative, the mediator, or nobody → 404) is decided per case by
// policy.ts, so a stranger learns nothing. Every change answers with the agreement as the caller
// now sees it.

const tags = ['agreements'];
const PARTICIPANTS = 'user' as const;

const download = (reply: FastifyReply, type: string, name: string, bytes: Uint8Array) =>
  reply
    .type(type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(bytes));

export const agreementRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const view = (request: FastifyRequest, caseId: string) =>
      getAgreement(ctx, requirePrincipal(request), caseId, requestLocale(request));
    const change = { 201: agreementView };

    app.get(
      '/api/cases/:id/agreement',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary:
            'The agreement of a case: a version (the latest by default), history, approvals, signatures',
          params: idParam,
          querystring: agreementQuery,
          response: { 200: agreementView },
        },
      },
      async (request) =>
        getAgreement(
          ctx,
          requirePrincipal(request),
          request.params.id,
          requestLocale(request),
          request.query.version,
        ),
    );
    app.post(
      '/api/cases/:id/agreement',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'Draft the agreement (version 1), from terms the builder started from the template',
          params: idParam,
          body: z.object({ terms: agreementTerms }),
          response: change,
        },
      },
      async (request, reply) => {
        await createAgreement(ctx, requirePrincipal(request), request.params.id, request.body.terms);
        return reply.code(201).send(await view(request, request.params.id));
      },
    );
    app.post(
      '/api/cases/:id/agreement/versions',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'Propose a new version',
          params: idParam,
          body: newAgreementVersion,
          response: change,
        },
      },
      async (request, reply) => {
        await proposeVersion(ctx, requirePrincipal(request), request.params.id, request.body);
        return reply.code(201).send(await view(request, request.params.id));
      },
    );
    app.post(
      '/api/cases/:id/agreement/comments',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'Comment on a version',
          params: idParam,
          body: agreementComment,
          response: change,
        },
      },
      async (request, reply) => {
        await commentOn(ctx, requirePrincipal(request), request.params.id, request.body);
        return reply.code(201).send(await view(request, request.params.id));
      },
    );
    app.post(
      '/api/cases/:id/agreement/approve',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'Approve the latest version by its hash; the last approval freezes it',
          params: idParam,
          body: agreementApproval,
          response: { 200: agreementView },
        },
      },
      async (request) => {
        await approveVersion(ctx, requirePrincipal(request), request.params.id, request.body);
        return view(request, request.params.id);
      },
    );
    app.get(
      '/api/cases/:id/agreement/pdf',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'The frozen agreement as a PDF, with the signatures made so far',
          params: idParam,
          response: { 200: z.any().describe('application/pdf') },
        },
      },
      async (request, reply) => {
        const file = await agreementPdf(ctx, requirePrincipal(request), request.params.id);
        return download(reply, 'application/pdf', file.name, file.bytes);
      },
    );
    app.post(
      '/api/cases/:id/agreement/signing',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'The bytes to sign: the byte range of the next PAdES revision of the PDF',
          params: idParam,
          body: signingRequest,
          response: { 200: signingPrepared },
        },
      },
      async (request) => prepareSigning(ctx, requirePrincipal(request), request.params.id),
    );
    app.post(
      '/api/cases/:id/agreement/signatures',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'Submit a detached CMS over the prepared bytes; verified, then embedded in the PDF',
          params: idParam,
          body: signatureSubmission,
          response: { 200: agreementView },
        },
      },
      async (request) => {
        await submitSignature(ctx, requirePrincipal(request), request.params.id, request.body);
        return view(request, request.params.id);
      },
    );
    app.get(
      '/api/cases/:id/agreement/evidence.zip',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'The evidence package (R-SG-02): signed PDF, CMS files, platform attestation, manifest',
          params: idParam,
          response: { 200: z.any().describe('application/zip') },
        },
      },
      async (request, reply) => {
        const file = await evidencePackage(ctx, requirePrincipal(request), request.params.id);
        return download(reply, 'application/zip', file.name, file.bytes);
      },
    );
    app.post(
      '/api/cases/:id/agreement/filing',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'Ask a court to approve the signed agreement (a party; its consent is given with it)',
          params: idParam,
          body: filingRequest,
          response: change,
        },
      },
      async (request, reply) => {
        await requestFiling(ctx, requirePrincipal(request), request.params.id, request.body);
        return reply.code(201).send(await view(request, request.params.id));
      },
    );
    app.post(
      '/api/cases/:id/agreement/filing/consent',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'Consent to the filing (the other party); the last consent files it',
          params: idParam,
          response: { 200: agreementView },
        },
      },
      async (request) => {
        await consentToFiling(ctx, requirePrincipal(request), request.params.id);
        return view(request, request.params.id);
      },
    );
    app.get(
      '/api/cases/:id/agreement/filing/package.zip',
      {
        config: { access: PARTICIPANTS },
        schema: {
          tags,
          summary: 'The filing package as delivered, for manual e-filing',
          params: idParam,
          response: { 200: z.any().describe('application/zip') },
        },
      },
      async (request, reply) => {
        const file = await filingPackageForParty(ctx, requirePrincipal(request), request.params.id);
        return download(reply, 'application/zip', file.name, file.bytes);
      },
    );
  };
