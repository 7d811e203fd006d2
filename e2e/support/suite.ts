import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newPage } from './browser.ts';
import { startServer, type TestServer } from './server.ts';

/**
 * A browser test file's setup, inside its `describe`: a real server (its own database) and one
 * Chromium for all its tests, started before them and closed after. The getters throw when used
 * outside a test (before they exist).
 */
export const browserSuite = () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const started = () => {
    if (!server || !browser) throw new Error('the browser suite has not started: use it inside a test');
    return { server, browser };
  };

  return {
    get browser() {
      return started().browser;
    },
    /** The server's base address (http://127.0.0.1:port). */
    get url() {
      return started().server.url;
    },
    /** A page in a fresh context (own cookies and storage) on this suite's server. */
    newPage: (options?: BrowserContextOptions) => newPage(started().browser, started().server.url, options),
  };
};
