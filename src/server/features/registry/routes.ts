import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import {
  complaintDecision,
  complaintDecisionResult,
  complaintInput,
  complaintQueue as complaintQueueResponse,
  created,
  decisionResult,
  documentKind,
  matchQuery,
  matchResult,
  mediatorApplication,
  mediatorProfile as mediatorProfileResponse,
  mediatorSearch,
  mediatorSearchResult,
  myApplication,
  organisationInput,
  organisationList,
  organisationPage as organisationPageResponse,
  queueQuery,
  registryDecision,
  registryEntry,
  uploadedDocument,
  verificationQueue as verificationQueueResponse,
} from '../../../contracts/registry.ts';
import type { AppContext } from '../../context.ts';
import { fieldProblem, Problem } from '../../platform/errors.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import * as registry from './commands.ts';
import { complaintQueue, createOrganisation, decideComplaint, fileComplaint } from './complaints.ts';
import { MAX_REGISTRY_UPLOAD_BYTES, readRegistryDocument, storeRegistryDocument } from './documents.ts';
import {
  entryForVerification,
  listOrganisations,
  matchMediators,
  mediatorProfile,
  myEntry,
  organisationPage,
  searchMediators,
  verificationQueue,
} from './queries.ts';

const REGISTRY_ADMIN = ['registry_admin'] as const;
const tags = ['registry'];

