import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src/core/identity/roles.ts';
import { isAllowed } from '../src/server/platform/http/access.ts';
import { createTestApp, type TestApp } from './app.ts';
import { userWithRoles } from './factories.ts';

// Every route in the table, called as nobody and as each role alone: a route added without the
// right declaration, or whose declaration is not enforced, fails here.
let t: TestApp;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES)
    cookies.set(role, (await userWithRoles(t, role === 'party' ? [] : [role])).cookie);
});
afterAll(() => t.close());

const concrete = (url: string) =>
  url.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':role', 'mediator');

describe('route access table', () => {
  it('has routes, and every /api route declares who may call it', () => {
    expect(t.routes.length).toBeGreaterThan(10);
    for (const route of t.routes) expect(route.access, `${route.method} ${route.url}`).toBeDefined();
  });

  it('refuses every non-public route to a caller without a session', async () => {
    for (const route of t.routes.filter((r) => r.access !== 'public')) {
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it.each(ROLES)('lets a %s call exactly the routes declared for it', async (role) => {
    const cookie = cookies.get(role) as string;
    const roles = role === 'party' ? ['party' as const] : ['party' as const, role];
    // Logging out ends the session the other calls use, so it goes last.
    const ordered = [...t.routes].sort(
      (a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'),
    );
    for (const route of ordered) {
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        headers: { cookie },
        payload: route.method === 'GET' ? undefined : {},
      });
      const allowed = isAllowed(route.access, { roles } as never);
      const label = `${role} ${route.method} ${route.url} → ${response.statusCode}`;
      if (allowed) expect([401, 403], label).not.toContain(response.statusCode);
      else expect(response.statusCode, label).toBe(403);
    }
  });
});
