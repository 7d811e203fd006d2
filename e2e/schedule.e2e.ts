import path from 'node:path';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../src/core/identity/roles.ts';
import { wallTime } from '../src/core/schedule/zones.ts';
import { checkPage, chromiumMissing, PHONE, SCREENSHOTS } from './support/browser.ts';
import { isFocused, lang, logIn, say } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

// Scheduling a session in the demo's running mediation (North Kazakhstan: Almaty time, UTC+5), in
// three languages on three phones (360 px): the mediator (English) proposes a joint video
// session and is first told, in the form, what is wrong; the party (Kazakh) and the farm's
// representative (Russian) agree, and the session is confirmed with a
// calendar file that an independent parser reads in Asia/Almaty.

/** The demo's running mediation, as this logged-in page sees it. */
const activeCaseId = async (page: Page) => {
  const response = await page.request.get('/api/cases?status=open');
  const { cases } = (await response.json()) as { cases: { id: string; status: string }[] };
  const found = cases.find((c) => c.status === 'active');
  if (!found) throw new Error('the demo has no active case');
  return found.id;
};

const sessionsHeading = (page: Page, locale: Locale) =>
  page.getByRole('heading', { level: 2, name: say(locale, 'web.schedule.title') });

describe.skipIf(chromiumMissing)('scheduling a session in the browser', () => {
  const suite = browserSuite();

  it('the mediator proposes, both parties agree, and the confirmed session carries its calendar file', async () => {
    // --- The mediator, in English, on a phone too: the form must fit 360 px. ---
    const m = await suite.newPage({ ...PHONE, locale: 'en-GB', bypassCSP: true });
    await logIn(m.page, 'mediator@demo.kelisim.kz');
    const caseId = await activeCaseId(m.page);
    await m.page.goto(`/cases/${caseId}`);
    // The language switcher in the header: the choice is kept with the account.
    await m.page.getByRole('button', { name: 'English' }).click();
    await sessionsHeading(m.page, 'en').waitFor();
    expect(await lang(m.page)).toBe('en');
    await m.page.getByText(say('en', 'web.schedule.emptyMediator')).waitFor();

    // Tomorrow at 10:00 on the clocks of the case's region.
    const day = wallTime('Asia/Almaty', new Date(Date.now() + 86_400_000)).date;
    await m.page.locator('#session-new-date').fill(day);
    await m.page.locator('#session-new-time').fill('10:00');
    await m.page.locator('#session-new-minutes').fill('5');
    await m.page.locator('#session-mode-in_person').check();
    await m.page.getByRole('button', { name: say('en', 'web.schedule.form.submit') }).click();
    // The server names both fields; focus goes to the first; nothing typed is lost.
    const durationError = say('en', 'fields.session_duration_range', { minimum: 15, maximum: 480 });
    await m.page.getByText(durationError).waitFor();
    await m.page.getByText(say('en', 'fields.session_address_required')).waitFor();
    await expect.poll(() => isFocused(m.page, '#session-new-minutes')).toBe(true);
    expect(await m.page.locator('#session-new-date').inputValue()).toBe(day);
    await checkPage(m.page, 'schedule-propose-errors-360-en');
    await m.page
      .locator('#sessions')
      .screenshot({ path: path.join(SCREENSHOTS, 'schedule-form-360-en.png') });

    await m.page.locator('#session-mode-video').check();
    await m.page.locator('#session-new-minutes').fill('90');
    // The keyboard submits the form from the field.
    await m.page.locator('#session-new-minutes').press('Enter');
    const proposed = m.page.getByRole('status').filter({ hasText: say('en', 'web.schedule.done.proposed') });
    await proposed.waitFor();
    await expect.poll(() => proposed.evaluate((el) => el === document.activeElement)).toBe(true);
    await m.page.getByText(say('en', 'web.schedule.status.proposed')).waitFor();
    await m.page.getByText('Almaty time, UTC+5').first().waitFor();

    // --- The party, in Kazakh on a 360 px phone. ---
    const a = await suite.newPage({ ...PHONE, locale: 'kk-KZ', bypassCSP: true });
    await logIn(a.page, 'party@demo.kelisim.kz');
    await a.page.goto(`/cases/${caseId}#sessions`);
    await sessionsHeading(a.page, 'kk').waitFor();
    expect(await lang(a.page)).toBe('kk');
    const agreeKk = a.page.getByRole('button', { name: say('kk', 'web.schedule.actions.accept') });
    await agreeKk.waitFor();
    await a.page.getByText('Алматы уақыты, UTC+5').first().waitFor();
    await a.page
      .getByText(/10:00–11:30/)
      .first()
      .waitFor();
    await checkPage(a.page, 'schedule-proposed-360-kk');
    await agreeKk.click();
    await a.page.getByText(say('kk', 'web.schedule.done.accepted')).waitFor();

    // --- The farm's representative, in Russian on a phone: the last answer confirms it. ---
    const b = await suite.newPage({ ...PHONE, locale: 'ru-RU', bypassCSP: true });
    await logIn(b.page, 'farm@demo.kelisim.kz');
    await b.page.goto(`/cases/${caseId}`);
    await sessionsHeading(b.page, 'ru').waitFor();
    expect(await lang(b.page)).toBe('ru');
    await b.page.getByText('время Алматы, UTC+5').first().waitFor();
    await b.page.getByRole('button', { name: say('ru', 'web.schedule.actions.accept') }).click();
    await b.page.getByText(say('ru', 'web.schedule.done.confirmed')).waitFor();
    await b.page.getByText(say('ru', 'web.schedule.status.confirmed'), { exact: true }).waitFor();
    await checkPage(b.page, 'schedule-confirmed-360-ru');

    // The calendar file behind "Add to calendar" reads, independently, as 10:00 in Asia/Almaty.
    const link = b.page.getByRole('link', { name: say('ru', 'web.schedule.actions.calendar') });
    const href = (await link.getAttribute('href')) as string;
    const file = await b.page.request.get(href);
    expect(file.headers()['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await file.text()));
    const vevent = calendar.getFirstSubcomponent('vevent');
    const vtimezone = calendar.getFirstSubcomponent('vtimezone');
    if (!vevent || !vtimezone) throw new Error('no event or time zone in the calendar file');
    const event = new ICAL.Event(vevent);
    event.startDate.zone = new ICAL.Timezone(vtimezone);
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Almaty');
    expect(event.startDate.toJSDate().toISOString()).toBe(`${day}T05:00:00.000Z`);

    // The mediator's page shows it confirmed after a refresh, in English.
    await m.page.reload();
    await m.page.getByText(say('en', 'web.schedule.status.confirmed'), { exact: true }).waitFor();
    await a.page.reload();
    await a.page.getByText(say('kk', 'web.schedule.status.confirmed'), { exact: true }).waitFor();
    await checkPage(a.page, 'schedule-confirmed-360-kk');
    // The panel alone, for review at phone width.
    await a.page
      .locator('#sessions')
      .screenshot({ path: path.join(SCREENSHOTS, 'schedule-panel-360-kk.png') });
    for (const page of [m, a, b]) expect(page.errors).toEqual([]);
  });
});
