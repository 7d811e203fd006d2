import { IntlMessageFormat } from 'intl-messageformat';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Locale } from '../../src/core/identity/roles.ts';
import { lookup, messages } from '../../src/locales/index.ts';

export const DEMO_PASSWORD = 'kelisim-demo-2026';

/** Logs in through the form (in whatever language the page speaks) and waits to leave /login. */
export const logIn = async (page: Page, email: string, password = DEMO_PASSWORD) => {
  if (!new URL(page.url()).pathname.startsWith('/login')) await page.goto('/login');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
};

/**
 * As a platform administrator in demo mode: opens the newest outbox email to `to` and returns
 * the first link in it (mail leaves after the transaction commits, so this polls a little).
 */
export const linkFromOutbox = async (adminPage: Page, to: string) => {
  let href: string | null = null;
  await expect
    .poll(
      async () => {
        const listed = adminPage.waitForResponse((r) => new URL(r.url()).pathname === '/api/admin/outbox');
        await adminPage.goto('/admin/outbox');
        await listed;
        await adminPage.locator('main ul, main [role="status"]').first().waitFor();
        const entry = adminPage.locator('main li').filter({ hasText: to }).first();
        if ((await entry.count()) === 0) return false;
        await entry.getByRole('link').click();
        const link = adminPage.locator('main pre a').first();
        await link.waitFor();
        href = await link.getAttribute('href');
        return true;
      },
      { timeout: 15_000, interval: 500 },
    )
    .toBe(true);
  if (!href) throw new Error(`no link in the email to ${to}`);
  return href as string;
};

export const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** The element that has keyboard focus is this one. */
export const isFocused = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => element === document.activeElement);

/** A message of the interface, formatted as the page formats it (texts may change; keys do not). */
export const say = (locale: Locale, key: string, values: Record<string, unknown> = {}) => {
  const text = lookup(messages[locale], key);
  if (text === undefined) throw new Error(`no message ${locale}:${key}`);
  return String(new IntlMessageFormat(text, locale).format(values));
};

/** The demo's running mediation, as the logged-in person of `page` lists it. */
export const activeCaseId = async (page: Page) => {
  const response = await page.request.get('/api/cases?status=open');
  const { cases } = (await response.json()) as { cases: { id: string; status: string }[] };
  const active = cases.find((c) => c.status === 'active');
  if (!active) throw new Error('the demo has no active case');
  return active.id;
};

/** Opens a case page in `language` (the switcher's label) and waits for its mediation room. */
export const openCase = async (page: Page, caseId: string, locale: Locale, language: string) => {
  await page.goto(`/cases/${caseId}`);
  await page.getByRole('button', { name: language }).click();
  await page.getByRole('heading', { level: 2, name: say(locale, 'web.room.title') }).waitFor();
};
