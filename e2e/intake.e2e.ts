import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import caseKk from '../src/locales/case/kk.json' with { type: 'json' };
import caseRu from '../src/locales/case/ru.json' with { type: 'json' };
import en from '../src/locales/intake/en.json' with { type: 'json' };
import kk from '../src/locales/intake/kk.json' with { type: 'json' };
import ru from '../src/locales/intake/ru.json' with { type: 'json' };
import sharedRu from '../src/locales/shared/ru.json' with { type: 'json' };
import webRu from '../src/locales/web/ru.json' with { type: 'json' };
import { checkPage, chromiumMissing, PHONE } from './support/browser.ts';
import { kzId } from './support/ids.ts';
import { lang, linkFromOutbox, logIn } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

// Issue 4's intake in a real Chromium against a real server: a party files a request (draft,
// reload, send), the invited person opens the emailed link, logs in and accepts; both see the
// case. A judge refers a court case (refused proceedings first); an invited party declines
// without an account. Every page is checked with axe and photographed at 360 px.

const unique = Date.now() % 100_000;
const CASE_URL = /\/cases\/[0-9a-f-]{36}$/;

/** A valid IIN of a man born on 3 March 1990, different on every run. */
const freshIin = (offset: number) => kzId('9003033', (unique + offset) % 9000);

