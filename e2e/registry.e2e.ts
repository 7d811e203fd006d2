import { describe, expect, it } from 'vitest';
import { parseIin } from '../src/core/identity/kz-id.ts';
import {
  checkPage,
  chromiumMissing,
  DESKTOP,
  expectNoSeriousAxeViolations,
  PHONE,
  screenshot,
} from './support/browser.ts';
import { kzId } from './support/ids.ts';
import { lang, logIn } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

// The registry journey of issue 3 in a real Chromium against a real server: a mediator applies
// with real uploads, a registry administrator verifies and approves, a visitor finds the mediator.
// The demo seed has its own registry; nothing here depends on its size or registry numbers.

/** A small but well-formed PDF (one page of text, a correct cross-reference table). */
const pdf = (text: string) => {
  const content = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = out.length;
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
};

const unique = Date.now() % 100_000;

/** A valid IIN of a woman born on 15 June 1985 (old enough for R-MED-12). */
const applicantIin = () => kzId('8506154', unique % 9000);

/** A valid BIN of a legal entity registered in January 2005. */
const organisationBin = () => kzId('050140', unique);

describe.skipIf(chromiumMissing)('mediator registry in the browser', () => {
  const suite = browserSuite();

  it('a mediator applies with a certificate, a registry admin approves, a visitor finds them in Kazakh', async () => {
    const name = 'Гүлнар Серікқызы Әбенова';
    const organisation = { kk: 'Солтүстік медиаторлар алқасы', ru: 'Северная коллегия медиаторов' };

    // --- The registry administrator records an organisation of mediators (demo account: Kazakh). ---
    const admin = await suite.newPage({ ...PHONE, locale: 'kk-KZ', bypassCSP: true });
    await logIn(admin.page, 'registry@demo.kelisim.kz');
    expect(await lang(admin.page)).toBe('kk');
    await admin.page.getByRole('link', { name: 'Медиаторлар ұйымдары' }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'Медиаторлар ұйымдары' }).waitFor();
    await admin.page.getByLabel('Қазақша атауы').fill(organisation.kk);
    await admin.page.getByLabel('Орысша атауы').fill(organisation.ru);
    await admin.page.getByLabel('Ағылшынша атауы').fill('Northern Board of Mediators');
    await admin.page.getByLabel('БСН', { exact: true }).fill(organisationBin());
    await admin.page.getByLabel('Өңір', { exact: true }).selectOption('north_kazakhstan');
    await admin.page.getByRole('button', { name: 'Ұйымды енгізу' }).click();
    await admin.page.getByText(`Ұйым енгізілді: ${organisation.kk}.`).waitFor();
    await checkPage(admin.page, 'registry-admin-organisations-360-kk');

    // --- A person registers (Russian) and applies as a professional mediator, on a phone. ---
    const applicant = await suite.newPage({ ...PHONE, locale: 'ru-RU', bypassCSP: true });
    const { page } = applicant;
    const iin = applicantIin();
    const email = `gulnar.${unique}@example.kz`;
    const registered = await page.request.post('/api/auth/register', {
      data: {
        kind: 'individual',
        fullName: name,
        email,
        password: 'mediation is dialogue',
        iin,
        locale: 'ru',
      },
    });
    expect(registered.status()).toBe(201);
    await page.goto('/');
    await page.getByRole('link', { name: 'Стать медиатором' }).click();
    await page.waitForURL(`${suite.url}/registry/apply`);
    await page.getByRole('heading', { level: 1, name: 'Стать медиатором' }).waitFor();
    expect(await lang(page)).toBe('ru');
    // The birth date comes from the IIN; the professional kind is preselected.
    expect(await page.getByLabel('Дата рождения').inputValue()).toBe(parseIin(iin)?.birthDate);
    expect(await page.getByLabel('Профессиональный медиатор').isChecked()).toBe(true);
    await checkPage(page, 'registry-apply-360-ru');

    await page.getByLabel('Организация, которая ведёт ваш реестр').selectOption({ label: organisation.ru });
    await page.getByLabel('У меня высшее образование').check();
    await page.getByLabel('Вуз, специальность и год').fill('СКГУ, юриспруденция, 2008');

    // A text file renamed .pdf: refused by its content, in Russian, and nothing typed is lost.
    await page.locator('#diploma').setInputFiles({
      name: 'diploma.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('This is a plain text file pretending to be a diploma.'),
    });
    const refused = 'Принимаются только файлы PDF, JPEG или PNG (проверяется по содержимому).';
    await page.getByText(refused).waitFor();
    await expect.poll(() => page.locator('#diploma').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Вуз, специальность и год').inputValue()).toBe('СКГУ, юриспруденция, 2008');
    expect(await page.getByLabel('У меня высшее образование').isChecked()).toBe(true);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'registry-apply-360-ru-wrong-upload');

    // The real diploma replaces the error with the uploaded file.
    await page.locator('#diploma').setInputFiles({
      name: 'diploma.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('Diploma of higher education'),
    });
    await page.getByText('Файл diploma.pdf загружен.').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('#diploma').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByText(refused).count()).toBe(0);

    // The general course with its certificate (R-MED-13): the running total reaches 72.
    await page.getByLabel('Академические часы').fill('72');
    await page.getByText('Общий курс: 72 ч, нужно не менее 72. Достаточно.').waitFor();
    await page.getByLabel('Название курса').fill('Общий курс подготовки медиаторов');
    await page.getByLabel('Кто проводил').fill('Центр медиации СКО');
    await page.getByLabel('Дата окончания').fill('2019-04-12');
    await page.locator('#trainings-0-document').setInputFiles({
      name: 'certificate.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('Certificate: general course of mediators, 72 academic hours'),
    });
    await page.getByText('Файл certificate.pdf загружен.').waitFor({ state: 'attached' });

    await page.getByLabel('Семейные споры').check();
    await page.getByLabel('Трудовые споры').check();
    await page.getByLabel('Казахский', { exact: true }).check();
    await page.getByLabel('Русский', { exact: true }).check();
    await page.getByLabel('Северо-Казахстанская область').check();
    await page.getByLabel('Очно', { exact: true }).check();
    await page.getByLabel('Адрес для встреч').fill('Петропавловск, ул. Конституции, 12');
    await page.getByLabel('Плата за час, ₸').fill('15 000');
    await page.getByLabel('О себе — казахский').fill('Отбасылық және еңбек дауларында 8 жыл тәжірибе.');

    // Submitting without the Russian biography: the error lands on it and every upload stays.
    await page.getByRole('button', { name: 'Отправить заявку' }).click();
    const bioRu = page.getByLabel('О себе — русский');
    await expect.poll(() => bioRu.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => bioRu.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByText('diploma.pdf (').count()).toBe(1);
    expect(await page.getByText('certificate.pdf (').count()).toBe(1);
    await bioRu.fill('Восемь лет опыта в семейных и трудовых спорах.');
    await page.getByRole('button', { name: 'Отправить заявку' }).click();

    await page.waitForURL(`${suite.url}/registry/my-application`);
    await page.getByRole('heading', { level: 1, name: 'Моя заявка в реестр' }).waitFor();
    await page.getByText('На проверке', { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'registry-my-application-360-ru-submitted');

    // --- The registry administrator verifies the documents and approves. ---
    await admin.page.goto('/registry/admin');
    await admin.page.getByRole('heading', { level: 1, name: 'Медиаторлар тізілімі: тексеру' }).waitFor();
    await admin.page.getByRole('link', { name }).click();
    await admin.page.getByRole('heading', { level: 1, name }).waitFor();
    const documents = admin.page.getByRole('region', { name: 'Құжаттар' });
    await documents.getByRole('button', { name: /Диплом/ }).waitFor();
    await documents.getByRole('button', { name: /Сертификат/ }).click();
    await expect
      .poll(() => documents.locator('iframe').getAttribute('title'))
      .toBe('Сертификат: certificate.pdf');
    await admin.page.getByText('✓ жалпы курс: 72 сағ (кемінде 72 қажет)', { exact: false }).waitFor();
    await checkPage(admin.page, 'registry-admin-entry-360-kk');

    // Only the decisions REGISTRY_TRANSITIONS allows from "submitted" are offered.
    const decision = admin.page.getByRole('region', { name: 'Шешім' });
    expect(await decision.getByRole('button').allTextContents()).toEqual([
      'Мақұлдау',
      'Қосымша мәлімет сұрау',
      'Бас тарту',
    ]);
    await decision.getByRole('button', { name: 'Мақұлдау' }).click();
    await decision.getByRole('button', { name: 'Мақұлдауды растау' }).click();
    await decision.getByText('Шешім жазылды: Тізілімге енгізілді.').waitFor();
    const numberText = await decision.getByText(/^Тізілім нөмірі: KZ-MED-\d{6}\.$/).textContent();
    const registryNumber = numberText?.match(/KZ-MED-\d{6}/)?.[0] as string;
    expect(registryNumber).toBeTruthy();
    // Now listed: suspend and exclude are what is left.
    await decision.getByRole('button', { name: 'Тоқтата тұру' }).waitFor();
    await screenshot(admin.page, 'registry-admin-entry-360-kk-approved');

    // The applicant sees the approval and the registry number.
    await page.reload();
    await page
      .getByText(`Вы внесены в реестр медиаторов под номером ${registryNumber}.`, { exact: false })
      .waitFor();

    // --- A visitor, logged out, finds the mediator by language and region, in Kazakh. ---
    const visitor = await suite.newPage({ ...PHONE, locale: 'kk-KZ', bypassCSP: true });
    await visitor.page.goto('/');
    await visitor.page.getByRole('link', { name: 'Медиаторлар', exact: true }).click();
    await visitor.page.getByRole('heading', { level: 1, name: 'Медиаторлар тізілімі' }).waitFor();
    expect(await lang(visitor.page)).toBe('kk');
    await visitor.page.getByLabel('Медиация тілі').selectOption({ label: 'Қазақ тілі' });
    await visitor.page
      .getByLabel('Өңір', { exact: true })
      .selectOption({ label: 'Солтүстік Қазақстан облысы' });
    const searched = (offset: number) =>
      visitor.page.waitForResponse((response) => {
        const url = new URL(response.url());
        return (
          url.pathname === '/api/registry/mediators' &&
          url.searchParams.get('language') === 'kk' &&
          url.searchParams.get('region') === 'north_kazakhstan' &&
          url.searchParams.get('offset') === String(offset)
        );
      });
    let found = searched(0);
    await visitor.page.getByRole('button', { name: 'Іздеу', exact: true }).click();
    // The demo registry may list others here too: page on until the new mediator shows.
    const results = visitor.page.getByRole('region', { name: 'Нәтижелер' });
    const card = results.getByRole('article', { name });
    for (let offset = 0; ; offset += 20) {
      await found;
      await expect.poll(() => results.getAttribute('aria-busy')).toBe('false');
      await results.getByText(/медиатор табылды$/).waitFor();
      if ((await card.count()) > 0 || offset > 200) break;
      found = searched(offset + 20);
      await visitor.page.getByRole('button', { name: 'Келесі' }).click();
    }
    await card.waitFor();
    await card.getByText(`Тізілім № ${registryNumber}`).waitFor();
    await card.getByText(organisation.kk).waitFor();
    await card.getByText('Қазақ тілі, орыс тілі').waitFor();
    await card.getByText('Сағатына 15 000 ₸').waitFor();
    await card.getByText('72 академиялық сағат').waitFor();
    expect(await card.getByText('істер әлі аз').count()).toBe(2);
    await checkPage(visitor.page, 'registry-search-360-kk');

    await card.getByRole('link', { name }).click();
    await visitor.page.getByRole('heading', { level: 1, name }).waitFor();
    await visitor.page.getByText('Отбасылық және еңбек дауларында 8 жыл тәжірибе.').waitFor();
    await visitor.page.getByText('Общий курс подготовки медиаторов').waitFor();
    await visitor.page.getByText('Негізді деп танылған әдеп шағымдары жоқ.').waitFor();
    await visitor.page.getByRole('link', { name: 'Шағым беру үшін кіріңіз' }).waitFor();
    await checkPage(visitor.page, 'registry-profile-360-kk');

    // The organisation's page lists its new member.
    await visitor.page.getByRole('link', { name: organisation.kk }).first().click();
    await visitor.page.getByRole('heading', { level: 1, name: organisation.kk }).waitFor();
    await visitor.page.getByRole('article', { name }).waitFor();
    await expectNoSeriousAxeViolations(visitor.page);

    for (const { errors } of [admin, applicant, visitor]) expect(errors).toEqual([]);
    await Promise.all([admin.context.close(), applicant.context.close(), visitor.context.close()]);
  });

  it('a party files an ethics complaint; once upheld, the decision shows on the profile', async () => {
    const party = await suite.newPage({ ...PHONE, locale: 'kk-KZ', bypassCSP: true });
    await logIn(party.page, 'party@demo.kelisim.kz');
    // The demo party's settled case was mediated by the demo mediator: only such a party may complain.
    const mediator = 'Гүлнар Маратқызы Әбенова';
    await party.page.goto(`/registry?q=${encodeURIComponent(mediator)}`);
    const found = party.page.getByRole('region', { name: 'Нәтижелер' }).getByRole('article').first();
    await found.getByRole('link', { name: mediator }).click();
    await party.page.getByRole('heading', { level: 1, name: mediator }).waitFor();
    const profileUrl = party.page.url();

    await party.page.getByRole('button', { name: 'Әдеп бойынша шағым беру' }).click();
    const text = party.page.getByLabel('Не болды');
    await expect.poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true);
    await party.page.getByRole('button', { name: 'Жалғастыру' }).click();
    await expect.poll(() => text.getAttribute('aria-invalid')).toBe('true');
    const complaint = `Кездесуде екінші тараптың сөзін үнемі бөліп отырды (${unique}).`;
    await text.fill(complaint);
    await party.page.getByRole('button', { name: 'Жалғастыру' }).click();
    const dialog = party.page.getByRole('dialog', { name: 'Шағымды жіберу керек пе?' });
    await dialog.waitFor();
    await expectNoSeriousAxeViolations(party.page);
    await dialog.getByRole('button', { name: 'Шағымды жіберу' }).click();
    await party.page.getByText('Шағым жіберілді.').waitFor();

    const admin = await suite.newPage({ ...PHONE, locale: 'kk-KZ', bypassCSP: true });
    await logIn(admin.page, 'registry@demo.kelisim.kz');
    await admin.page.goto('/registry/admin/complaints');
    const item = admin.page.getByRole('article').filter({ hasText: complaint });
    await item.waitFor();
    await checkPage(admin.page, 'registry-admin-complaints-360-kk');
    const reasons = 'Тараптардың тең құқығы бұзылды (R-MED-06).';
    await item.getByLabel('Шешімнің себептері').fill(reasons);
    await item.getByRole('button', { name: 'Негізді деп тану' }).click();
    await admin.page.getByText(`Медиатор ${mediator} туралы шағым негізді деп танылды.`).waitFor();

    await party.page.goto(profileUrl);
    await party.page.getByText(reasons).waitFor();
    expect(party.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
    await Promise.all([party.context.close(), admin.context.close()]);
  });

  it('explains why each mediator is suggested, with the weights the code uses', async () => {
    const { page, context, errors } = await suite.newPage({
      ...DESKTOP,
      locale: 'en-GB',
      bypassCSP: true,
    });
    await page.goto('/registry/how-matching-works');
    await page.getByRole('heading', { level: 1, name: 'How we suggest mediators' }).waitFor();
    await page.getByText('Specialisation — 30 points').waitFor();
    await page.getByText('Minus 5 points for each upheld ethics complaint, at most minus 20.').waitFor();
    await page.getByRole('button', { name: 'Show suggestions' }).click();
    await expect.poll(() => page.getByLabel('Kind of dispute').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Kind of dispute').selectOption('family');
    await page.getByLabel('Language of mediation').selectOption('kk');
    await page.getByLabel('Region').selectOption('north_kazakhstan');
    await page.getByRole('button', { name: 'Show suggestions' }).click();
    const suggestions = page
      .getByRole('region', { name: 'Find a mediator for my dispute' })
      .getByRole('article');
    await suggestions.first().waitFor();
    const first = suggestions.first();
    await first.getByText('Why this mediator:').waitFor();
    await first.getByText('Mediates in Kazakh.').waitFor();
    await first.getByText(/of 100 points$/).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'registry-matching-desktop-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
