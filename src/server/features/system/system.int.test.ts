import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { individual, sessionCookie } from '../../../../test/factories.ts';
import { buildApp } from '../../app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('reports health, readiness with the engine in use, and Prometheus metrics', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toMatchObject({ status: 'ready' });
    await t.app.inject('/api/config');
    const metrics = await t.app.inject('/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(
      /kelisim_http_request_duration_seconds_count\{method="GET",route="\/api\/config",status="200"\} 1/,
    );
    expect(metrics.body).toContain('kelisim_process_cpu_user_seconds_total');
  });

  it('answers not ready (503) when the database is gone', async () => {
    const broken = {
      ...t.platform,
      database: { ...t.platform.database, ping: () => Promise.reject(new Error('down')) },
    };
    const { app } = await buildApp(broken, { webDist: null });
    expect((await app.inject('/readyz')).statusCode).toBe(503);
    await app.close();
  });

  it('publishes an OpenAPI document generated from the contracts, and a docs page', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/register',
        '/api/me',
        '/api/notifications',
        '/api/admin/invitations',
      ]),
    );
    expect(JSON.stringify(spec.paths['/api/auth/register'].post.requestBody)).toContain('iin');
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
  });

  it('lists demo accounts only in demo mode', async () => {
    expect((await t.app.inject('/api/config')).json().demoAccounts).toHaveLength(7);
    const production = { ...t.platform, config: { ...t.platform.config, demo: false } };
    const { app } = await buildApp(production, { webDist: null });
    expect((await app.inject('/api/config')).json()).toEqual({ demo: false, demoAccounts: [] });
    await app.close();
  });
});

describe('logs', () => {
  it('carry a request id and never a password or session token', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const { app } = await buildApp(t.platform, {
      webDist: null,
      logger: { level: 'trace', stream: sink },
    });
    const body = individual({ password: 'very-secret-password-123' });
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: body,
      headers: { 'x-request-id': 'req-abc-123' },
    });
    const token = sessionCookie(response).split('=')[1] as string;
    await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `kelisim_session=${token}` } });
    await app.close();
    const log = lines.join('');
    expect(response.headers['x-request-id']).toBe('req-abc-123');
    expect(log).toContain('"reqId":"req-abc-123"');
    expect(log).not.toContain('very-secret-password-123');
    expect(log).not.toContain(token);
  });
});

describe('serving the web app', () => {
  it('answers any page with index.html, serves pre-compressed assets and caches hashed ones for good', async () => {
    const { brotliCompressSync } = await import('node:zlib');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-web-'));
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Келісім</title>');
    const script = 'console.log("сәлем");'.repeat(50);
    fs.writeFileSync(path.join(webDist, 'assets', 'app-3f2a1c.js'), script);
    fs.writeFileSync(path.join(webDist, 'assets', 'app-3f2a1c.js.br'), brotliCompressSync(script));
    const { app } = await buildApp(t.platform, { webDist });

    const page = await app.inject({ url: '/profile', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Келісім');
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>rebuilt</title>');
    expect((await app.inject({ url: '/profile', headers: { accept: 'text/html' } })).body).toContain(
      'rebuilt',
    );

    const asset = await app.inject({ url: '/assets/app-3f2a1c.js', headers: { 'accept-encoding': 'br' } });
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/api/nothing', headers: { accept: 'text/html' } })).statusCode).toBe(
      404,
    );
    await app.close();
  });
});
