import { asc, eq, inArray } from 'drizzle-orm';
import type { AgreementView } from '../../../contracts/agreements.ts';
import { termsOf } from '../../../core/agreements/compose.ts';
import { validateAgreement } from '../../../core/agreements/validate.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { agreementComments, users } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { signingParties } from './facts.ts';
import { filingViewOf } from './filing-view.ts';
import { ensurePdf } from './freeze.ts';
import { type AgreementActor, agreementReader, DRAFTING_STATUSES, SIGNING_STATUSES } from './policy.ts';
import {
  type AgreementRow,
  approvalsOf,
  currentPdf,
  listVersions,
  loadVersion,
  openDraft,
  openText,
  requireAgreement,
  signaturesOf,
  type VersionRow,
} from './store.ts';

// The agreement as one participant sees it (issue 6): the version asked for (the latest by
// default) with its problems, the history, comments, who approved and signed, and what the caller
// may do now. Representatives read everything and act on nothing (policy.ts).

const namesOf = async (db: Db, ids: string[]) => {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
};

const roleOf = (key: string) => (key === 'mediator' ? ('mediator' as const) : ('party' as const));

const summary = async (ctx: AppContext, caseId: string, row: VersionRow, names: Map<string, string>) => ({
  number: row.number,
  hash: row.hash,
  authorRole: roleOf(row.authorAs),
  authorName: names.get(row.authorId) ?? '',
  note: row.note ? await openText(ctx, caseId, row.note) : null,
  createdAt: row.createdAt.toISOString(),
});

const signersOf = async (ctx: AppContext, actor: AgreementActor, row: AgreementRow) => {
  const approvals = await approvalsOf(ctx.db, row.id, row.latestVersion);
  const signatures = await signaturesOf(ctx.db, row.id);
  const mediatorName = actor.loaded.mediatorUserId
    ? ((await namesOf(ctx.db, [actor.loaded.mediatorUserId])).get(actor.loaded.mediatorUserId) ?? '')
    : '';
  const named = [
    ...signingParties(actor.loaded).map((p) => ({ key: p.id, name: p.fullName })),
    { key: 'mediator', name: mediatorName },
  ];
  return named.map(({ key, name }) => {
    const signature = signatures.find((s) => s.signer === key);
    return {
      key,
      role: roleOf(key),
      name,
      approvedLatest: approvals.some((a) => a.signer === key),
      signature: signature
        ? {
            position: signature.position,
            method: signature.method,
            kind: signature.kind,
            commonName: signature.commonName,
            signedAt: signature.createdAt.toISOString(),
          }
        : null,
    };
  });
};

export const agreementViewOf = async (
  ctx: AppContext,
  actor: AgreementActor,
  row: AgreementRow,
  locale: Locale,
  versionNumber = row.latestVersion,
): Promise<AgreementView> => {
  const caseId = row.caseId;
  const versions = await listVersions(ctx.db, row.id);
  const shown =
    versions.find((v) => v.number === versionNumber) ?? (await loadVersion(ctx.db, row.id, versionNumber));
  const comments = await ctx.db
    .select()
    .from(agreementComments)
    .where(eq(agreementComments.agreementId, row.id))
    .orderBy(asc(agreementComments.createdAt));
  const names = await namesOf(ctx.db, [
    ...versions.map((v) => v.authorId),
    ...comments.map((c) => c.authorId),
  ]);
  const draft = await openDraft(ctx, caseId, shown);
  const signers = await signersOf(ctx, actor, row);
  const me = actor.key;
  const mine = signers.find((s) => s.key === me);
  const status = actor.loaded.row.status;
  const drafting = row.status === 'drafting' && (DRAFTING_STATUSES as readonly string[]).includes(status);
  const filing = await filingViewOf(ctx, row, locale);
  const signed = row.status === 'signed';
  const isParty = me !== null && me !== 'mediator';
  return {
    id: row.id,
    status: row.status,
    category: draft.case.category,
    latestVersion: row.latestVersion,
    frozenVersion: row.frozenVersion,
    version: {
      ...(await summary(ctx, caseId, shown, names)),
      draft: draft as unknown as Record<string, unknown>,
      terms: termsOf(draft, shown.layout),
      problems: validateAgreement(draft),
    },
    versions: await Promise.all(versions.map((v) => summary(ctx, caseId, v, names))),
    comments: await Promise.all(
      comments.map(async (c) => ({
        id: c.id,
        version: c.version,
        authorRole: roleOf(c.authorAs),
        authorName: names.get(c.authorId) ?? '',
        body: await openText(ctx, caseId, c.body),
        createdAt: c.createdAt.toISOString(),
      })),
    ),
    signers,
    parties: draft.parties.map((p) => ({ id: p.id, kind: p.kind, name: p.name })),
    pdf: row.pdfSha256 ? { sha256: row.pdfSha256, signedSha256: row.signedPdfSha256 } : null,
    can: {
      edit: me !== null && drafting,
      approve: me !== null && drafting && Boolean(mine) && !mine?.approvedLatest,
      sign:
        me !== null &&
        row.status === 'frozen' &&
        (SIGNING_STATUSES as readonly string[]).includes(status) &&
        Boolean(mine) &&
        !mine?.signature,
      requestFiling: isParty && signed && filing === null,
      consentFiling:
        isParty &&
        filing?.status === 'awaiting_consent' &&
        !filing.consents.some((c) => c.partyId === me && c.at),
    },
    me,
    filing,
  };
};

export const getAgreement = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  locale: Locale,
  version?: number,
) => {
  const actor = await agreementReader(ctx.db, principal, caseId);
  const row = await requireAgreement(ctx.db, caseId);
  return agreementViewOf(ctx, actor, row, locale, version);
};

/** The PDF as it stands (frozen, with the signatures made so far), for the participants. */
export const agreementPdf = async (ctx: AppContext, principal: Principal, caseId: string) => {
  const actor = await agreementReader(ctx.db, principal, caseId);
  const row = await ensurePdf(ctx, await requireAgreement(ctx.db, caseId));
  const bytes = await currentPdf(ctx, row);
  const suffix = row.status === 'signed' ? 'signed' : `v${row.frozenVersion}`;
  return { bytes, name: `kelisim-${actor.loaded.row.number}-${suffix}.pdf` };
};
