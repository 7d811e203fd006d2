import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../src/core/identity/roles.ts';
import { checkPage, chromiumMissing, PHONE } from './support/browser.ts';
import { kzId } from './support/ids.ts';
import { lang, linkFromOutbox, logIn, say } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

// Issue 4's whole path in a real Chromium against a real server, three people on three phones:
// party A (Kazakh) files a request from the explorer, party B (Russian) accepts the emailed
// invitation, both choose the demo mediator, who declares no conflict and accepts; all three
// confirm the contract and the case runs with 30 days left (R-MED-07, R-MED-11).

const unique = Date.now() % 100_000;

/** A valid IIN of a man born on 15 January 1990: the invited party. */
const invitedIin = () => kzId('9001153', unique % 9000);

const A_NAME = 'Айгерім Сейітқызы Нұрланова';
const B_NAME = 'Ерлан Асқарұлы Бекенов';
/** The demo mediator account (mediator@demo.kelisim.kz): civil disputes, North Kazakhstan, kk and ru. */
const MEDIATOR = 'Гүлнар Маратқызы Әбенова';

const caseUrl = /\/cases\/[0-9a-f-]{36}$/;

/** The case page has loaded (its h1 names the case) and shows this status. */
const expectStatus = async (page: Page, locale: Locale, status: string) => {
  await page.getByRole('heading', { level: 1, name: /KLS-/ }).waitFor();
  await page
    .getByText(say(locale, `web.case.status.${status}`), { exact: true })
    .first()
    .waitFor();
};

/**
 * The explorer ("can my dispute be mediated?"): a civil loan, not in court, nobody else affected;
 * its answer links to a request of that category. Returns false (and opens /cases/new) if the
 * explorer offers no such link, so the rest of the journey still runs.
 */
