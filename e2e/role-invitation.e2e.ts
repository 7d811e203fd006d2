import { describe, expect, it } from 'vitest';
import { completeKzId } from '../src/core/identity/kz-id.ts';
import { chromiumMissing } from './support/browser.ts';
import { isFocused, linkFromOutbox, logIn } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

describe.skipIf(chromiumMissing)('role invitations in the browser', () => {
  const suite = browserSuite();

  it('an administrator invites a mediator, who registers from the link, accepts, and can lose the role again', async () => {
    const admin = await suite.newPage({ locale: 'ru-RU' });
    await logIn(admin.page, 'admin@demo.kelisim.kz');
    await admin.page.getByRole('link', { name: 'Пайдаланушылар' }).first().click();
    await admin.page.getByRole('heading', { level: 1, name: 'Пайдаланушылар' }).waitFor();

    // A court user needs a court: the select appears with the role, and is required.
    const invitee = `mediator.${Date.now()}@example.kz`;
    await admin.page.getByLabel('Адамның электрондық поштасы').fill(invitee);
    await admin.page.getByLabel('Рөл', { exact: true }).selectOption('court_user');
    await admin.page.getByLabel('Сот', { exact: true }).waitFor();
    await admin.page.getByRole('button', { name: 'Шақыру жіберу' }).click();
    await expect.poll(() => isFocused(admin.page, '#courtId')).toBe(true);
    await admin.page.getByLabel('Рөл', { exact: true }).selectOption('mediator');
    await admin.page.getByRole('button', { name: 'Шақыру жіберу' }).click();
    await admin.page.getByText(`Шақыру ${invitee} мекенжайына жіберілді.`).waitFor();

    const link = await linkFromOutbox(admin.page, invitee);
    expect(link).toContain('/invitation?token=');

    const person = await suite.newPage({ locale: 'en-US' });
    const { page } = person;
    await page.goto(link);
    await page.getByText('invites you to Kelisim with the role: Mediator.', { exact: false }).waitFor();
    await page.getByText(`log in with the address ${invitee}`, { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Register' }).last().click();
    await page.waitForURL(
      (url) =>
        url.pathname === '/register' && url.searchParams.get('next')?.startsWith('/invitation') === true,
    );

    await page.getByLabel('Full name', { exact: true }).fill('Saule Nurlanovna Abenova');
    await page
      .getByLabel('IIN', { exact: true })
      .fill(completeKzId('85061540011') ?? completeKzId('85061540012') ?? '');
    await page.getByLabel('Email', { exact: true }).fill(invitee);
    await page.getByLabel('Password', { exact: true }).fill('mediation is dialogue');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => url.pathname === '/invitation');

    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page.getByText('Done: you now have the role Mediator.').waitFor();
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.getByRole('heading', { level: 3, name: 'Mediator' }).waitFor();

    // The session is lost (cookie gone): the next API call leads to login and back here.
    await page
      .getByRole('link', { name: /^Notifications/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await person.context.clearCookies();
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.waitForURL(`${suite.url}/login?next=%2Fnotifications`);
    await logIn(page, invitee, 'mediation is dialogue');
    await page.waitForURL(`${suite.url}/notifications`);

    // The administrator takes the role back after confirming.
    await admin.page.goto('/admin/users');
    await admin.page.getByLabel('Аты немесе электрондық пошта бойынша іздеу').fill(invitee);
    await admin.page.getByRole('button', { name: 'Іздеу' }).click();
    await admin.page.getByText('1 тіркелгі табылды').waitFor();
    await admin.page
      .getByRole('button', { name: 'Saule Nurlanovna Abenova пайдаланушысынан «Медиатор» рөлін алып тастау' })
      .first()
      .click();
    const dialog = admin.page.getByRole('dialog', { name: 'Рөлді алып тастау керек пе?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Рөлді алып тастау' }).click();
    await admin.page.getByText('Saule Nurlanovna Abenova пайдаланушысынан «Медиатор» рөлі алынды.').waitFor();

    // The last platform administrator cannot lose that role: the server says why.
    await admin.page.getByLabel('Аты немесе электрондық пошта бойынша іздеу').fill('admin@demo.kelisim.kz');
    await admin.page.getByRole('button', { name: 'Іздеу' }).click();
    await admin.page.getByText('1 тіркелгі табылды').waitFor();
    await admin.page
      .getByRole('button', { name: /«Платформа әкімшісі» рөлін алып тастау/ })
      .first()
      .click();
    await admin.page.getByRole('dialog').getByRole('button', { name: 'Рөлді алып тастау' }).click();
    await admin.page
      .getByRole('alert')
      .getByText('Соңғы платформа әкімшісінен бұл рөлді алып тастауға болмайды.')
      .waitFor();

    expect(admin.errors).toEqual([]);
    expect(person.errors).toEqual([]);
    await admin.context.close();
    await person.context.close();
  });
});
