import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { certificateRequest, issuedCertificate } from '../../../contracts/agreements.ts';
import { certificateSerialParam, platformCertificateList } from '../../../contracts/signing.ts';
import type { AppContext } from '../../context.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import { issuePlatformCertificate, revokePlatformCertificate } from './commands.ts';
import { certificatesOf } from './queries.ts';

// Platform keys (issue 6, "with a platform key"): any logged-in account may have its browser key
// certified and manage its own certificates; nobody sees another account's.

const tags = ['signing'];

export const signingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/signing/certificate',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary:
            "Certify the caller's browser key: a PKCS#10 request signed by it; the certificate names the account's full name and IIN",
          body: certificateRequest,
          response: { 201: issuedCertificate },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await issuePlatformCertificate(ctx, requirePrincipal(request), request.body.csr)),
    );
    app.get(
      '/api/signing/certificates',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: "The caller's platform key certificates, newest first",
          response: { 200: platformCertificateList },
        },
      },
      async (request) => certificatesOf(ctx.db, requirePrincipal(request).userId),
    );
    app.delete(
      '/api/signing/certificates/:serial',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Revoke one of the caller’s certificates (a lost or shared device); answers the list',
          params: certificateSerialParam,
          response: { 200: platformCertificateList },
        },
      },
      async (request) => revokePlatformCertificate(ctx, requirePrincipal(request), request.params.serial),
    );
  };
