import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { type AgreementTerms, composeDraft } from '../../../core/agreements/compose.ts';
import type { AgreementDraft } from '../../../core/agreements/types.ts';
import { validateAgreement } from '../../../core/agreements/validate.ts';
import { type AgreementView, agreementKeys, agreementsApi } from '../../agreements-api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextArea } from '../../ui/field.tsx';
import { type Rebased, rebaseTerms, sameTerms } from './diff.ts';
import { failureOf } from './failure.ts';
import { type Issue, IssuesProvider } from './issues.tsx';
import { factsOf } from './model.ts';
import { documentOrder, fieldOf } from './paths.ts';
import { type Failure, ProblemSummary } from './summary.tsx';
import { TermsEditor } from './terms-editor.tsx';
import { useAgreementText } from './text.ts';

type Working = { base: AgreementTerms; basedOn: number; terms: AgreementTerms; note: string };

const fromView = (view: AgreementView, note = ''): Working => {
  const terms = view.version.terms as AgreementTerms;
  return { base: terms, basedOn: view.latestVersion, terms, note };
};

type Props = {
  caseId: string;
  /** The agreement at its latest version. */
  view: AgreementView;
  /** Tells the section whether there are unsaved edits (approval then warns). */
  onDirty: (dirty: boolean) => void;
  announce: (text: string) => void;
};

/**
 * The editor of the next version: the latest terms as a working copy, checked by the same core
 * rules as the server on every keystroke, saved as a new version (nothing is overwritten). When
 * someone saves first, the copy stays on screen and can be re-applied on top of theirs.
 */
