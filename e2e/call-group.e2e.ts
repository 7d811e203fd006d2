import { describe, expect, it } from 'vitest';
import { checkPage, chromiumMissing, PHONE } from './support/browser.ts';
import {
  callSuite,
  expectConnected,
  expectVideoPlays,
  joinCall,
  leaveCall,
  openRoom,
  type Person,
  participants,
  SLOW,
  tileOf,
  videoOf,
} from './support/call.ts';
import { say } from './support/pages.ts';

// Three in the joint room's call (issue 5; a mesh carries up to 5): the mediator (English) and the
// farm's representative (Russian, phone) with cameras, the party (Kazakh, phone) with sound only.
// Every pair connects — three peer connections — each sees the others listed; when the party
// leaves, the two who stay see it go and keep talking and seeing each other.

describe.skipIf(chromiumMissing)('a call of three', () => {
  const suite = callSuite();

  it('two parties and the mediator all connect pairwise; one leaves, the others stay connected', async () => {
    const partyTab = await suite.newPage({ ...PHONE, locale: 'kk-KZ' });
    const farmTab = await suite.newPage({ ...PHONE, locale: 'ru-RU', bypassCSP: true });
    const mediatorTab = await suite.newPage({ locale: 'en-GB' });
    const party = await openRoom(partyTab.page, 'party@demo.kelisim.kz', 'kk', 'Қазақша');
    const farm = await openRoom(farmTab.page, 'farm@demo.kelisim.kz', 'ru', 'Русский');
    const mediator = await openRoom(mediatorTab.page, 'mediator@demo.kelisim.kz', 'en', 'English');

    await joinCall(mediator, 'video');
    await joinCall(farm, 'video');
    await joinCall(party, 'audio-only');

    const everyone = [party, farm, mediator];
    const others = (viewer: Person) => everyone.filter((p) => p !== viewer);
    for (const viewer of everyone) {
      for (const other of others(viewer)) await expectConnected(viewer, other);
      // Me and the two others, each by name.
      expect(await participants(viewer).locator('li').count()).toBe(3);
      await participants(viewer)
        .locator('li[data-connection-state="self"]')
        .getByText(say(viewer.locale, 'web.room.call.me'))
        .waitFor();
      for (const other of others(viewer)) await tileOf(viewer, other).waitFor();
    }
    // The two with cameras see each other move; the party asked for sound only and gets no picture.
    await expectVideoPlays(videoOf(mediator, farm));
    await expectVideoPlays(videoOf(farm, mediator));
    expect(await participants(party).locator('video').count()).toBe(0);
    // The audio-only party's tile says so to the others.
    await tileOf(mediator, party)
      .getByText(say('en', 'web.room.call.audioOnlyShort'), { exact: false })
      .waitFor();
    await checkPage(farm.page, 'room-call-three-360-ru');

    // The party leaves: the two who stay see the tile go and the "in the call" line change …
    await leaveCall(party);
    await party.page.getByRole('button', { name: say('kk', 'web.room.call.join') }).waitFor();
    for (const [viewer, stays] of [
      [farm, mediator],
      [mediator, farm],
    ] as const) {
      await tileOf(viewer, party).waitFor({ ...SLOW, state: 'detached' });
      await viewer.page
        .getByText(say(viewer.locale, 'web.room.call.inCallNow', { names: stays.name }), { exact: true })
        .waitFor(SLOW);
      expect(await participants(viewer).locator('li').count()).toBe(2);
      // … and are still connected to each other, the picture still moving.
      await expectConnected(viewer, stays);
      await expectVideoPlays(videoOf(viewer, stays));
    }
    // The party, out of the call, still sees who is in it.
    const status = party.page
      .getByRole('region', { name: say('kk', 'web.room.call.title') })
      .getByRole('status');
    await expect
      .poll(() => status.textContent(), SLOW)
      .toMatch(new RegExp(`^${say('kk', 'web.room.call.inCallNow', { names: '.+' })}$`));
    for (const stays of [farm, mediator]) expect(await status.textContent()).toContain(stays.name);

    for (const { page, errors } of [partyTab, farmTab, mediatorTab]) {
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 300_000);
});
