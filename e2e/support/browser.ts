import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './server.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'e2e/screenshots');

/**
 * True when the browser tests cannot run here. Missing Chromium fails the run on CI (a silently
 * skipped browser suite is worse than a red build); on a developer machine the suite is skipped
 * with a message saying why.
 */
export const chromiumMissing = (() => {
  if (fs.existsSync(CHROMIUM)) return false;
  const message = `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) to run the browser tests.`;
  if (process.env.CI) throw new Error(message);
  console.warn(`\n[e2e] SKIPPED: ${message}\n`);
  return true;
})();

/** `extraArgs`: flags one suite needs, e.g. fake camera and microphone for the call test. */
export const launchBrowser = (extraArgs: string[] = []): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...extraArgs,
    ],
  });

export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
};
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** A page in a fresh context (own cookies and storage); the server's CSP stays on unless axe needs it off. */
export const newPage = async (browser: Browser, baseURL: string, options: BrowserContextOptions = {}) => {
  const context = await browser.newContext({ baseURL, ...DESKTOP, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
};

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type AxeResults = {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
};

/**
 * Runs axe-core on the page and fails on any serious or critical violation, listing each with
 * the elements concerned. The page's context must be created with `bypassCSP: true` (the server's
 * CSP forbids injected scripts, rightly).
 */
export const expectNoSeriousAxeViolations = async (page: Page) => {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run(),
  );
  const serious = (results as AxeResults).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const report = serious
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes
          .map(
            (node) =>
              `    ${JSON.stringify(node.target)} ${node.failureSummary?.replaceAll('\n', ' ') ?? ''}`,
          )
          .join('\n')}`,
    )
    .join('\n');
  expect(serious, `axe violations on ${page.url()}:\n${report}`).toEqual([]);
};

export const screenshot = async (page: Page, name: string) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
};

/** No sideways scrolling at this width: everything fits the screen. */
export const expectNoHorizontalScroll = async (page: Page) => {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `page ${page.url()} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
};

/** The page fits the screen, has no serious accessibility problem, and is photographed for review. */
export const checkPage = async (page: Page, name: string) => {
  await expectNoHorizontalScroll(page);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, name);
};