const fileFromExplorer = async (page: Page) => {
  await page.goto('/explore');
  await page.getByRole('heading', { level: 1 }).waitFor();
  if ((await page.locator('#category-civil').count()) > 0) {
    for (const id of [
      '#category-civil',
      '#inCourt-no',
      '#thirdParties-no',
      '#capacity-no',
      '#claimant-individual',
    ])
      if ((await page.locator(id).count()) > 0) await page.locator(id).check();
    await page.locator('#amount').fill('1 500 000');
    await page.getByRole('button', { name: say('kk', 'web.explorer.submit') }).click();
  }
  const link = page.locator('main a[href^="/cases/new"]').first();
  const found = await link.waitFor({ timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (found) await link.click();
  else await page.goto('/cases/new');
  return found;
};

const suggestionOf = (page: Page, name: string) => page.getByRole('article', { name });

describe.skipIf(chromiumMissing)('the case lifecycle in the browser', () => {
  const suite = browserSuite();

  it('a request filed from the explorer becomes an active mediation with 30 days left for all three', async () => {
    const iin = invitedIin();
    const emailB = `erlan.${unique}@example.kz`;

    // --- Party A (demo account, Kazakh) starts at the explorer and files a request. ---
    const a = await suite.newPage({ ...PHONE, locale: 'kk-KZ', bypassCSP: true });
    await logIn(a.page, 'party@demo.kelisim.kz');
    expect(await lang(a.page)).toBe('kk');
    expect(await fileFromExplorer(a.page)).toBe(true);
    await a.page.waitForURL(/\/cases\/new/);
    await a.page.locator('#category').selectOption('civil');
    await a.page.locator('#subject').fill('1 500 000 ₸ қарызды қайтару');
    await a.page.locator('#description').fill('Қарыз келісілген мерзімде қайтарылмады.');
    await a.page.locator('#claimAmountKzt').fill('1 500 000');
    await a.page.locator('#region').selectOption('north_kazakhstan');
    await a.page.locator('#language').selectOption('kk');
    await a.page.locator('#remote-remote').check();
    await a.page.locator('#respondent-kind-individual').check();
    await a.page.locator('#respondent-fullName').fill(B_NAME);
    await a.page.locator('#respondent-idNumber').fill(iin);
    await a.page.locator('#respondent-email').fill(emailB);
    await a.page.getByRole('button', { name: say('kk', 'web.intake.form.submit') }).click();
    await a.page.waitForURL(caseUrl);
    const caseId = new URL(a.page.url()).pathname.split('/').pop() as string;

    // The initiator sees the invitation's proof of notice and the 10-day reply window (R-MED-10).
    await expectStatus(a.page, 'kk', 'invited');
    await a.page.getByRole('heading', { name: say('kk', 'web.case.parties.notice.title') }).waitFor();
    await a.page.getByText(say('kk', 'web.case.parties.notice.sent')).first().waitFor();
    await a.page
      .getByText(say('kk', 'web.case.why', { rule: 'R-MED-10' }))
      .first()
      .waitFor();
    await checkPage(a.page, 'case-invited-360-kk');

    // --- The invitation email, read from the demo outbox. ---
    const admin = await suite.newPage({ locale: 'kk-KZ' });
    await logIn(admin.page, 'admin@demo.kelisim.kz');
    const invitation = await linkFromOutbox(admin.page, emailB);
    expect(invitation).toContain('/cases/invitation/');
    await admin.context.close();

    // --- Party B registers with the invited IIN (Russian) and accepts. ---
    const b = await suite.newPage({ ...PHONE, locale: 'ru-RU', bypassCSP: true });
    const registered = await b.page.request.post('/api/auth/register', {
      data: {
        kind: 'individual',
        fullName: B_NAME,
        email: emailB,
        password: 'mediation is dialogue',
        iin,
        locale: 'ru',
      },
    });
    expect(registered.status()).toBe(201);
    await b.page.goto(invitation);
    await b.page.getByRole('button', { name: say('ru', 'web.intake.invitation.accept') }).click();
    await b.page.waitForURL(`${suite.url}/cases/${caseId}`);
    expect(await lang(b.page)).toBe('ru');
    await expectStatus(b.page, 'ru', 'choosing_mediator');

    // --- A chooses the demo mediator from the suggestions (R-MED-06). ---
    await a.page.reload();
    await expectStatus(a.page, 'kk', 'choosing_mediator');
    const forA = suggestionOf(a.page, MEDIATOR);
    await forA.getByRole('button', { name: say('kk', 'web.case.choice.choose') }).click();
    const chosenA = a.page.getByRole('status').filter({ hasText: say('kk', 'web.case.choice.done') });
    await chosenA.waitFor();
    // Focus lands on the announcement: the button pressed is gone from the card.
    await expect.poll(() => chosenA.evaluate((el) => el === document.activeElement)).toBe(true);
    await forA.getByText(say('kk', 'web.case.choice.yourChoice')).waitFor();
    await checkPage(a.page, 'case-choosing-360-kk');

    // --- B sees A's choice and chooses the same mediator: the mediator is asked. ---
    await b.page.reload();
    const forB = suggestionOf(b.page, MEDIATOR);
    await forB.getByText(say('ru', 'web.case.choice.chosenBy', { names: A_NAME })).waitFor();
    await checkPage(b.page, 'case-choosing-360-ru');
    await forB.getByRole('button', { name: say('ru', 'web.case.choice.choose') }).click();
    await b.page.getByText(say('ru', 'web.case.choice.done')).waitFor();
    await expectStatus(b.page, 'ru', 'mediator_asked');

    // --- The mediator declares no conflict of interest with each party and accepts. ---
    const m = await suite.newPage({ ...PHONE, locale: 'kk-KZ', bypassCSP: true });
    await logIn(m.page, 'mediator@demo.kelisim.kz');
    await m.page.goto(`/cases/${caseId}`);
    await expectStatus(m.page, 'kk', 'mediator_asked');
    const accept = m.page.getByRole('button', { name: say('kk', 'web.case.answer.accept'), exact: true });
    // Accepting before declaring for every party is refused (the button says so: aria-disabled,
    // still reachable by keyboard), and focus goes to the first box.
    expect(await accept.getAttribute('aria-disabled')).toBe('true');
    await accept.focus();
    await m.page.keyboard.press('Enter');
    await m.page.getByText(say('kk', 'web.case.answer.declareAll')).waitFor();
    await expect
      .poll(() => m.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('checkbox');
    await checkPage(m.page, 'case-mediator-answer-360-kk');
    for (const name of [A_NAME, B_NAME])
      await m.page.getByLabel(say('kk', 'web.case.answer.noConflict', { name })).check();
    await accept.click();
    await m.page.getByText(say('kk', 'web.case.answer.accepted')).waitFor();
    await expectStatus(m.page, 'kk', 'contract');

    // --- The contract (R-MED-20): A and B confirm it; A's page then stays open. ---
    await a.page.reload();
    await expectStatus(a.page, 'kk', 'contract');
    await a.page.getByRole('heading', { name: /KLS-.*медиация туралы шарт/ }).waitFor();
    await a.page.getByText(/^[0-9a-f]{64}$/).waitFor();
    await a.page.getByRole('button', { name: say('kk', 'web.case.contract.confirm') }).click();
    await a.page.getByText(say('kk', 'web.case.contract.confirmed')).waitFor();
    await a.page.getByText(say('kk', 'web.case.contract.youConfirmed')).waitFor();
    await checkPage(a.page, 'case-contract-360-kk');

    await b.page.reload();
    await expectStatus(b.page, 'ru', 'contract');
    await checkPage(b.page, 'case-contract-360-ru');
    await b.page.getByRole('button', { name: say('ru', 'web.case.contract.confirm') }).click();
    await b.page.getByText(say('ru', 'web.case.contract.confirmed')).waitFor();

    // The mediator confirms last: the mediation starts today (R-MED-07), 30 days (R-MED-11).
    await m.page.getByRole('button', { name: say('kk', 'web.case.contract.confirm') }).click();
    await m.page.getByText(say('kk', 'web.case.contract.confirmed')).waitFor();
    await expectStatus(m.page, 'kk', 'active');
    await m.page.getByText('30 күн қалды', { exact: true }).waitFor();
    await m.page.getByRole('heading', { name: say('kk', 'web.case.extension.title') }).waitFor();
    await checkPage(m.page, 'case-active-mediator-360-kk');

    // A's page was not reloaded: the ~20 s poll brings the news.
    await a.page.getByText('30 күн қалды', { exact: true }).waitFor({ timeout: 30_000 });
    await expectStatus(a.page, 'kk', 'active');
    await a.page.getByRole('button', { name: say('kk', 'web.case.withdraw.open') }).waitFor();
    expect(await a.page.getByRole('heading', { name: say('kk', 'web.case.extension.title') }).count()).toBe(
      0,
    );
    await checkPage(a.page, 'case-active-360-kk');

    await b.page.reload();
    await b.page.getByText('Осталось 30 дней', { exact: true }).waitFor();

    // In English too, once the mediator switches the interface language.
    await m.page.getByRole('button', { name: 'English' }).click();
    await m.page.getByText('30 days left', { exact: true }).waitFor();
    expect(await lang(m.page)).toBe('en');

    for (const person of [a, b, m]) expect(person.errors).toEqual([]);
  }, 300_000);
});
