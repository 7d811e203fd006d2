import { describe, expect, it } from 'vitest';
import { chromiumMissing, PHONE } from './support/browser.ts';
import {
  callSuite,
  expectConnected,
  expectVideoPlays,
  joinCall,
  openRoom,
  participants,
  recordFrames,
  SLOW,
  videoOf,
} from './support/call.ts';
import { say } from './support/pages.ts';

// A private video call in a caucus (issue 5, R-MED-17): the mediator calls the party in the
// party's caucus 'caucus:<partyId>'; they see and hear each other. The other party (the farm's
// representative), in the same case at the same time and itself in the joint room's call, learns
// nothing of it: no tile, no name, and not one frame about that caucus reaches its browser.

type Frame = { type?: string; room?: string };

describe.skipIf(chromiumMissing)('a call in a caucus', () => {
  const suite = callSuite();

  it('the mediator and one party talk privately; the other party cannot see or join it', async () => {
    const partyTab = await suite.newPage({ ...PHONE, locale: 'kk-KZ' });
    const farmTab = await suite.newPage({ ...PHONE, locale: 'ru-RU' });
    const mediatorTab = await suite.newPage({ locale: 'en-GB' });
    // Every frame each browser receives, from before its first socket opens.
    const farmFrames = recordFrames(farmTab.page) as Frame[];
    const mediatorFrames = recordFrames(mediatorTab.page) as Frame[];

    // The farm waits in the joint room's call, with its camera on.
    const farm = await openRoom(farmTab.page, 'farm@demo.kelisim.kz', 'ru', 'Русский');
    await joinCall(farm, 'video');
    const party = await openRoom(partyTab.page, 'party@demo.kelisim.kz', 'kk', 'Қазақша');
    const mediator = await openRoom(mediatorTab.page, 'mediator@demo.kelisim.kz', 'en', 'English');
    // In the joint room the party sees the farm's representative in that call (the control case).
    await party.page.getByText(say('kk', 'web.room.call.inCallNow', { names: farm.name })).waitFor(SLOW);

    // The party's caucus, as the case names it: 'caucus:<partyId>'.
    const { rooms } = (await (await party.page.request.get(`/api/cases/${party.caseId}/rooms`)).json()) as {
      rooms: { room: string; kind: string; partyId?: string }[];
    };
    const caucus = rooms.find((r) => r.kind === 'caucus');
    if (!caucus?.partyId) throw new Error('the party has no caucus');
    const view = (await (await party.page.request.get(`/api/cases/${party.caseId}`)).json()) as {
      parties: { id: string; fullName: string }[];
    };
    const partyName = view.parties.find((p) => p.id === caucus.partyId)?.fullName ?? '';

    // The mediator opens the call in that caucus; the party, in its caucus, sees it and joins.
    const caucusTitle = (locale: 'kk' | 'en') =>
      ({ level: 3, name: say(locale, 'web.room.call.titleCaucus') }) as const;
    await mediator.page
      .getByRole('button', { name: say('en', 'web.room.caucusWith', { name: partyName }) })
      .click();
    await mediator.page.getByRole('heading', caucusTitle('en')).waitFor();
    await joinCall(mediator, 'video');
    await party.page.getByRole('button', { name: say('kk', 'web.room.myCaucus') }).click();
    await party.page.getByRole('heading', caucusTitle('kk')).waitFor();
    await party.page.getByText(say('kk', 'web.room.call.inCallNow', { names: mediator.name })).waitFor(SLOW);
    await joinCall(party, 'video');

    await expectConnected(party, mediator);
    await expectConnected(mediator, party);
    await expectVideoPlays(videoOf(party, mediator));
    await expectVideoPlays(videoOf(mediator, party));
    // Only the two of them are in it: the farm, still in the joint call, is not listed.
    for (const person of [party, mediator]) {
      expect(await participants(person).locator('li').count()).toBe(2);
      expect(await participants(person).getByText(farm.name).count()).toBe(0);
    }

    // The farm's page: its joint call still has nobody else, no tile, no name, no picture.
    await farm.page.getByText(say('ru', 'web.room.call.nobodyInCall')).waitFor();
    expect(await participants(farm).locator('li').count()).toBe(1);
    const farmCall = farm.page.getByRole('region', { name: say('ru', 'web.room.call.title') });
    for (const other of [party, mediator]) {
      expect(await farmCall.getByText(other.name).count()).toBe(0);
      expect(await videoOf(farm, other).count()).toBe(0);
    }
    // Not a frame about the caucus reached the farm's browser, while the mediator's received the
    // call's signals there (so the recording works, and those signals really flowed).
    const aboutCaucus = (frames: Frame[]) => frames.filter((f) => f.room === caucus.room);
    expect(aboutCaucus(mediatorFrames).filter((f) => f.type === 'signal').length).toBeGreaterThan(0);
    expect(farmFrames.filter((f) => f.type === 'presence').length).toBeGreaterThan(0);
    expect(aboutCaucus(farmFrames)).toEqual([]);

    // The farm has no way into that caucus: its rooms are the joint room and its own caucus, and
    // its own caucus's call is empty.
    const nav = farm.page.getByRole('navigation', { name: say('ru', 'web.room.rooms') });
    expect(await nav.getByRole('button').count()).toBe(2);
    await nav.getByRole('button', { name: say('ru', 'web.room.myCaucus') }).click();
    await farm.page
      .getByRole('heading', { level: 3, name: say('ru', 'web.room.call.titleCaucus') })
      .waitFor();
    await farm.page.getByText(say('ru', 'web.room.call.nobodyInCall')).waitFor();
    expect(aboutCaucus(farmFrames)).toEqual([]);
    // Still connected, the private call went on meanwhile.
    await expectConnected(mediator, party);

    for (const { page, errors } of [partyTab, farmTab, mediatorTab]) {
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 240_000);
});