export const registryRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Only these routes take uploads, so only they pay for multipart parsing.
    await app.register(multipart, { limits: { fileSize: MAX_REGISTRY_UPLOAD_BYTES, files: 1, fields: 10 } });
    // --- public ---------------------------------------------------------------------------------
    app.get(
      '/api/registry/mediators',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Search listed mediators',
          querystring: mediatorSearch,
          response: { 200: mediatorSearchResult },
        },
      },
      async (request) => searchMediators(ctx, requestLocale(request), request.query),
    );
    app.get(
      '/api/registry/mediators/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A listed mediator',
          params: idParam,
          response: { 200: mediatorProfileResponse },
        },
      },
      async (request) => mediatorProfile(ctx, requestLocale(request), request.params.id),
    );
    app.get(
      '/api/registry/match',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Rank mediators for a case, with the reasons',
          querystring: matchQuery,
          response: { 200: matchResult },
        },
      },
      async (request) => ({
        suggestions: await matchMediators(ctx, request.query, 10, requestLocale(request)),
      }),
    );
    app.get(
      '/api/registry/organisations',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Organisations of mediators', response: { 200: organisationList } },
      },
      async (request) => ({
        organisations: await listOrganisations(ctx, requestLocale(request)),
      }),
    );
    app.get(
      '/api/registry/organisations/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'An organisation of mediators and its listed mediators',
          params: idParam,
          response: { 200: organisationPageResponse },
        },
      },
      async (request) => organisationPage(ctx, requestLocale(request), request.params.id),
    );

    // --- applicants -----------------------------------------------------------------------------
    app.post(
      '/api/registry/documents',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Upload a diploma or certificate (PDF, JPEG or PNG, at most 10 MB)',
          response: { 201: uploadedDocument },
        },
      },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        if (!request.isMultipart()) throw new Problem(415, 'unsupported_media_type');
        const file = await request.file({ limits: { fileSize: MAX_REGISTRY_UPLOAD_BYTES, files: 1 } });
        if (!file) throw fieldProblem('file', 'required');
        const kind = documentKind.safeParse((file.fields.kind as { value?: unknown } | undefined)?.value);
        let bytes: Buffer;
        try {
          bytes = await file.toBuffer();
        } catch {
          throw fieldProblem('file', 'file_too_large', {
            megabytes: MAX_REGISTRY_UPLOAD_BYTES / 1024 / 1024,
          });
        }
        if (!kind.success) throw fieldProblem('kind', 'invalid_value');
        return reply
          .code(201)
          .send(await storeRegistryDocument(ctx, principal, kind.data, file.filename, bytes));
      },
    );
    app.get(
      '/api/registry/documents/:id',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'An uploaded document (PDF, JPEG or PNG): its owner and registry administrators only',
          params: idParam,
        },
      },
      async (request, reply) => {
        const { document, bytes } = await readRegistryDocument(
          ctx,
          requirePrincipal(request),
          request.params.id,
        );
        return reply
          .type(document.contentType)
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(document.filename)}`)
          .header('cache-control', 'private, no-store')
          .send(bytes);
      },
    );
    app.post(
      '/api/registry/applications',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Apply to the registry, or answer a request for more',
          body: mediatorApplication,
          response: { 201: created },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await registry.applyAsMediator(ctx, requirePrincipal(request), request.body)),
    );
    app.get(
      '/api/registry/my-application',
      {
        config: { access: 'user' },
        schema: { tags, summary: 'My registry entry, if any', response: { 200: myApplication } },
      },
      async (request) => ({
        entry: await myEntry(ctx, requestLocale(request), requirePrincipal(request).userId),
      }),
    );

    // --- registry administrators ----------------------------------------------------------------
    app.get(
      '/api/registry/queue',
      {
        config: { access: REGISTRY_ADMIN },
        schema: {
          tags,
          summary: 'Entries to verify (pending), listed or closed',
          querystring: queueQuery,
          response: { 200: verificationQueueResponse },
        },
      },
      async (request) => {
        const statuses = {
          pending: ['submitted', 'needs_info'],
          listed: ['approved', 'suspended'],
          closed: ['refused', 'excluded'],
        } as const;
        return { entries: await verificationQueue(ctx, [...statuses[request.query.status]]) };
      },
    );
    app.get(
      '/api/registry/entries/:id',
      {
        config: { access: REGISTRY_ADMIN },
        schema: { tags, summary: 'An entry to verify', params: idParam, response: { 200: registryEntry } },
      },
      async (request) => entryForVerification(ctx, requestLocale(request), request.params.id),
    );
    app.post(
      '/api/registry/entries/:id/decision',
      {
        config: { access: REGISTRY_ADMIN },
        schema: {
          tags,
          summary: 'Decide on an entry (REGISTRY_TRANSITIONS)',
          params: idParam,
          body: registryDecision,
          response: { 200: decisionResult },
        },
      },
      async (request) =>
        registry.decideOnEntry(
          ctx,
          requirePrincipal(request),
          request.params.id,
          request.body.decision,
          'reason' in request.body ? request.body.reason : undefined,
        ),
    );
    app.post(
      '/api/registry/organisations',
      {
        config: { access: REGISTRY_ADMIN },
        schema: {
          tags,
          summary: 'Record an organisation of mediators',
          body: organisationInput,
          response: { 201: created },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createOrganisation(ctx, requirePrincipal(request), request.body)),
    );

    // --- ethics complaints ------------------------------------------------------------------------
    app.post(
      '/api/registry/mediators/:id/complaints',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'File an ethics complaint about a mediator',
          params: idParam,
          body: complaintInput,
          response: { 201: created },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await fileComplaint(ctx, requirePrincipal(request), request.params.id, request.body.text)),
    );
    app.get(
      '/api/registry/complaints',
      {
        config: { access: REGISTRY_ADMIN },
        schema: { tags, summary: 'Open ethics complaints', response: { 200: complaintQueueResponse } },
      },
      async () => ({ complaints: await complaintQueue(ctx) }),
    );
    app.post(
      '/api/registry/complaints/:id/decision',
      {
        config: { access: REGISTRY_ADMIN },
        schema: {
          tags,
          summary: 'Uphold or dismiss an ethics complaint',
          params: idParam,
          body: complaintDecision,
          response: { 200: complaintDecisionResult },
        },
      },
      async (request) =>
        decideComplaint(
          ctx,
          requirePrincipal(request),
          request.params.id,
          request.body.outcome,
          request.body.reasons,
        ),
    );
  };
