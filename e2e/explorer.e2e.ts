import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkPage, chromiumMissing, PHONE } from './support/browser.ts';
import { isFocused, lang } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

// Issue 4: a visitor on a phone, in Kazakh, asks whether a criminal case can be mediated. The
// answer is computed in the browser; it cites the rule that decided, and changes when the answers do.

/** Picks an answer inside the question (fieldset) whose legend starts with `question`. */
const answer = (page: Page, question: string, option: string | RegExp) =>
  page
    .getByRole('group', { name: new RegExp(`^${question}`) })
    .getByRole('radio', { name: option })
    .check();

describe.skipIf(chromiumMissing)('the mediation explorer in the browser', () => {
  const suite = browserSuite();

  it('a visitor in Kazakh learns a medium crime can be mediated, and a grave repeat one cannot', async () => {
    const { page, errors } = await suite.newPage({
      ...PHONE,
      locale: 'kk-KZ',
      bypassCSP: true,
    });
    // Answering must not need the server: any API call from this page would be a regression.
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/') && pathname !== '/api/me' && pathname !== '/api/config')
        apiCalls.push(pathname);
    });

    await page.goto('/explore');
    await page.getByRole('heading', { level: 1, name: 'Дауымды медиация арқылы шешуге бола ма?' }).waitFor();
    expect(await lang(page)).toBe('kk');

    // Nothing answered: the summary lists the questions and takes the focus.
    await page.getByRole('button', { name: 'Жауапты көрсету' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Мына сұрақтарға жауап беріңіз:' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Дау не туралы?');
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);

    // --- A medium-gravity crime that caused no death. ---
    await page.getByRole('radio', { name: /^Қылмыстық іс/ }).check();
    await answer(page, 'Құқық бұзушылық қаншалықты ауыр', /^Ауырлығы орташа қылмыс/);
    await answer(page, 'Құқық бұзушылық салдарынан адам қайтыс болды ма', 'Жоқ');
    await answer(page, 'Қылмыстық іс сотқа жетті ме', /^Жоқ/);
    await answer(page, 'Шешім медиацияға қатыспайтын', 'Жоқ');
    await answer(page, 'Тараптардың бірін сот', 'Жоқ');
    await page.getByRole('button', { name: 'Жауапты көрсету' }).click();

    const result = page.getByRole('region', { name: 'Жауап' });
    await result.getByText('Иә, бұл дауды медиация арқылы шешуге болады.').waitFor();
    expect(await isFocused(page, '#explorer-result')).toBe(true);
    // The why: the finding and the rule that decided, in Kazakh, with its id.
    await result.getByText(/адам жәбірленушімен татуласып, зиянның орнын толтырса/).waitFor();
    await result.getByText('R-CRIM-01', { exact: true }).first().waitFor();
    expect(await result.textContent()).toContain('Қылмыстық кодекстің 68-бабы');
    // Next steps, time and cost; and the way on.
    await result.getByRole('heading', { name: 'Әрі қарай не болады' }).waitFor();
    await result.getByText('Қоғамдық медиатор: тегін.').waitFor();
    expect(await result.getByRole('link', { name: 'Өтініш беру' }).getAttribute('href')).toBe(
      '/cases/new?category=criminal',
    );
    // The administrators' "verify" hint is not for the public.
    expect(await result.textContent()).not.toMatch(/verify|тексеріңіз/i);
    await checkPage(page, 'explorer-possible-360-kk');

    // --- The same case, but grave and not a first offence. ---
    await answer(page, 'Құқық бұзушылық қаншалықты ауыр', /^Ауыр қылмыс/);
    // New questions appear; until they are answered the answer says so instead of going stale.
    await result.getByText(/Кейбір сұрақтарға әлі жауап берілмеді/).waitFor();
    await answer(page, 'Ол адамның денсаулығына ауыр зиян', 'Жоқ');
    await answer(page, 'Бұл адамның алғашқы қылмысы ма', 'Жоқ');
    await answer(page, 'Оны жасаған адам мына топтардың', '18 жасқа толмаған');
    await page.getByRole('button', { name: 'Жауапты көрсету' }).click();

    await result.getByText('Жоқ, бұл дауды медиация арқылы шешуге болмайды.').waitFor();
    expect(await isFocused(page, '#explorer-result')).toBe(true);
    await result
      .getByText('Ауыр қылмыс бойынша татуласу тек адамның алғашқы қылмысы болса ғана мүмкін.')
      .waitFor();
    await result.getByText('R-CRIM-02', { exact: true }).first().waitFor();
    const alternatives = result.getByRole('list', { name: 'Оның орнына не істеуге болады' });
    await alternatives.waitFor();
    expect(await alternatives.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Іс қылмыстық іс жүргізу тәртібімен жалғасады'),
      expect.stringContaining('Зиянның орнын өз еркімен толтыру'),
      expect.stringContaining('Адвокатқа жүгініңіз'),
    ]);
    expect(await result.getByRole('link', { name: 'Өтініш беру' }).count()).toBe(0);
    await checkPage(page, 'explorer-excluded-360-kk');

    expect(apiCalls).toEqual([]);
    expect(errors).toEqual([]);
  });
});
