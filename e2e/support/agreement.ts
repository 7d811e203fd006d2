import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { kzDate } from '../../src/core/calendar/dates.ts';
import type { Locale } from '../../src/core/identity/roles.ts';
import { SCREENSHOTS } from './browser.ts';
import { say } from './pages.ts';

// What the settlement agreement's browser test (e2e/agreement.e2e.ts) does on the case page, as a
// person does it: through the agreement section's named regions, groups and labels.

/** Patience for what crosses the network, signs, or renders a PDF on a loaded 2-core machine. */
export const SLOW = { timeout: 90_000 };

/** The "Settlement agreement" region of the case page. */
export const agreementSection = (page: Page, locale: Locale) =>
  page.getByRole('region', { name: say(locale, 'web.agreement.title'), exact: true });

/** A fieldset of the builder, by its legend. */
const group = (scope: Page | Locator, name: string) => scope.getByRole('group', { name, exact: true });

/** A date `days` from today in Kazakhstan, as a date input takes it (YYYY-MM-DD). */
export const daysFromNow = (days: number) => kzDate(new Date(Date.now() + days * 86_400_000));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A message with its numbers as "any number": one pattern for every plural form. */
const anyCount = (texts: string[]) =>
  new RegExp(`^(${texts.map((text) => escapeRegExp(text).replace(/\d+/g, '\\d+')).join('|')})$`);

/**
 * The builder's summary at its top, a region named by its heading: "Nothing blocks approval" or
 * "N problems to fix before approval".
 */
export const problemSummary = (page: Page, locale: Locale) =>
  agreementSection(page, locale).getByRole('region', {
    name: anyCount([
      say(locale, 'web.agreement.summary.noErrors'),
      ...[1, 2, 5].map((count) => say(locale, 'web.agreement.summary.errors', { count })),
    ]),
  });

/** The problems the builder lists (links to their fields), for a message when something is left. */
export const listedProblems = async (page: Page, locale: Locale) =>
  (await problemSummary(page, locale).getByRole('link').allTextContents()).map((text) => text.trim());

export type DebtTerms = {
  /** Whole tenge, e.g. 1 200 000. */
  amount: string;
  instalments: { date: string; amount: string }[];
  iban: string;
  place: { kk: string; ru: string };
};

/**
 * The builder, from the civil template: keeps its first obligation (the debt) and fills it in
 * (sum, instalments, bank transfer), removes the template's other obligations (a delivery and a
 * repair nobody agreed to), and writes the place where the agreement is made.
 */
export const fillDebtAgreement = async (page: Page, locale: Locale, terms: DebtTerms) => {
  const section = agreementSection(page, locale);
  const lang = (scope: Locator, language: 'kk' | 'ru') =>
    scope.getByLabel(say(locale, `web.agreement.languageNames.${language}`), { exact: true });

  const place = group(section, say(locale, 'web.agreement.general.place'));
  await lang(place, 'kk').fill(terms.place.kk);
  await lang(place, 'ru').fill(terms.place.ru);

  // The template suggests several obligations; this settlement is the debt alone (the first one).
  const obligationName = (n: number) => say(locale, 'web.agreement.obligation.legend', { n });
  for (;;) {
    const second = group(section, obligationName(2));
    if ((await second.count()) === 0) break;
    await second
      .getByRole('button', { name: say(locale, 'web.agreement.obligation.remove', { n: 2 }) })
      .click();
  }

  const debt = group(section, obligationName(1));
  await debt.getByLabel(say(locale, 'web.agreement.subject.amount')).fill(terms.amount);
  const deadline = group(debt, say(locale, 'web.agreement.deadline.legend'));
  await deadline.getByLabel(say(locale, 'web.agreement.deadline.kinds.instalments')).check();
  for (const [index, instalment] of terms.instalments.entries()) {
    const n = index + 1;
    if (index > 0)
      await deadline.getByRole('button', { name: say(locale, 'web.agreement.deadline.addPayment') }).click();
    await deadline.getByLabel(say(locale, 'web.agreement.deadline.paymentDate', { n })).fill(instalment.date);
    await deadline
      .getByLabel(say(locale, 'web.agreement.deadline.paymentAmount', { n }))
      .fill(instalment.amount);
  }
  const method = group(debt, say(locale, 'web.agreement.method.legend'));
  await method
    .getByLabel(say(locale, 'web.agreement.method.kind'))
    .selectOption({ label: say(locale, 'web.agreement.method.kinds.bank_transfer') });
  const iban = method.getByLabel(say(locale, 'web.agreement.method.iban'));
  await iban.fill(terms.iban);
  await iban.blur();
};

