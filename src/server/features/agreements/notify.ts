import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import type { AfterCommit } from '../../platform/transaction.ts';
import type { LoadedCase } from '../cases/store.ts';
import { notifyAll } from '../notifications/commands.ts';
import { signingParties } from './facts.ts';

// Every step of an agreement is told to the others whose agreement it is (the parties' accounts
// and the mediator), in the app and by email — never to the court, never its text (R-MED-17).

export type AgreementEvent =
  | 'drafted'
  | 'version'
  | 'comment'
  | 'approved'
  | 'frozen'
  | 'signed'
  | 'signed_by_all'
  | 'filing_requested'
  | 'filed'
  | 'court_approved'
  | 'court_refused';

type Scope = {
  ctx: AppContext;
  tx: Db;
  after: AfterCommit;
  userId: string | null;
  actor: { loaded: LoadedCase };
};

export const participantAccounts = (loaded: LoadedCase) =>
  [...signingParties(loaded).map((p) => p.userId), loaded.mediatorUserId].filter((id): id is string =>
    Boolean(id),
  );

export const tellParticipants = (
  s: Scope,
  event: AgreementEvent,
  params: Record<string, string | number> = {},
) => {
  const { row } = s.actor.loaded;
  // Comments and approvals are frequent and small: in the app only; the rest also by email.
  const email = !['comment', 'approved', 'signed'].includes(event);
  return notifyAll(
    s.ctx,
    s.tx,
    s.after,
    participantAccounts(s.actor.loaded)
      .filter((id) => id !== s.userId)
      .map((userId) => ({
        userId,
        kind: `agreements.${event}`,
        params: { number: row.number, ...params },
        link: `/cases/${row.id}#agreement`,
        email,
      })),
  );
};
