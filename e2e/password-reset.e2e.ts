import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser.ts';
import { lang, linkFromOutbox, logIn } from './support/pages.ts';
import { browserSuite } from './support/suite.ts';

describe.skipIf(chromiumMissing)('password reset in the browser', () => {
  const suite = browserSuite();

  it('a forgotten password is replaced through the emailed one-hour link, which then cannot be reused', async () => {
    const visitor = await suite.newPage({ locale: 'en-US' });
    const { page } = visitor;
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email', { exact: true }).fill('analyst@demo.kelisim.kz');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('If an account with the address analyst@demo.kelisim.kz exists').waitFor();
    await page.getByText('valid for one hour').waitFor();

    const admin = await suite.newPage({ locale: 'kk' });
    await logIn(admin.page, 'admin@demo.kelisim.kz');
    const link = await linkFromOutbox(admin.page, 'analyst@demo.kelisim.kz');
    expect(link).toContain('/reset-password?token=');

    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('a brand new password');
    await page.getByLabel('Repeat the new password', { exact: true }).fill('a brand new passw0rd');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('The passwords do not match.', { exact: false }).waitFor();
    await expect.poll(() => page.locator('#confirm').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#newPassword').inputValue()).toBe('a brand new password');

    await page.getByLabel('Repeat the new password', { exact: true }).fill('a brand new password');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Your password has been changed').waitFor();
    await page.getByRole('link', { name: 'Log in' }).last().click();
    await logIn(page, 'analyst@demo.kelisim.kz', 'a brand new password');
    // The analyst's account language is English.
    await page.getByRole('heading', { level: 1, name: 'Hello, Timur Akhmetov!' }).waitFor();
    expect(await lang(page)).toBe('en');

    // The same link a second time: refused as soon as it opens (nothing to type in vain),
    // with a way to ask for a new one.
    await page.goto(link);
    await page.getByRole('alert').getByText('This link has already been used.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    expect(await page.getByLabel('New password', { exact: true }).count()).toBe(0);

    // A made-up token: the same page explains it is not valid.
    await page.goto('/reset-password?token=not-a-real-token-at-all');
    await page.getByRole('alert').getByText('This link is not valid.', { exact: false }).waitFor();

    expect(visitor.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
    await visitor.context.close();
    await admin.context.close();
  });
});