/** Approves the latest version through the confirmation dialog. */
export const approveVersion = async (page: Page, locale: Locale, n: number) => {
  const section = agreementSection(page, locale);
  await section.getByRole('button', { name: say(locale, 'web.agreement.approvals.approve', { n }) }).click();
  const dialog = page.getByRole('dialog', {
    name: say(locale, 'web.agreement.approvals.confirmTitle', { n }),
  });
  await dialog.getByRole('button', { name: say(locale, 'web.agreement.approvals.confirm', { n }) }).click();
  await dialog.waitFor({ state: 'hidden' });
};

/** Signs the frozen agreement with a key on this device (the platform key) and waits for the news. */
export const signWithDeviceKey = async (page: Page, locale: Locale, last = false) => {
  const section = agreementSection(page, locale);
  const form = section.getByRole('form', { name: say(locale, 'web.signing.sign.title') });
  const method = form.getByLabel(say(locale, 'web.signing.sign.platform.label'));
  await method.check();
  await form.getByRole('button', { name: say(locale, 'web.signing.sign.platform.button') }).click();
  await section
    .getByText(say(locale, last ? 'web.signing.done.allSigned' : 'web.signing.done.signed'), { exact: true })
    .waitFor(SLOW);
};

/** Just the agreement section (the whole case page is long). */
export const photographSection = async (page: Page, locale: Locale, name: string) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await agreementSection(page, locale).screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
};

/** Nothing left that would block approval: the builder's summary says so (or lists what is left). */
export const expectNothingBlocks = async (page: Page, locale: Locale) => {
  const title = agreementSection(page, locale).getByRole('heading', {
    name: say(locale, 'web.agreement.summary.noErrors'),
  });
  await expect
    .poll(async () => ((await title.count()) > 0 ? [] : await listedProblems(page, locale)), {
      timeout: 10_000,
    })
    .toEqual([]);
};

// --- Setting the scene through the API (as the other browser tests do) ----------------------------

type Api = Page['request'];