export const Builder = ({ caseId, view, onDirty, announce }: Props) => {
  const text = useAgreementText();
  const { t } = text;
  const queryClient = useQueryClient();
  const [working, setWorking] = useState(() => fromView(view));
  const [failure, setFailure] = useState<(Failure & { version: number }) | null>(null);
  const [rebased, setRebased] = useState<Rebased['conflicts'] | null>(null);
  const summaryRef = useRef<HTMLElement>(null);
  const dirty = !sameTerms(working.terms, working.base) || working.note.trim() !== '';
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  // A newer version came in with the page's refresh: take it over when nothing is typed here.
  const latest = view.latestVersion;
  useEffect(() => {
    setWorking((current) =>
      latest > current.basedOn && sameTerms(current.terms, current.base) && current.note.trim() === ''
        ? fromView(view)
        : current,
    );
  }, [latest, view]);
  const staleRef = useRef<HTMLDivElement>(null);
  // Someone saved first: known from the page's refresh, or from the server refusing the save.
  const stale = latest > working.basedOn || failure?.code === 'agreement_version_stale';

  useEffect(() => {
    if (!failure) return;
    (failure.code === 'agreement_version_stale' ? staleRef : summaryRef).current?.focus();
  }, [failure]);

  const draft = view.version.draft as AgreementDraft;
  const facts = useMemo(() => factsOf(draft), [draft]);
  const checked = useDeferredValue(working.terms);
  const problems = useMemo(() => validateAgreement(composeDraft(checked, facts)), [checked, facts]);

  const issues = useMemo(() => {
    const live: Issue[] = problems.map((problem, i) => ({
      key: `${problem.code}:${problem.path}:${i}`,
      severity: problem.severity,
      message: text.problem(problem),
      path: problem.path,
      problem,
    }));
    // The server's own field errors (shape checks the browser does not repeat) go beside fields too.
    const server: Issue[] = (failure?.fields ?? []).map((field, i) => ({
      key: `server:${field.path}:${i}`,
      severity: 'error',
      message: field.message,
      path: field.path,
      problem: null,
    }));
    return [...server, ...live].sort((a, b) => documentOrder(a.path).localeCompare(documentOrder(b.path)));
  }, [problems, failure, text.problem]);
  const byField = useMemo(() => {
    const map = new Map<string, Issue[]>();
    for (const issue of issues) {
      const field = fieldOf(issue.path);
      map.set(field, [...(map.get(field) ?? []), issue]);
    }
    return map;
  }, [issues]);

  const save = useMutation({
    mutationFn: (body: Working) =>
      agreementsApi.propose(caseId, {
        basedOn: body.basedOn,
        note: body.note.trim() || undefined,
        terms: body.terms,
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(agreementKeys.one(caseId), next);
      setWorking(fromView(next));
      setFailure(null);
      setRebased(null);
      announce(t('web.agreement.builder.saved', { n: next.latestVersion }));
    },
    onError: (error) => {
      const next = failureOf(error, t);
      setFailure((previous) => ({ ...next, version: (previous?.version ?? 0) + 1 }));
      // Someone saved or everyone approved meanwhile: fetch the agreement so the page shows it.
      if (next.code === 'agreement_version_stale' || next.code === 'agreement_frozen')
        void queryClient.invalidateQueries({ queryKey: agreementKeys.one(caseId), exact: true });
    },
  });

  // The latest version from the server, then either my edits re-applied on it or the latest as is.
  const reload = useMutation({
    mutationFn: (_mode: 'reapply' | 'discard') => agreementsApi.get(caseId),
    onSuccess: (fresh, mode) => {
      queryClient.setQueryData(agreementKeys.one(caseId), fresh);
      setFailure(null);
      if (mode === 'discard') {
        setWorking(fromView(fresh));
        setRebased(null);
        return;
      }
      const result = rebaseTerms(working.base, working.terms, fresh.version.terms as AgreementTerms);
      setWorking({ ...fromView(fresh, working.note), terms: result.terms });
      setRebased(result.conflicts);
    },
    onError: (error) =>
      setFailure((previous) => ({ ...failureOf(error, t), version: (previous?.version ?? 0) + 1 })),
  });

  const conflicts = rebased ? [...rebased.obligations, ...rebased.clauses, ...rebased.general] : [];
  return (
    <IssuesProvider value={byField}>
      <form
        noValidate
        aria-labelledby="agr-builder-title"
        onSubmit={(event) => {
          event.preventDefault();
          if (dirty) save.mutate(working);
        }}
      >
        <h3 id="agr-builder-title" className="mb-1 text-lg font-bold">
          {t('web.agreement.builder.title', { n: latest + 1 })}
        </h3>
        <p className="mb-4 text-slate-700">{t('web.agreement.builder.intro', { n: working.basedOn })}</p>
        {stale && (
          <Alert ref={staleRef} tone="warning" className="mb-4" title={t('web.agreement.builder.stale')}>
            <p>{t('web.agreement.builder.staleHint', { mine: working.basedOn })}</p>
            <div className="mt-3 flex flex-wrap gap-3">
              <Button
                pending={reload.isPending}
                pendingLabel={t('web.common.loading')}
                onClick={() => reload.mutate('reapply')}
              >
                {t('web.agreement.builder.reapply')}
              </Button>
              <Button variant="secondary" onClick={() => reload.mutate('discard')}>
                {t('web.agreement.builder.discard')}
              </Button>
            </div>
          </Alert>
        )}
        {rebased && (
          <Alert tone={conflicts.length > 0 ? 'warning' : 'success'} className="mb-4">
            <p>{t('web.agreement.builder.reapplied', { n: working.basedOn })}</p>
            {conflicts.length > 0 && (
              <p>{t('web.agreement.builder.conflicts', { count: conflicts.length })}</p>
            )}
          </Alert>
        )}
        <ProblemSummary
          ref={summaryRef}
          issues={issues}
          failure={failure?.code === 'agreement_version_stale' ? null : failure}
          draft={draft}
        />
        <TermsEditor
          terms={working.terms}
          onChange={(terms) => setWorking((current) => ({ ...current, terms }))}
          draft={draft}
        />
        <TextArea
          id="agr-note"
          label={t('web.agreement.builder.note')}
          hint={t('web.agreement.builder.noteHint')}
          optional
          maxLength={2000}
          rows={2}
          value={working.note}
          onChange={(note) => setWorking((current) => ({ ...current, note }))}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={save.isPending} pendingLabel={t('web.common.saving')}>
            {t('web.agreement.builder.save', { n: latest + 1 })}
          </Button>
          {!dirty && <p className="text-slate-700">{t('web.agreement.builder.unchanged')}</p>}
        </div>
      </form>
    </IssuesProvider>
  );
};