const freshBin = () => kzId('100240', unique);

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe.skipIf(chromiumMissing)('case intake in the browser', () => {
  const suite = browserSuite();

  it('a party files a request, the invited person logs in from the email and accepts, both see the case', async () => {
    const subject = `Қарызды қайтару ${unique}`;
    const invitee = {
      fullName: 'Бауыржан Ерланұлы Сәрсенов',
      email: `baurzhan.${unique}@example.kz`,
      iin: freshIin(0),
      password: 'mediation is dialogue',
    };

    // --- The demo party (Kazakh) opens "My cases" on a phone. ---
    const party = await suite.newPage({ ...PHONE, locale: 'kk-KZ', bypassCSP: true });
    const { page } = party;
    await logIn(page, 'party@demo.kelisim.kz');
    expect(await lang(page)).toBe('kk');
    await page.getByRole('button', { name: 'Мәзір' }).click();
    await page
      .getByRole('navigation', { name: 'Негізгі мәзір' })
      .getByRole('link', { name: kk.nav.cases })
      .click();
    await page.getByRole('heading', { level: 1, name: kk.list.title }).waitFor();
    await page.getByRole('navigation', { name: kk.list.filterLabel }).waitFor();
    await checkPage(page, 'intake-cases-360-kk');

    // --- The request form: an empty send puts focus on the first field to fix. ---
    await page.getByRole('link', { name: kk.list.new }).click();
    await page.waitForURL(`${suite.url}/cases/new`);
    await page.getByRole('heading', { level: 1, name: kk.form.title }).waitFor();
    expect(await page.locator('#language').inputValue()).toBe('kk');
    await checkPage(page, 'intake-new-case-360-kk');
    await page.getByRole('button', { name: kk.form.submit }).click();
    await expect.poll(() => page.locator('#category').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focusedId(page)).toBe('category');
    expect(await page.locator('#respondent-idNumber').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'intake-new-case-360-kk-errors');

    await page.locator('#category').selectOption('civil');
    await page.locator('#subject').fill(subject);
    await page.locator('#description').fill('Көршім 2025 жылы алған қарызын қайтармай жүр.');
    await page.locator('#claimAmountKzt').fill('1,5 млн');
    await page.locator('#region').selectOption('north_kazakhstan');
    await page.locator('#respondent-fullName').fill(invitee.fullName);
    await page.locator('#respondent-idNumber').fill(invitee.iin);
    await page.locator('#respondent-email').fill(invitee.email);

    // An amount the form cannot read is refused before anything is saved, and nothing typed is lost.
    await page.getByRole('button', { name: kk.form.saveDraft }).click();
    await page.getByText(kk.dispute.amountFormat).waitFor();
    await expect.poll(() => focusedId(page)).toBe('claimAmountKzt');
    expect(await page.locator('#subject').inputValue()).toBe(subject);
    await page.locator('#claimAmountKzt').fill('1 500 000');

    // --- Saved as a server draft; the address now names it, so a reload resumes it. ---
    await page.getByRole('button', { name: kk.form.saveDraft }).click();
    await page.getByText(kk.form.saved.split('(')[0]?.trim() ?? '', { exact: false }).waitFor();
    await page.waitForURL(/\/cases\/new\?draft=[0-9a-f-]{36}$/);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: kk.form.titleDraft }).waitFor();
    expect(await page.locator('#subject').inputValue()).toBe(subject);
    expect(await page.locator('#claimAmountKzt').inputValue()).toBe('1500000');
    expect(await page.locator('#respondent-email').inputValue()).toBe(invitee.email);
    expect(await page.locator('#region').inputValue()).toBe('north_kazakhstan');

    // --- Sent: the case page opens. ---
    await page.getByRole('button', { name: kk.form.submit }).click();
    await page.waitForURL(CASE_URL);
    const caseUrl = new URL(page.url()).pathname;

    // --- The invitation email, read from the demo outbox. ---
    const admin = await suite.newPage({ locale: 'kk' });
    await logIn(admin.page, 'admin@demo.kelisim.kz');
    const link = await linkFromOutbox(admin.page, invitee.email);
    expect(link).toContain('/cases/invitation/');

    // The invited person registers (elsewhere) with the IIN named in the request.
    const registration = await suite.browser.newContext({ baseURL: suite.url });
    const registered = await registration.request.post('/api/auth/register', {
      data: { kind: 'individual', ...invitee, locale: 'ru' },
    });
    expect(registered.status()).toBe(201);
    await registration.close();

    // --- They open the link logged out (Russian phone), read the proposal, log in, come back, accept. ---
    const other = await suite.newPage({ ...PHONE, locale: 'ru-RU', bypassCSP: true });
    await other.page.goto(link);
    await other.page.getByRole('heading', { level: 1, name: ru.invitation.title }).waitFor();
    await other.page.getByText(subject).waitFor();
    await other.page.getByText(ru.invitation.confidential).waitFor();
    await checkPage(other.page, 'intake-invitation-360-ru-logged-out');
    await other.page
      .getByRole('region', { name: ru.invitation.answerLabel })
      .getByRole('link', { name: webRu.invitation.login })
      .click();
    await logIn(other.page, invitee.email, invitee.password);
    await other.page.waitForURL(link);
    await other.page.getByRole('heading', { level: 2, name: ru.invitation.acceptTitle }).waitFor();
    await checkPage(other.page, 'intake-invitation-360-ru-logged-in');
    await other.page.getByRole('button', { name: ru.invitation.accept }).click();
    await other.page.waitForURL(`${suite.url}${caseUrl}`);

    // --- Both see the case in "My cases". ---
    await other.page.goto('/cases');
    await other.page.getByRole('heading', { level: 1, name: ru.list.title }).waitFor();
    await other.page.getByRole('link', { name: new RegExp(subject) }).waitFor();
    await other.page.getByText(caseRu.status.choosing_mediator).first().waitFor();
    await checkPage(other.page, 'intake-cases-360-ru-invitee');

    await page.goto('/cases');
    const row = page.getByRole('listitem').filter({ hasText: subject });
    await row.waitFor();
    await row.getByText(invitee.fullName).waitFor();
    await row.getByText(caseKk.status.choosing_mediator).waitFor();
    expect(await row.getByRole('link').getAttribute('href')).toBe(caseUrl);
    await checkPage(page, 'intake-cases-360-kk-with-case');

    // The link once more: already answered, explained.
    await other.page.goto(link);
    await other.page.getByText(ru.invitation.alreadyAccepted).waitFor();

    expect(party.errors).toEqual([]);
    expect(other.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
    await Promise.all([party.context.close(), other.context.close(), admin.context.close()]);
  });

  it('a family request asks the private safety questions first; a positive screen shows help before sending', async () => {
    const party = await suite.newPage({ ...PHONE, locale: 'kk-KZ', bypassCSP: true });
    const { page } = party;
    await logIn(page, 'party@demo.kelisim.kz');
    // The explorer's link carries the category.
    await page.goto('/cases/new?category=family');
    await page.getByRole('heading', { level: 1, name: kk.form.title }).waitFor();
    expect(await page.locator('#category').inputValue()).toBe('family');
    await page.getByRole('heading', { level: 2, name: kk.screening.title }).waitFor();
    await page.locator('#subject').fill(`Алимент ${unique}`);
    await page.locator('#region').selectOption('akmola');
    await page.locator('#respondent-fullName').fill('Дәурен Қайратұлы Ахметов');
    await page.locator('#respondent-idNumber').fill(freshIin(3));
    await page.locator('#respondent-phone').fill('+7 701 555 12 34');

    // Unanswered questions: the first one takes the focus.
    await page.getByRole('button', { name: kk.form.submit }).click();
    await expect.poll(() => focusedId(page)).toBe('screening-afraid_of_other-yes');
    await page.getByText(kk.screening.answerRequired).first().waitFor();

    await page.locator('#screening-afraid_of_other-yes').check();
    await page.locator('#screening-violence_in_past-no').check();
    await page.locator('#screening-pressured_to_mediate-no').check();
    await page.locator('#screening-safe_to_meet-no').check();
    await page.getByRole('button', { name: kk.form.submit }).click();
    // Positive: help lines and separate sessions come first; nothing is sent yet.
    await page.getByText(kk.screening.positiveTitle).waitFor();
    await page.getByRole('link', { name: /102/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cases/new');
    await checkPage(page, 'intake-new-case-360-kk-family-positive');

    await page.getByRole('button', { name: kk.form.submit }).click();
    await page.waitForURL(CASE_URL);
    expect(party.errors).toEqual([]);
    await party.context.close();
  });

  it('a judge refers a court case (refused proceedings explained), a party declines without an account', async () => {
    const judge = await suite.newPage({ ...PHONE, locale: 'ru-RU', bypassCSP: true });
    const { page } = judge;
    await logIn(page, 'judge@demo.kelisim.kz');
    await page.goto('/cases');
    await page.getByRole('link', { name: ru.list.refer }).click();
    await page.waitForURL(`${suite.url}/court/referrals/new`);
    await page.getByRole('heading', { level: 1, name: ru.referral.title }).waitFor();
    // The court's region is prefilled.
    expect(await page.locator('#region').inputValue()).toBe('north_kazakhstan');
    await checkPage(page, 'intake-court-referral-360-ru');

    const declinerEmail = `agro.${unique}@example.kz`;
    await page.locator('#courtCaseNumber').fill(`5999-26-00-2/${unique}`);
    await page.locator('#proceeding').selectOption('court_order');
    await page.locator('#stage').selectOption('preparation');
    await page.locator('#judgeName').fill('Қасымов Нұрлан Серікұлы');
    await page.locator('#category').selectOption('commercial');
    await page.locator('#subject').fill(`Поставка зерна ${unique}`);
    await page.locator('#parties-0-fullName').fill('Айжан Маратовна Омарова');
    await page.locator('#parties-0-idNumber').fill(freshIin(7));
    await page.locator('#parties-0-email').fill(`aizhan.${unique}@example.kz`);
    await page.locator('#parties-1-kind-organisation').check();
    await page.locator('#parties-1-fullName').fill('ТОО «Астық Трейд»');
    await page.locator('#parties-1-idNumber').fill(freshBin());
    await page.locator('#parties-1-email').fill(declinerEmail);

    // Court-order proceedings cannot be referred (R-CPC-02): the reason sits on the proceeding.
    await page.getByRole('button', { name: ru.referral.submit }).click();
    const refused = sharedRu.errors.referral_not_allowed.split('(')[0]?.trim() ?? '';
    await page.getByRole('alert').filter({ hasText: refused }).first().waitFor();
    await expect.poll(() => page.locator('#proceeding').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focusedId(page)).toBe('proceeding');
    await checkPage(page, 'intake-court-referral-360-ru-refused');

    await page.locator('#proceeding').selectOption('claim');
    await page.getByRole('button', { name: ru.referral.submit }).click();
    await page.waitForURL(CASE_URL);

    // --- The organisation's contact declines from the email, logged out, in English. ---
    const admin = await suite.newPage({ locale: 'kk' });
    await logIn(admin.page, 'admin@demo.kelisim.kz');
    const link = await linkFromOutbox(admin.page, declinerEmail);
    const visitor = await suite.newPage({ ...PHONE, locale: 'en-GB', bypassCSP: true });
    await visitor.page.goto(link);
    await visitor.page.getByRole('heading', { level: 1, name: en.invitation.title }).waitFor();
    await visitor.page.getByText(en.invitation.voluntaryCourt).waitFor();
    await checkPage(visitor.page, 'intake-invitation-360-en-court');
    await visitor.page.getByText(en.invitation.declineTitle).click();
    await visitor.page.getByLabel(en.invitation.reason).fill('We prefer the court to decide.');
    await visitor.page.getByRole('button', { name: en.invitation.decline }).click();
    await visitor.page.getByText(en.invitation.declinedTitle).waitFor();
    await visitor.page.getByText(en.invitation.declinedCourt).waitFor();
    await checkPage(visitor.page, 'intake-invitation-360-en-declined');

    // The judge's dashboard lists the referral, without its subject (R-MED-17).
    await page.goto('/cases?status=all');
    await page.getByRole('heading', { level: 1, name: ru.list.title }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'ТОО «Астық Трейд»' }).first().waitFor();
    await checkPage(page, 'intake-cases-360-ru-court');

    // A made-up token is explained, not a blank page.
    await visitor.page.goto('/cases/invitation/this-token-does-not-exist-anywhere');
    await visitor.page.getByText(en.invitation.unknownText).waitFor();

    expect(judge.errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await Promise.all([judge.context.close(), admin.context.close(), visitor.context.close()]);
  });
});