const json = async <T>(response: Awaited<ReturnType<Api['get']>>, what: string, status = 200): Promise<T> => {
  if (response.status() !== status)
    throw new Error(`${what}: HTTP ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
};

/** The newest outbox email to `to`, its first link matching `pattern` (demo mode keeps mail on disk). */
const linkInMail = async (admin: Api, to: string, pattern: RegExp) => {
  let found: string | null = null;
  await expect
    .poll(
      async () => {
        const { messages } = await json<{ messages: { id: string; to: string; sentAt: string }[] }>(
          await admin.get('/api/admin/outbox'),
          'outbox',
        );
        const newest = messages.filter((m) => m.to === to).sort((x, y) => y.sentAt.localeCompare(x.sentAt));
        for (const message of newest) {
          const { text } = await json<{ text: string }>(
            await admin.get(`/api/admin/outbox/${encodeURIComponent(message.id)}`),
            'outbox entry',
          );
          const match = text.match(pattern);
          if (match?.[1]) {
            found = match[1];
            return true;
          }
        }
        return false;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
  return found as unknown as string;
};

export type Person = { api: Api; email: string; fullName: string };

/**
 * A running civil mediation between A and B (both just registered) with the demo mediator M:
 * A files, B accepts the emailed invitation, both choose M, M accepts declaring no conflict, all
 * three confirm the contract (R-MED-07). Returns the case's id and number.
 */
export const activeCivilCase = async (
  people: { a: Person & { iin: string }; b: Person & { iin: string }; m: Api; admin: Api },
  request: { mediator: string; subject: string },
) => {
  const { a, b, m, admin } = people;
  for (const [person, locale] of [
    [a, 'kk'],
    [b, 'ru'],
  ] as const)
    await json(
      await person.api.post('/api/auth/register', {
        data: {
          kind: 'individual',
          fullName: person.fullName,
          email: person.email,
          password: 'mediation is dialogue',
          iin: person.iin,
          locale,
        },
      }),
      `register ${person.email}`,
      201,
    );
  const created = await json<{ id: string; number: string }>(
    await a.api.post('/api/cases', {
      data: {
        category: 'civil',
        subject: request.subject,
        description: 'Наурызда берілген қарыз қыркүйекте қайтарылуы тиіс еді.',
        claimAmountKzt: 1_200_000,
        region: 'north_kazakhstan',
        language: 'kk',
        remote: true,
        wantsPublicMediator: false,
        respondent: { kind: 'individual', fullName: b.fullName, iin: b.iin, email: b.email },
      },
    }),
    'create the request',
    201,
  );
  const caseId = created.id;
  await json(await a.api.post(`/api/cases/${caseId}/submit`), 'submit');
  const token = await linkInMail(admin, b.email, /\/cases\/invitation\/([A-Za-z0-9_-]+)/);
  await json(await b.api.post(`/api/case-invitations/${token}/accept`, { data: {} }), 'accept');
  const { suggestions } = await json<{ suggestions: { id: string; fullName: string }[] }>(
    await a.api.get(`/api/cases/${caseId}/suggestions`),
    'suggestions',
  );
  const mediator = suggestions.find((s) => s.fullName === request.mediator);
  if (!mediator) throw new Error(`${request.mediator} is not suggested for the case`);
  for (const party of [a, b])
    await json(
      await party.api.post(`/api/cases/${caseId}/mediator-choice`, { data: { mediatorId: mediator.id } }),
      'choose the mediator',
    );
  const asked = await json<{ parties: { id: string }[] }>(await m.get(`/api/cases/${caseId}`), 'case');
  const answered = await json<{ contract: { hash: string } }>(
    await m.post(`/api/cases/${caseId}/mediator-answer`, {
      data: { accept: true, declarations: asked.parties.map((p) => ({ partyId: p.id, conflict: false })) },
    }),
    'mediator answer',
  );
  for (const who of [a.api, b.api, m])
    await json(
      await who.post(`/api/cases/${caseId}/contract/confirm`, {
        data: { contractHash: answered.contract.hash },
      }),
      'confirm the contract',
    );
  const view = await json<{ status: string }>(await m.get(`/api/cases/${caseId}`), 'case');
  expect(view.status).toBe('active');
  return { caseId, caseNumber: created.number };
};

/**
 * A court user of the court `code`: the administrator invites the address to the role with that
 * court, the person registers and accepts the emailed invitation.
 */
export const courtUser = async (admin: Api, judge: Person & { iin: string }, code: string) => {
  const { courts } = await json<{ courts: { id: string; code: string; name: string }[] }>(
    await admin.get('/api/courts'),
    'courts',
  );
  const court = courts.find((c) => c.code === code);
  if (!court) throw new Error(`no court ${code}`);
  await json(
    await admin.post('/api/admin/invitations', {
      data: { email: judge.email, role: 'court_user', courtId: court.id },
    }),
    'invite the court user',
    201,
  );
  await json(
    await judge.api.post('/api/auth/register', {
      data: {
        kind: 'individual',
        fullName: judge.fullName,
        email: judge.email,
        password: 'mediation is dialogue',
        iin: judge.iin,
        locale: 'ru',
      },
    }),
    'register the court user',
    201,
  );
  const token = await linkInMail(admin, judge.email, /\/invitation\?token=([A-Za-z0-9_-]+)/);
  await json(await judge.api.post('/api/invitations/accept', { data: { token } }), 'accept the role');
  return court;
};
