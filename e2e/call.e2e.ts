import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../src/core/identity/roles.ts';
import { checkPage, chromiumMissing, launchBrowser, newPage, PHONE } from './support/browser.ts';
import { logIn, say } from './support/pages.ts';
import { startServer, type TestServer } from './support/server.ts';

// The room's call (issue 5): the party (Kazakh, phone) and the mediator (English) join the joint
// room's call in audio-only mode, and Chromium's fake microphone reaches the other side over a
// real RTCPeerConnection negotiated through our live socket. No STUN/TURN: both are on this host.

const openRoom = async (page: Page, email: string, locale: Locale, language: string) => {
  await logIn(page, email);
  const response = await page.request.get('/api/cases?status=open');
  const { cases } = (await response.json()) as { cases: { id: string; status: string }[] };
  const active = cases.find((c) => c.status === 'active');
  if (!active) throw new Error('the demo has no active case');
  await page.goto(`/cases/${active.id}`);
  await page.getByRole('button', { name: language }).click();
  await page.getByRole('heading', { level: 3, name: say(locale, 'web.room.call.title') }).waitFor();
};

const joinAudioOnly = async (page: Page, locale: Locale) => {
  const audioOnly = page.getByRole('button', { name: say(locale, 'web.room.call.audioOnly') });
  if ((await audioOnly.getAttribute('aria-pressed')) !== 'true') await audioOnly.click();
  expect(await audioOnly.getAttribute('aria-pressed')).toBe('true');
  await page.getByRole('button', { name: say(locale, 'web.room.call.join') }).click();
  await page.getByRole('button', { name: say(locale, 'web.room.call.leave') }).waitFor();
};

const participants = (page: Page, locale: Locale) =>
  page.getByRole('list', { name: say(locale, 'web.room.call.participants') });

describe.skipIf(chromiumMissing)('the call in the mediation room', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    // Fake microphone and camera, permission granted without a prompt; candidates on loopback
    // are allowed so the test does not depend on the machine's network interfaces.
    browser = await launchBrowser([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--allow-loopback-in-peer-connection',
      '--autoplay-policy=no-user-gesture-required',
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const open = (options: BrowserContextOptions) =>
    newPage(browser as Browser, (server as TestServer).url, options);

  it('two browsers connect in audio-only mode through our signalling, mute shows, leaving ends it', async () => {
    const party = await open({ ...PHONE, locale: 'kk-KZ', bypassCSP: true });
    const mediator = await open({ locale: 'en-GB' });
    await openRoom(party.page, 'party@demo.kelisim.kz', 'kk', 'Қазақша');
    await openRoom(mediator.page, 'mediator@demo.kelisim.kz', 'en', 'English');
    // Nothing is recorded (R-MED-17): said before anyone joins.
    await party.page.getByText(say('kk', 'web.room.call.notRecorded')).waitFor();

    await joinAudioOnly(mediator.page, 'en');
    // The party, not yet in the call, sees who is.
    await party.page.getByText(/Қазір қоңырауда: .+/).waitFor({ timeout: 30_000 });
    await joinAudioOnly(party.page, 'kk');

    // A real peer connection, both ways, shown on the tile as data and as words.
    for (const [page, locale] of [
      [party.page, 'kk'],
      [mediator.page, 'en'],
    ] as const) {
      const list = participants(page, locale);
      await list.locator('li[data-connection-state="connected"]').waitFor({ timeout: 30_000 });
      await list.getByText(say(locale, 'web.room.call.connection.connected'), { exact: false }).waitFor();
      // Audio-only: the camera was never asked for, and no picture is shown.
      expect(await page.locator('video').count()).toBe(0);
      const videoTracks = await page.evaluate(() =>
        [...document.querySelectorAll('audio')].reduce(
          (n, el) => n + ((el.srcObject as MediaStream | null)?.getVideoTracks().length ?? 0),
          0,
        ),
      );
      expect(videoTracks).toBe(0);
    }
    // The fake microphone's tone arrives: the party's audio element plays a live audio track.
    const live = await party.page.evaluate(() =>
      [...document.querySelectorAll('audio')].some((el) =>
        (el.srcObject as MediaStream | null)?.getAudioTracks().some((t) => t.readyState === 'live'),
      ),
    );
    expect(live).toBe(true);

    // The party mutes: the button says so, and the mediator's tile shows it.
    const mute = party.page.getByRole('button', { name: say('kk', 'web.room.call.mute') });
    await mute.click();
    expect(await mute.getAttribute('aria-pressed')).toBe('true');
    await participants(mediator.page, 'en').getByText(say('en', 'web.room.call.muted')).waitFor();

    await checkPage(party.page, 'room-call-360-kk');

    // The mediator leaves: the party's call is empty again, and focus went back to "Join".
    await mediator.page.getByRole('button', { name: say('en', 'web.room.call.leave') }).click();
    await party.page.getByText(say('kk', 'web.room.call.nobodyInCall')).waitFor();
    const join = mediator.page.getByRole('button', { name: say('en', 'web.room.call.join') });
    expect(await join.evaluate((el) => el === document.activeElement)).toBe(true);

    for (const { page, errors } of [party, mediator]) {
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});
