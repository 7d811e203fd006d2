import { describe, expect, it } from 'vitest';
import {
  checkPage,
  chromiumMissing,
  DESKTOP,
  expectNoSeriousAxeViolations,
  PHONE,
  screenshot,
} from './support/browser.ts';
import { kzId } from './support/ids.ts';
import { DEMO_PASSWORD, lang } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

// Accounts journeys in a real Chromium against a real server (issue: registration, login,
// languages, notifications, login redirects, small screens).

/** A valid IIN for a man born on 2 January 1990 (some serial numbers have no check digit). */
const validIin = () => kzId('9001023', 1);

describe.skipIf(chromiumMissing)('accounts in the browser', () => {
  const suite = browserSuite();

  it('a new person registers, logs out and in, switches to Kazakh and finds the welcome notification', async () => {
    const { page, context, errors } = await suite.newPage({ locale: 'en-US' });
    const email = `aidos.${Date.now()}@example.kz`;
    const password = 'steppe wind 2026';
    const name = 'Aidos Serikuly Bekov';

    await page.goto('/register');
    expect(await lang(page)).toBe('en');
    await page.getByLabel('Full name', { exact: true }).fill(name);
    await page.getByLabel('IIN', { exact: true }).fill(validIin());
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.waitForURL(`${suite.url}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Hello, ${name}!`);
    await page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('link', { name: 'Log in' }).first().waitFor();

    await page.getByRole('link', { name: 'Log in' }).first().click();
    await page.waitForURL(`${suite.url}/login`);
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL(`${suite.url}/`);
    await page.getByRole('heading', { name: `Hello, ${name}!` }).waitFor();

    // Kazakh: the interface switches at once and the choice is saved on the account.
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH',
    );
    await page.getByRole('button', { name: 'Қазақша' }).click();
    expect((await saved).status()).toBe(200);
    expect(await lang(page)).toBe('kk');
    await expect
      .poll(() => page.getByRole('button', { name: 'Қазақша' }).getAttribute('aria-pressed'))
      .toBe('true');
    const nav = page.getByRole('navigation', { name: 'Негізгі мәзір' });
    await nav.getByRole('link', { name: 'Басты бет' }).waitFor();
    await page.getByRole('button', { name: 'Шығу' }).waitFor();

    await page.getByRole('link', { name: 'Хабарламалар, 1 оқылмаған' }).click();
    await page.waitForURL(`${suite.url}/notifications`);
    await page.getByRole('heading', { level: 1, name: 'Хабарламалар' }).waitFor();
    const welcome = page.getByRole('listitem').filter({ hasText: `Келісімге қош келдіңіз, ${name}.` });
    await welcome.waitFor();
    await welcome.getByText('Жаңа', { exact: true }).waitFor();
    await screenshot(page, 'notifications-desktop-kk-unread');

    await page.getByRole('button', { name: 'Барлығын оқылды деп белгілеу' }).click();
    await page.getByText('Барлығы оқылды.').waitFor();
    await page.getByRole('link', { name: 'Хабарламалар', exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Шығу' }).click();
    await page.getByRole('link', { name: 'Кіру' }).first().waitFor();
    expect(await lang(page)).toBe('kk');
    await context.close();

    // Another browser that prefers English: after login the account's language (now kk) wins.
    const other = await suite.newPage({ locale: 'en-US' });
    await other.page.goto('/login');
    expect(await lang(other.page)).toBe('en');
    await other.page.getByLabel('Email', { exact: true }).fill(email);
    await other.page.getByLabel('Password', { exact: true }).fill(password);
    await other.page.getByRole('button', { name: 'Log in', exact: true }).click();
    await other.page.getByRole('heading', { name: `Сәлеметсіз бе, ${name}!` }).waitFor();
    expect(await lang(other.page)).toBe('kk');
    await other.context.close();

    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
  });

  it('a wrong IIN or a taken email is refused in the visitor’s language and nothing typed is lost', async () => {
    const { page, context, errors } = await suite.newPage({ locale: 'ru-RU' });
    await page.goto('/register');
    expect(await lang(page)).toBe('ru');

    await page.getByLabel('Фамилия, имя, отчество', { exact: true }).fill('Анна Петровна Ким');
    await page.getByLabel('ИИН', { exact: true }).fill('123456789012');
    await page.getByLabel('Электронная почта', { exact: true }).fill('party@demo.kelisim.kz');
    await page.getByLabel('Мобильный телефон').fill('+7 701 123 45 67');
    await page.getByLabel('Пароль', { exact: true }).fill('длинный пароль 1');
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();

    const iin = page.getByLabel('ИИН', { exact: true });
    await expect.poll(() => iin.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => iin.evaluate((el) => el === document.activeElement)).toBe(true);
    await page
      .getByText('ИИН недействителен: нужно 12 цифр с верной контрольной цифрой и датой рождения.')
      .waitFor();
    await page.getByRole('alert').getByText('Некоторые поля нужно исправить.').waitFor();
    // The error is tied to the field for screen readers.
    const describedBy = (await iin.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent()).toContain(
      'ИИН недействителен',
    );
    expect(await iin.inputValue()).toBe('123456789012');
    expect(await page.getByLabel('Фамилия, имя, отчество', { exact: true }).inputValue()).toBe(
      'Анна Петровна Ким',
    );
    expect(await page.getByLabel('Пароль', { exact: true }).inputValue()).toBe('длинный пароль 1');

    // A valid IIN, but the email belongs to a demo account: the server's 409 lands on the email field.
    await iin.fill(validIin());
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    const emailField = page.getByLabel('Электронная почта', { exact: true });
    await expect.poll(() => emailField.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => emailField.evaluate((el) => el === document.activeElement)).toBe(true);
    await page
      .getByRole('alert')
      .getByText('Учётная запись с этим адресом уже есть', { exact: false })
      .waitFor();
    expect(await iin.getAttribute('aria-invalid')).toBeNull();
    expect(await emailField.inputValue()).toBe('party@demo.kelisim.kz');
    expect(await page.getByLabel('Мобильный телефон').inputValue()).toBe('+7 701 123 45 67');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a logged-out visit to /profile asks to log in and then returns to /profile', async () => {
    const { page, context, errors } = await suite.newPage({ locale: 'ru-RU' });
    await page.goto('/profile');
    await page.waitForURL(`${suite.url}/login?next=%2Fprofile`);
    await page.getByRole('heading', { level: 1, name: 'Вход' }).waitFor();

    // Demo mode: a button per demo account fills the form.
    await page.getByRole('button', { name: /party@demo\.kelisim\.kz/ }).click();
    expect(await page.getByLabel('Электронная почта', { exact: true }).inputValue()).toBe(
      'party@demo.kelisim.kz',
    );
    expect(await page.getByLabel('Пароль', { exact: true }).inputValue()).toBe(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();

    await page.waitForURL(`${suite.url}/profile`);
    // The demo party's account language is Kazakh: it wins over the browser's Russian.
    await page.getByRole('heading', { level: 1, name: 'Профиль' }).waitFor();
    expect(await lang(page)).toBe('kk');
    await page.getByText('Айгерім Сейітқызы Нұрланова', { exact: true }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('login and register work at 360 px in all three languages without serious accessibility violations', async () => {
    for (const locale of ['kk', 'ru', 'en'] as const) {
      const { page, context, errors } = await suite.newPage({
        ...PHONE,
        locale,
        bypassCSP: true,
      });
      for (const route of ['login', 'register']) {
        await page.goto(`/${route}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(await lang(page)).toBe(locale);
        await checkPage(page, `${route}-360-${locale}`);
      }
      // Keyboard: the first Tab lands on the skip link, which moves focus to the main content.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // Errors shown in the form must not break the layout or the accessibility either.
      await page
        .getByRole('button', {
          name: { kk: 'Тіркелгі ашу', ru: 'Зарегистрироваться', en: 'Create account' }[locale],
        })
        .click();
      await page.getByRole('alert').waitFor();
      await checkPage(page, `register-360-${locale}-errors`);
      // The organisation variant asks for the BIN and the organisation's name too.
      await page.locator('#kind-organisation').check();
      await page.locator('#bin').waitFor();
      await page.locator('#organisationName').waitFor();
      await checkPage(page, `register-360-${locale}-organisation`);
      expect(errors).toEqual([]);
      await context.close();
    }
    const desktop = await suite.newPage({ ...DESKTOP, locale: 'kk', bypassCSP: true });
    for (const route of ['', 'login', 'register']) {
      await desktop.page.goto(`/${route}`);
      await desktop.page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoSeriousAxeViolations(desktop.page);
      await screenshot(desktop.page, `${route || 'home'}-desktop-kk`);
    }
    await desktop.context.close();
  });

  it('the signed-in pages work at 360 px and on a desktop without serious accessibility violations', async () => {
    for (const [size, options] of [
      ['360', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const { page, context, errors } = await suite.newPage({
        ...options,
        locale: 'ru-RU',
        bypassCSP: true,
      });
      await page.goto('/login');
      await page.getByLabel('Электронная почта', { exact: true }).fill('admin@demo.kelisim.kz');
      await page.getByLabel('Пароль', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Войти', exact: true }).click();
      await page.waitForURL(`${suite.url}/`);
      // The browser prefers Russian, the demo administrator's account Kazakh: the account wins.
      await expect.poll(() => lang(page)).toBe('kk');
      for (const route of ['/', '/notifications', '/profile', '/admin/users', '/admin/outbox']) {
        await page.goto(route);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByRole('status').filter({ hasText: 'Жүктелуде' }).waitFor({ state: 'detached' });
        await checkPage(page, `${route.slice(1).replaceAll('/', '-') || 'home'}-${size}-signed-in`);
      }
      if (size === '360') {
        // The small-screen menu opens with a button that says whether it is open.
        const menu = page.getByRole('button', { name: 'Мәзір' });
        expect(await menu.getAttribute('aria-expanded')).toBe('false');
        await menu.click();
        expect(await menu.getAttribute('aria-expanded')).toBe('true');
        await page
          .getByRole('navigation', { name: 'Негізгі мәзір' })
          .getByRole('link', { name: 'Пайдаланушылар' })
          .waitFor();
        await expectNoSeriousAxeViolations(page);
        await screenshot(page, 'menu-360-signed-in');
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
