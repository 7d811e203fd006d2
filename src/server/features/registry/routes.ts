import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import {
  complaintDecision,
  complaintInput,
  documentKind,
  matchQuery,
  mediatorApplication,
  mediatorSearch,
  organisationInput,
  registryDecision,
  uploadedDocument,
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
    // --- public ---------------------------------------------------------------------------------
    app.get(
      '/api/registry/mediators',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Search listed mediators', querystring: mediatorSearch },
      },
      async (request) => searchMediators(ctx, requestLocale(request), request.query),
    );
    app.get(
      '/api/registry/mediators/:id',
      { config: { access: 'public' }, schema: { tags, params: idParam } },
      async (request) => mediatorProfile(ctx, requestLocale(request), request.params.id),
    );
    app.get(
      '/api/registry/match',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Rank mediators for a case, with the reasons', querystring: matchQuery },
      },
      async (request) => ({
        suggestions: await matchMediators(ctx, request.query),
      }),
    );
    app.get(
      '/api/registry/organisations',
      { config: { access: 'public' }, schema: { tags } },
      async (request) => ({
        organisations: await listOrganisations(ctx, requestLocale(request)),
      }),
    );
    app.get(
      '/api/registry/organisations/:id',
      { config: { access: 'public' }, schema: { tags, params: idParam } },
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
      { config: { access: 'user' }, schema: { tags, params: idParam } },
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
        },
      },
      async (request, reply) =>
        reply.code(201).send(await registry.applyAsMediator(ctx, requirePrincipal(request), request.body)),
    );
    app.get(
      '/api/registry/my-application',
      { config: { access: 'user' }, schema: { tags } },
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
          querystring: z.object({ status: z.enum(['pending', 'listed', 'closed']).default('pending') }),
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
      { config: { access: REGISTRY_ADMIN }, schema: { tags, params: idParam } },
      async (request) => entryForVerification(ctx, requestLocale(request), request.params.id),
    );
    app.post(
      '/api/registry/entries/:id/decision',
      { config: { access: REGISTRY_ADMIN }, schema: { tags, params: idParam, body: registryDecision } },
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
      { config: { access: REGISTRY_ADMIN }, schema: { tags, body: organisationInput } },
      async (request, reply) =>
        reply.code(201).send(await createOrganisation(ctx, requirePrincipal(request), request.body)),
    );

    // --- ethics complaints ------------------------------------------------------------------------
    app.post(
      '/api/registry/mediators/:id/complaints',
      { config: { access: 'user' }, schema: { tags, params: idParam, body: complaintInput } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await fileComplaint(ctx, requirePrincipal(request), request.params.id, request.body.text)),
    );
    app.get(
      '/api/registry/complaints',
      { config: { access: REGISTRY_ADMIN }, schema: { tags } },
      async () => ({ complaints: await complaintQueue(ctx) }),
    );
    app.post(
      '/api/registry/complaints/:id/decision',
      { config: { access: REGISTRY_ADMIN }, schema: { tags, params: idParam, body: complaintDecision } },
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
