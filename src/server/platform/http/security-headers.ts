import type { FastifyInstance } from 'fastify';

// The security headers helmet would set, computed once: @fastify/helmet rebuilt its middleware on
// every request and was the largest single cost of a JSON answer (docs/benchmarks.md, api).
const CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "img-src 'self' data:",
  "object-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  // Swagger UI's page needs inline styles; nothing here needs inline scripts.
  "style-src 'self' 'unsafe-inline'",
  // NCALayer, the EDS signer citizens run on their own computer, listens on this local address
  // (issue 6); the browser may reach it and nothing else outside the site.
  "connect-src 'self' wss://127.0.0.1:13579",
].join(';');

/** Headers for every answer: what matters for JSON (no sniffing, no referrer, same-origin only). */
const EVERY_ANSWER = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/** Headers that protect pages a browser renders (the SPA, the API docs). */
const PAGES = {
  ...EVERY_ANSWER,
  'content-security-policy': CSP,
  'cross-origin-opener-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-frame-options': 'SAMEORIGIN',
  'x-dns-prefetch-control': 'off',
  'x-permitted-cross-domain-policies': 'none',
};

export const registerSecurityHeaders = (app: FastifyInstance, https: boolean) => {
  const hsts = https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {};
  const pages = { ...PAGES, ...hsts };
  const api = { ...EVERY_ANSWER, ...hsts };
  app.addHook('onRequest', (request, reply, done) => {
    const isApi = request.url.startsWith('/api/') && !request.url.startsWith('/api/docs');
    reply.headers(isApi ? api : pages);
    reply.header('x-request-id', request.id);
    done();
  });
};
