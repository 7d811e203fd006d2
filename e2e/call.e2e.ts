import { describe, expect, it } from 'vitest';
import { checkPage, chromiumMissing, PHONE } from './support/browser.ts';
import {
  callSuite,
  expectConnected,
  expectVideoPlays,
  joinCall,
  leaveCall,
  openRoom,
  participants,
  SLOW,
  tileOf,
  videoOf,
} from './support/call.ts';
import { say } from './support/pages.ts';

// The joint room's call between two browsers (issue 5): the party (Kazakh, phone) and the
// mediator (English). Chromium's fake microphone and camera reach the other side over a real
// RTCPeerConnection negotiated through our live socket — once with sound only, once with video.

describe.skipIf(chromiumMissing)('the call in the mediation room', () => {
  const suite = callSuite();

  it('two browsers connect in audio-only mode through our signalling, mute shows, leaving ends it', async () => {
    const partyTab = await suite.newPage({ ...PHONE, locale: 'kk-KZ', bypassCSP: true });
    const mediatorTab = await suite.newPage({ locale: 'en-GB' });
    const party = await openRoom(partyTab.page, 'party@demo.kelisim.kz', 'kk', 'Қазақша');
    const mediator = await openRoom(mediatorTab.page, 'mediator@demo.kelisim.kz', 'en', 'English');
    // Nothing is recorded (R-MED-17): said before anyone joins.
    await party.page.getByText(say('kk', 'web.room.call.notRecorded')).waitFor();

    await joinCall(mediator, 'audio-only');
    // The party, not yet in the call, sees who is.
    await party.page.getByText(say('kk', 'web.room.call.inCallNow', { names: mediator.name })).waitFor(SLOW);
    await joinCall(party, 'audio-only');

    // A real peer connection, both ways, shown on the tile as data and as words.
    for (const [viewer, other] of [
      [party, mediator],
      [mediator, party],
    ] as const) {
      await expectConnected(viewer, other);
      // Audio-only: the camera was never asked for, and no picture is shown.
      expect(await viewer.page.locator('video').count()).toBe(0);
      const videoTracks = await viewer.page.evaluate(() =>
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
    await tileOf(mediator, party).getByText(say('en', 'web.room.call.muted')).waitFor(SLOW);

    await checkPage(party.page, 'room-call-360-kk');

    // The mediator leaves: the party's call is empty again, and focus went back to "Join".
    await leaveCall(mediator);
    await party.page.getByText(say('kk', 'web.room.call.nobodyInCall')).waitFor(SLOW);
    const join = mediator.page.getByRole('button', { name: say('en', 'web.room.call.join') });
    expect(await join.evaluate((el) => el === document.activeElement)).toBe(true);

    for (const { page, errors } of [partyTab, mediatorTab]) {
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 180_000);

  it('with cameras on each sees the other move; a camera switched off says so, switched on plays again', async () => {
    const partyTab = await suite.newPage({ ...PHONE, locale: 'kk-KZ', bypassCSP: true });
    const mediatorTab = await suite.newPage({ locale: 'en-GB' });
    const party = await openRoom(partyTab.page, 'party@demo.kelisim.kz', 'kk', 'Қазақша');
    const mediator = await openRoom(mediatorTab.page, 'mediator@demo.kelisim.kz', 'en', 'English');

    await joinCall(mediator, 'video');
    await joinCall(party, 'video');
    await expectConnected(party, mediator);
    await expectConnected(mediator, party);

    // Each page shows the other's picture, named after them, and it moves: frames keep arriving.
    await expectVideoPlays(videoOf(party, mediator));
    await expectVideoPlays(videoOf(mediator, party));
    // The party also sees their own camera, as on any video call.
    await participants(party).getByLabel(say('kk', 'web.room.call.videoMine'), { exact: true }).waitFor();
    // Video tiles fit a 360 px phone and pass axe.
    await checkPage(party.page, 'room-call-video-360-kk');

    // The party switches the camera off: the mediator's tile says so in words and shows no picture.
    const camera = party.page.getByRole('button', { name: say('kk', 'web.room.call.cameraOff') });
    await camera.click();
    expect(await camera.getAttribute('aria-pressed')).toBe('true');
    const partyTile = tileOf(mediator, party);
    await partyTile.getByText(say('en', 'web.room.call.cameraIsOff'), { exact: false }).waitFor(SLOW);
    await videoOf(mediator, party).waitFor({ ...SLOW, state: 'detached' });
    // The party's own tile says it too; the mediator's picture still plays on the party's phone.
    await participants(party)
      .locator('li[data-connection-state="self"]')
      .getByText(say('kk', 'web.room.call.cameraIsOff'), { exact: false })
      .waitFor();
    await expectVideoPlays(videoOf(party, mediator));

    // On again: the picture comes back on the mediator's page and moves, without rejoining.
    await camera.click();
    expect(await camera.getAttribute('aria-pressed')).toBe('false');
    await expectVideoPlays(videoOf(mediator, party));
    await partyTile.getByText(say('en', 'web.room.call.cameraIsOff'), { exact: false }).waitFor({
      ...SLOW,
      state: 'detached',
    });
    await expectConnected(mediator, party);

    for (const { page, errors } of [partyTab, mediatorTab]) {
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 240_000);
});
