import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Locale } from '../../src/core/identity/roles.ts';
import { launchBrowser, newPage } from './browser.ts';
import { activeCaseId, logIn, openCase, say } from './pages.ts';
import { startServer, type TestServer } from './server.ts';

// What the call tests (e2e/call*.e2e.ts) share: a server and a Chromium with a fake camera and
// microphone, opening the demo's running mediation, joining a call, and reading the call's tiles
// as a user reads them (by name, by words, by a picture that moves).

/** Patience for anything that crosses the network or WebRTC: generous, the machine may be loaded. */
export const SLOW = { timeout: 90_000 };

/**
 * Inside a `describe`: a server and a Chromium for the file. Fake microphone and camera, permission
 * granted without a prompt; candidates on loopback are allowed so the tests do not depend on the
 * machine's network interfaces (no STUN/TURN: everyone is on this host).
 */
export const callSuite = () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--allow-loopback-in-peer-connection',
      '--autoplay-policy=no-user-gesture-required',
    ]);
  });
  // A call test that fails because the server fell over is explained by the server's own words.
  afterEach((context) => {
    if (context.task.result?.state === 'fail' && server)
      console.error(`[e2e] server output of the failed test:\n${server.output().slice(-5_000)}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    newPage: (options: BrowserContextOptions) => {
      if (!server || !browser) throw new Error('the call suite has not started: use it inside a test');
      return newPage(browser, server.url, options);
    },
  };
};

export type Person = { page: Page; locale: Locale; name: string; caseId: string };

/** Logs in, opens the demo's active case in `language`, and waits for the call panel. */
export const openRoom = async (
  page: Page,
  email: string,
  locale: Locale,
  language: string,
): Promise<Person> => {
  await logIn(page, email);
  const caseId = await activeCaseId(page);
  await openCase(page, caseId, locale, language);
  await page.getByRole('heading', { level: 3, name: say(locale, 'web.room.call.title') }).waitFor();
  // The name the others see on this person's tile is the account's full name.
  const me = (await (await page.request.get('/api/me')).json()) as { fullName: string };
  return { page, locale, name: me.fullName, caseId };
};

/** Joins the shown room's call, with the camera (`video`) or in audio-only mode. */
export const joinCall = async ({ page, locale }: Person, mode: 'video' | 'audio-only') => {
  const audioOnly = page.getByRole('button', { name: say(locale, 'web.room.call.audioOnly') });
  // The default depends on the connection the browser reports: set the mode the test wants.
  if ((await audioOnly.getAttribute('aria-pressed')) !== String(mode === 'audio-only'))
    await audioOnly.click();
  expect(await audioOnly.getAttribute('aria-pressed')).toBe(String(mode === 'audio-only'));
  await page.getByRole('button', { name: say(locale, 'web.room.call.join') }).click();
  await page.getByRole('button', { name: say(locale, 'web.room.call.leave') }).waitFor(SLOW);
};

export const leaveCall = ({ page, locale }: Person) =>
  page.getByRole('button', { name: say(locale, 'web.room.call.leave') }).click();

export const participants = ({ page, locale }: Person) =>
  page.getByRole('list', { name: say(locale, 'web.room.call.participants') });

/** The tile of `other` on `viewer`'s page (by the name written on it). */
export const tileOf = (viewer: Person, other: Person) =>
  participants(viewer).locator('li').filter({ hasText: other.name });

/** `viewer` has a working connection to `other`: the tile says "connected", in its language. */
export const expectConnected = async (viewer: Person, other: Person) => {
  const tile = tileOf(viewer, other);
  await tile.and(viewer.page.locator('[data-connection-state="connected"]')).waitFor(SLOW);
  await tile.getByText(say(viewer.locale, 'web.room.call.connection.connected'), { exact: false }).waitFor();
};

/** The picture of `other` on `viewer`'s page, found by its accessible name. */
export const videoOf = (viewer: Person, other: Person) =>
  participants(viewer).getByLabel(say(viewer.locale, 'web.room.call.videoOf', { name: other.name }), {
    exact: true,
  });

/**
 * The picture really plays: it has a size, has data for the current frame, and new frames keep
 * being decoded (the fake camera's moving pattern arrives over WebRTC, not one frozen frame).
 */
export const expectVideoPlays = async (video: Locator) => {
  await video.waitFor(SLOW);
  const frames = () =>
    video.evaluate((element) => (element as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);
  const before = await frames();
  await expect
    .poll(
      () =>
        video.evaluate((element) => {
          const v = element as HTMLVideoElement;
          return { width: v.videoWidth > 0, data: v.readyState >= 2, playing: !v.paused };
        }),
      { ...SLOW, interval: 500 },
    )
    .toEqual({ width: true, data: true, playing: true });
  await expect.poll(frames, { ...SLOW, interval: 500 }).toBeGreaterThan(before + 5);
};

/** Every live frame `page` receives on its sockets, parsed; listen before the page opens the room. */
export const recordFrames = (page: Page) => {
  const frames: { type?: string; room?: string; caseId?: string }[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      try {
        frames.push(JSON.parse(String(payload)));
      } catch {
        // Not a JSON frame of ours: nothing to record.
      }
    }),
  );
  return frames;
};
