import { once } from 'node:events';
import type { Page } from 'playwright-core';
import { WebSocket } from 'ws';
import { startingTerms } from '../../src/core/agreements/compose.ts';
import { NCALAYER_URL } from '../../src/web/features/signing/ncalayer.ts';
import { debtTerms } from '../../test/agreements/flow.ts';
import { daysFromNow } from './agreement.ts';

// NCALayer in a browser test (issue 6): the page's NCALayer client dials wss://127.0.0.1:13579 as
// it would on a citizen's computer; the test catches that socket and carries every frame, both
// ways, to the protocol-faithful fake (test/fake-ncalayer.ts, plain ws on a random port).
// Playwright's `connectToServer()` can only dial the page's own URL, so the socket is answered here
// and bridged with a Node client instead.

type Api = Page['request'];
export type NcaLayerRequest = Record<string, unknown>;

/** Where the next NCALayer connection goes, and what happens to the page's requests on the way. */
export type NcaLayerLine = { url: string; rewrite?: (request: NcaLayerRequest) => NcaLayerRequest };

const NCALAYER_HOST = new URL(NCALAYER_URL).host;

/**
 * Routes the page's NCALayer connections to `line()` (asked for each new connection, so a test
 * can switch fakes between attempts). Returns the requests as the page sent them, before any
 * rewrite. Call before the page navigates: the route is installed with the page's scripts.
 */
export const routeNcaLayer = async (page: Page, line: () => NcaLayerLine) => {
  const sent: NcaLayerRequest[] = [];
  await page.routeWebSocket(
    (url) => url.protocol === 'wss:' && url.host === NCALAYER_HOST,
    async (route) => {
      const { url, rewrite } = line();
      const upstream = new WebSocket(url);
      upstream.on('message', (data) => route.send(data.toString()));
      upstream.on('close', () => void route.close());
      route.onMessage((message) => {
        const text = message.toString();
        const request = JSON.parse(text) as NcaLayerRequest;
        sent.push(request);
        upstream.send(rewrite ? JSON.stringify(rewrite(request)) : text);
      });
      route.onClose(() => upstream.close());
      // The page sees the socket open once the fake has answered the connection.
      await once(upstream, 'open');
    },
  );
  return sent;
};

/** An NCALayer that offers every key, whatever IIN the page asked for (signerParams.iin dropped). */
export const ignoreIinFilter = (request: NcaLayerRequest): NcaLayerRequest => {
  const args = request.args as { signerParams?: Record<string, unknown> } | undefined;
  if (!args?.signerParams) return request;
  const { iin: _iin, ...signerParams } = args.signerParams;
  return { ...request, args: { ...args, signerParams } };
};

const json = async <T>(response: Awaited<ReturnType<Api['get']>>, what: string, status = 200): Promise<T> => {
  if (response.status() !== status)
    throw new Error(`${what}: HTTP ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
};

/**
 * Freezes a debt settlement through the API (the builder's screens are agreement.e2e.ts's): the
 * mediator starts it from the civil template, A proposes version 2 (one debt in two instalments
 * by bank transfer), A, B and the mediator approve it. Returns the frozen version's hash.
 */
export const frozenDebtAgreement = async (people: { a: Api; b: Api; m: Api }, caseId: string) => {
  const { a, b, m } = people;
  const { parties } = await json<{ parties: { id: string; side: string }[] }>(
    await m.get(`/api/cases/${caseId}`),
    'case',
  );
  const partyIds = [...parties]
    .sort((x, y) => (x.side === 'initiator' ? -1 : y.side === 'initiator' ? 1 : 0))
    .map((party) => party.id);
  const terms = startingTerms({
    category: 'civil',
    partyIds,
    languages: ['kk', 'ru'],
    layout: 'kk+ru',
    subject: { kk: 'Қарызды қайтару туралы дау', ru: 'Спор о возврате займа' },
  });
  await json(await m.post(`/api/cases/${caseId}/agreement`, { data: { terms } }), 'draft', 201);
  const debt = debtTerms(partyIds);
  const deadline = debt.obligations[0]?.deadline;
  if (deadline?.kind !== 'instalments') throw new Error('debtTerms changed: no instalments');
  // Dates from today on, so the terms stay valid whenever the test runs.
  deadline.instalments = deadline.instalments.map((instalment, index) => ({
    ...instalment,
    date: daysFromNow(30 * (index + 1)),
  }));
  const { version } = await json<{ version: { hash: string } }>(
    await a.post(`/api/cases/${caseId}/agreement/versions`, {
      data: { basedOn: 1, note: 'Сомалар мен мерзімдер', terms: debt },
    }),
    'version 2',
    201,
  );
  for (const who of [a, b, m])
    await json(
      await who.post(`/api/cases/${caseId}/agreement/approve`, { data: { version: 2, hash: version.hash } }),
      'approve version 2',
    );
  return version.hash;
};
