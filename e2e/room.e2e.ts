import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../src/core/identity/roles.ts';
import { checkPage, chromiumMissing, PHONE } from './support/browser.ts';
import { activeCaseId, logIn, openCase, say } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

// The mediation room of the demo's running mediation, three people in three browsers: the party
// (Kazakh, phone), the farm's representative (Russian, phone on a weak 256 kbit/s line) and the
// mediator (English). Joint messages reach everyone; a caucus reaches its party and the mediator
// only (R-MED-17), and a statement crosses caucuses only with its author's approval; a message written offline is kept and sent when the connection is back; a
// document posted to the joint room shows its progress and reaches the others.

const openRoom = async (page: Page, email: string, locale: Locale, language: string) => {
  await logIn(page, email);
  const caseId = await activeCaseId(page);
  await openCase(page, caseId, locale, language);
  return caseId;
};

const sendMessage = async (page: Page, locale: Locale, text: string) => {
  await page.getByLabel(say(locale, 'web.room.compose'), { exact: true }).fill(text);
  await page.getByRole('button', { name: say(locale, 'web.room.send'), exact: true }).click();
};

const messageList = (page: Page, locale: Locale) =>
  page.getByRole('list', { name: say(locale, 'web.room.messages') });

describe.skipIf(chromiumMissing)('the mediation room in the browser', () => {
  const suite = browserSuite();

  it('joint messages reach everyone, a caucus only its party and the mediator, offline text is kept', async () => {
    const party = await suite.newPage({ ...PHONE, locale: 'kk-KZ', bypassCSP: true });
    const farm = await suite.newPage({ ...PHONE, locale: 'ru-RU' });
    const mediator = await suite.newPage({ locale: 'en-GB' });
    await openRoom(party.page, 'party@demo.kelisim.kz', 'kk', 'Қазақша');
    await openRoom(mediator.page, 'mediator@demo.kelisim.kz', 'en', 'English');

    // The farm's representative is on a weak mobile line: 256 kbit/s, 400 ms round trip.
    const cdp = await farm.context.newCDPSession(farm.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: (256 * 1024) / 8,
      uploadThroughput: (256 * 1024) / 8,
    });
    await openRoom(farm.page, 'farm@demo.kelisim.kz', 'ru', 'Русский');

    // Joint room: the party writes; the other two see it, with the author's name.
    await sendMessage(party.page, 'kk', 'Сәлеметсіз бе! Төлем кестесін талқылайық.');
    for (const [page, locale] of [
      [farm.page, 'ru'],
      [mediator.page, 'en'],
    ] as const)
      await messageList(page, locale).getByText('Төлем кестесін талқылайық').waitFor();
    await sendMessage(farm.page, 'ru', 'Здравствуйте. Мы готовы платить частями.');
    await messageList(party.page, 'kk').getByText('Мы готовы платить частями').waitFor();

    // The party's caucus: only the mediator reads it.
    await party.page.getByRole('button', { name: say('kk', 'web.room.myCaucus') }).click();
    const secret = 'Медиаторға ғана: 6 айлық бөліп төлеуге келісемін.';
    await sendMessage(party.page, 'kk', secret);
    // The mediator opens the caucus named after the party, as the case names it.
    const caseId = new URL(party.page.url()).pathname.split('/').at(-1) as string;
    const rooms = await (await party.page.request.get(`/api/cases/${caseId}/rooms`)).json();
    const caucusPartyId = rooms.rooms.find((r: { kind: string }) => r.kind === 'caucus').partyId;
    const view = await (await party.page.request.get(`/api/cases/${caseId}`)).json();
    const partyName = view.parties.find((p: { id: string }) => p.id === caucusPartyId).fullName;
    await mediator.page
      .getByRole('button', { name: say('en', 'web.room.caucusWith', { name: partyName }) })
      .click();
    await messageList(mediator.page, 'en').getByText(secret).waitFor({ timeout: 30_000 });
    // Shuttle: the mediator offers to carry a line to the farm; it crosses only once the party approves.
    const carried = 'Тарап 6 ай ішінде бөліп төлеуді ұсынады.';
    await mediator.page.getByLabel(/Text you offer to carry to/).fill(carried);
    await mediator.page.getByRole('button', { name: say('en', 'web.room.shuttle.ask') }).click();
    await party.page.reload();
    await party.page.getByRole('button', { name: say('kk', 'web.room.myCaucus') }).click();
    await party.page.getByText(carried).waitFor();
    await party.page.getByRole('button', { name: say('kk', 'web.room.shuttle.approve') }).click();
    await party.page.getByText(say('kk', 'web.room.shuttle.status.approved')).waitFor();
    await farm.page.getByRole('button', { name: say('ru', 'web.room.myCaucus') }).click();
    await messageList(farm.page, 'ru').getByText(carried).waitFor({ timeout: 30_000 });

    // The farm has its own caucus, never the party's, and the secret appears nowhere on its page.
    expect(await farm.page.getByText(secret).count()).toBe(0);
    await farm.page.getByRole('button', { name: say('ru', 'web.room.joint') }).click();
    expect(await farm.page.getByText(secret).count()).toBe(0);

    // Offline: what is typed is kept, and sent once the line is back.
    await party.page.getByRole('button', { name: say('kk', 'web.room.joint') }).click();
    await mediator.page.getByRole('button', { name: say('en', 'web.room.joint') }).click();
    await party.context.setOffline(true);
    await party.page.evaluate(() => window.dispatchEvent(new Event('offline')));
    const offlineText = 'Байланыс үзілгенде жазылған хабар';
    await sendMessage(party.page, 'kk', offlineText);
    await messageList(party.page, 'kk').getByText(offlineText).waitFor();
    await party.context.setOffline(false);
    await party.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await messageList(mediator.page, 'en').getByText(offlineText).waitFor({ timeout: 30_000 });
    // Nothing is left waiting once the server has it (the tick may already say delivered or read).
    await expect
      .poll(() => messageList(party.page, 'kk').getByText(say('kk', 'web.room.tick.queued')).count(), {
        timeout: 30_000,
      })
      .toBe(0);

    // A document posted to the joint room: progress, then a link for everyone in the room.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const progress = party.page.getByRole('progressbar', { name: say('kk', 'web.room.documents.progress') });
    await party.page
      .getByLabel(say('kk', 'web.room.documents.attach'), { exact: true })
      .setInputFiles({ name: 'kesteme.pdf', mimeType: 'application/pdf', buffer: pdf });
    await progress.waitFor();
    const download = say('en', 'web.room.documents.downloadName', { name: 'kesteme.pdf' });
    await mediator.page.getByRole('link', { name: download }).waitFor({ timeout: 30_000 });
    const fetched = await mediator.page.request.get(
      (await mediator.page.getByRole('link', { name: download }).getAttribute('href')) as string,
    );
    expect(fetched.headers()['content-type']).toContain('application/pdf');
    await checkPage(party.page, 'room-joint-360-kk');
    for (const { page, errors } of [party, farm, mediator]) {
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 300_000);
});
