import { describe, expect, it } from 'vitest';
import { checkPage, chromiumMissing, PHONE } from './support/browser.ts';
import { kzId } from './support/ids.ts';
import { activeCaseId, DEMO_PASSWORD, logIn, openCase, say } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

// A party's representative in the browser (R-MED-15, R-MED-17): the party (Kazakh, phone) names
// a lawyer on the case page; the lawyer (Russian, phone) registers, finds the case open to them,
// sees the joint room and the party's own private room only, and writes in the joint room on the
// party's behalf — the party reads it under "representative of …".

describe.skipIf(chromiumMissing)('representatives in the browser', () => {
  const suite = browserSuite();

  it('a party names its representative, who then speaks for it in the joint room and sees no other caucus', async () => {
    const party = await suite.newPage({ ...PHONE, locale: 'kk-KZ' });
    const lawyer = await suite.newPage({ ...PHONE, locale: 'ru-RU', bypassCSP: true });
    const lawyerIin = kzId('8503123', 4242);

    await logIn(party.page, 'party@demo.kelisim.kz');
    const caseId = await activeCaseId(party.page);
    await openCase(party.page, caseId, 'kk', 'Қазақша');
    const form = (key: string) => party.page.getByLabel(say('kk', `web.members.representative.${key}`));
    await form('fullName').fill('Сергей Петрович Ким');
    await form('iin').fill(lawyerIin);
    await form('powerOfAttorney').fill('№ 15-2026, 20.11.2026');
    await party.page.getByRole('button', { name: say('kk', 'web.members.representative.save') }).click();
    await party.page.getByText(say('kk', 'web.members.representative.saved')).waitFor();

    const registered = await lawyer.page.request.post('/api/auth/register', {
      data: {
        kind: 'individual',
        fullName: 'Сергей Петрович Ким',
        email: 'lawyer@example.kz',
        password: DEMO_PASSWORD,
        iin: lawyerIin,
        locale: 'ru',
      },
    });
    // Registering logs the new account in (the context's cookie jar has the session).
    expect(registered.status()).toBe(201);
    await openCase(lawyer.page, caseId, 'ru', 'Русский');
    const partyName = ((await (await party.page.request.get('/api/me')).json()) as { fullName: string })
      .fullName;
    await lawyer.page
      .getByText(say('ru', 'web.members.representative.youRepresent', { party: partyName }))
      .waitFor();
    // The joint room and the party's own private room, nothing of the other party's.
    await lawyer.page.getByRole('button', { name: say('ru', 'web.room.joint') }).waitFor();
    await lawyer.page.getByRole('button', { name: say('ru', 'web.room.myCaucus') }).waitFor();
    expect(await lawyer.page.getByRole('button', { name: /^Конфиденциально: / }).count()).toBe(0);
    await checkPage(lawyer.page, 'case-representative-360-ru');

    await lawyer.page.getByLabel(say('ru', 'web.room.compose'), { exact: true }).fill('Доверитель согласен');
    await lawyer.page.getByRole('button', { name: say('ru', 'web.room.send'), exact: true }).click();
    const list = party.page.getByRole('list', { name: say('kk', 'web.room.messages') });
    const said = list.getByRole('listitem').filter({ hasText: 'Доверитель согласен' });
    await said.waitFor({ timeout: 60_000 });
    expect(await said.textContent()).toContain(
      say('kk', 'web.members.label.representative', { party: partyName }),
    );
  }, 300_000);
});
