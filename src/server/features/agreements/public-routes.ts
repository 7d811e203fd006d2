import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { courtDecision, courtFilingSummary, verificationReport } from '../../../contracts/agreements.ts';
import { idParam } from '../../../contracts/common.ts';
import type { AppContext } from '../../context.ts';
import { Problem } from '../../platform/errors.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { courtFilings, courtPackage, decideFiling } from './court.ts';
import { verifyByHash, verifyUpload } from './verify.ts';

// Beyond the case's participants (issue 6): the public verification of a signed agreement (no
// login; rate-limited, it answers about signatures, never content) and the court's inbox of
// filings delivered inside Kelisim (court users of the receiving court only).

const MAX_PDF_BYTES = 30 * 1024 * 1024;
const COURT = ['court_user'] as const;

export const agreementPublicRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: MAX_PDF_BYTES },
      (_req, body, done) => done(null, body),
    );
    const limited = { rateLimit: { max: 30, timeWindow: '1 minute' } };

    app.get(
      '/api/verify/:hash',
      {
        config: { access: 'public', ...limited },
        schema: {
          tags: ['verify'],
          summary: 'Is this a Kelisim agreement, and who signed it: by its hash (QR) or its PDF’s SHA-256',
          params: z.object({ hash: z.string().max(128) }),
          response: { 200: verificationReport },
        },
      },
      async (request) => verifyByHash(ctx, request.params.hash.toLowerCase()),
    );
    app.post(
      '/api/verify',
      {
        config: { access: 'public', ...limited },
        bodyLimit: MAX_PDF_BYTES,
        schema: {
          tags: ['verify'],
          summary:
            'Verify an agreement PDF (the body, Content-Type application/pdf): every embedded signature',
          response: { 200: verificationReport },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0)
          throw new Problem(415, 'verify_pdf_required');
        return verifyUpload(ctx, new Uint8Array(request.body));
      },
    );
    app.get(
      '/api/court/filings',
      {
        config: { access: COURT },
        schema: {
          tags: ['court'],
          summary: 'Filings delivered to the caller’s court',
          response: { 200: z.array(courtFilingSummary) },
        },
      },
      async (request) => courtFilings(ctx, requirePrincipal(request)),
    );
    app.get(
      '/api/court/filings/:id/package.zip',
      {
        config: { access: COURT },
        schema: {
          tags: ['court'],
          summary: 'The filing package: agreement, signatures, attestation, metadata',
          params: idParam,
          response: { 200: z.any().describe('application/zip') },
        },
      },
      async (request, reply) => {
        const file = await courtPackage(ctx, requirePrincipal(request), request.params.id);
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="${file.name}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(file.bytes));
      },
    );
    app.post(
      '/api/court/filings/:id/decision',
      {
        config: { access: COURT },
        schema: {
          tags: ['court'],
          summary: 'Record the ruling: approval (with the state fee for the R-CPC-06 refund) or refusal',
          params: idParam,
          body: courtDecision,
          response: { 200: courtFilingSummary },
        },
      },
      async (request) => decideFiling(ctx, requirePrincipal(request), request.params.id, request.body),
    );
  };
