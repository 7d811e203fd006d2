import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { agreements } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import { transact } from '../../platform/transaction.ts';
import type { Step } from './commands.ts';
import { requiredSigners } from './facts.ts';
import { renderAgreementPdf } from './pdf/render.ts';
import { type AgreementRow, loadVersion, openDraft, putFile, sha256, type VersionRow } from './store.ts';

// Freezing (issue 6, "when all parties and the mediator approve the same version, it is frozen"):
// the status changes in the approving transaction; the PDF is rendered after commit (no PDF work
// inside a transaction, DESIGN.md §3) and again on demand if that ever failed — rendering is
// deterministic, so a second rendering gives the same bytes and the same hash.

export const freezeIfEveryoneApproved = async (
  s: Step,
  row: AgreementRow,
  version: VersionRow,
  approvers: string[],
) => {
  const missing = requiredSigners(s.actor.loaded).filter((key) => !approvers.includes(key));
  if (missing.length) return false;
  await s.tx
    .update(agreements)
    .set({ status: 'frozen', frozenVersion: version.number, frozenAt: s.now, updatedAt: s.now })
    .where(eq(agreements.id, row.id));
  await audit(
    s.tx,
    {
      actorId: s.userId,
      action: 'agreement.frozen',
      subjectType: 'agreement',
      subjectId: row.id,
      data: { caseId: row.caseId, version: version.number, hash: version.hash },
    },
    s.now,
  );
  s.after(() => ensurePdf(s.ctx, { ...row, status: 'frozen', frozenVersion: version.number }));
  return true;
};

/** The frozen version's PDF: stored once, rendered now if it is not stored yet. */
export const ensurePdf = async (ctx: AppContext, row: AgreementRow): Promise<AgreementRow> => {
  if (row.pdfBlob || row.frozenVersion === null) return row;
  const version = await loadVersion(ctx.db, row.id, row.frozenVersion);
  const draft = await openDraft(ctx, row.caseId, version);
  const rendered = await renderAgreementPdf(draft, {
    layout: version.layout,
    publicUrl: ctx.config.publicUrl,
  });
  const key = await putFile(ctx, row, rendered.bytes);
  const pdf = { pdfBlob: key, pdfSha256: sha256(rendered.bytes), pdfLength: rendered.bytes.length };
  return transact(ctx, async (tx) => {
    const [updated] = await tx.update(agreements).set(pdf).where(eq(agreements.id, row.id)).returning();
    return updated ?? { ...row, ...pdf };
  });
};
