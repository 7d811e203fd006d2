import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { AgreementTerms } from '../../../core/agreements/compose.ts';
import type { AgreementLanguage, Clause } from '../../../core/agreements/types.ts';
import { type AgreementView, agreementKeys, agreementsApi } from '../../agreements-api.ts';
import { Button } from '../../ui/button.tsx';
import { QueryError } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { diffTerms, isEmptyDiff, type TermsDiff } from './diff.ts';
import { orderedLanguages, shortHash, textFor } from './model.ts';
import { ObligationHeadline, TermsView } from './terms-view.tsx';
import { useAgreementText } from './text.ts';

type Names = ReadonlyMap<string, string>;

const ClauseText = ({ clause, languages }: { clause: Clause; languages: AgreementLanguage[] }) => {
  const { locale } = useAgreementText();
  const picked = textFor(clause.text, locale, languages);
  return picked ? <span lang={picked.lang}>{picked.text}</span> : <>—</>;
};

/** What changed from a version to the latest: obligations and clauses by id, and the general parts. */
const Changes = ({
  diff,
  names,
  languages,
  from,
}: {
  diff: TermsDiff;
  names: Names;
  languages: AgreementLanguage[];
  from: number;
}) => {
  const { t } = useAgreementText();
  if (isEmptyDiff(diff)) return <p>{t('web.agreement.versions.same')}</p>;
  const lines: { key: string; label: string; body: ReactNode }[] = [
    ...diff.obligations.added.map(({ item, index }) => ({
      key: `oa-${item.id}`,
      label: t('web.agreement.versions.obligationAdded', { n: index + 1 }),
      body: <ObligationHeadline obligation={item} names={names} languages={languages} />,
    })),
    ...diff.obligations.changed.map(({ after, index }) => ({
      key: `oc-${after.id}`,
      label: t('web.agreement.versions.obligationChanged', { n: index + 1 }),
      body: <ObligationHeadline obligation={after} names={names} languages={languages} />,
    })),
    ...diff.obligations.removed.map(({ item, index }) => ({
      key: `or-${item.id}`,
      label: t('web.agreement.versions.obligationRemoved', { n: index + 1 }),
      body: <ObligationHeadline obligation={item} names={names} languages={languages} />,
    })),
    ...diff.clauses.added.map(({ item, index }) => ({
      key: `ca-${item.id}`,
      label: t('web.agreement.versions.clauseAdded', { n: index + 1 }),
      body: <ClauseText clause={item} languages={languages} />,
    })),
    ...diff.clauses.changed.map(({ after, index }) => ({
      key: `cc-${after.id}`,
      label: t('web.agreement.versions.clauseChanged', { n: index + 1 }),
      body: <ClauseText clause={after} languages={languages} />,
    })),
    ...diff.clauses.removed.map(({ item, index }) => ({
      key: `cr-${item.id}`,
      label: t('web.agreement.versions.clauseRemoved', { n: index + 1 }),
      body: <ClauseText clause={item} languages={languages} />,
    })),
  ];
  return (
    <>
      <p className="font-semibold">{t('web.agreement.versions.since', { n: from })}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {lines.map((line) => (
          <li key={line.key}>
            <span className="font-semibold">{line.label}:</span> {line.body}
          </li>
        ))}
        {diff.general.length > 0 && (
          <li>
            <span className="font-semibold">{t('web.agreement.versions.generalChanged')}:</span>{' '}
            {diff.general.map((key) => t(`web.agreement.versions.parts.${key}`)).join(', ')}
          </li>
        )}
      </ul>
    </>
  );
};

const Detail = ({ shown, latest, names }: { shown: AgreementView; latest: AgreementView; names: Names }) => {
  const text = useAgreementText();
  const { t } = text;
  const terms = shown.version.terms as AgreementTerms;
  const latestTerms = latest.version.terms as AgreementTerms;
  const errors = shown.version.problems.filter((p) => p.severity === 'error').length;
  const n = shown.version.number;
  return (
    <section
      aria-labelledby="agr-version-title"
      className="mt-4 rounded-md border border-slate-300 bg-slate-50 p-3 sm:p-4"
    >
      <h4 id="agr-version-title" className="text-lg font-bold">
        {t('web.agreement.versions.heading', { n })}
      </h4>
      <p className="text-sm">
        {t('web.agreement.versions.hash')}{' '}
        <span className="font-mono break-all" translate="no">
          {shortHash(shown.version.hash)}…
        </span>
      </p>
      <p className="mb-3">
        {errors > 0
          ? t('web.agreement.versions.problems', { count: errors })
          : t('web.agreement.versions.noProblems')}
      </p>
      {n === latest.latestVersion ? (
        <p className="mb-3">{t('web.agreement.versions.isLatest')}</p>
      ) : (
        <div className="mb-3">
          <Changes
            diff={diffTerms(terms, latestTerms)}
            names={names}
            languages={orderedLanguages(latestTerms.languages)}
            from={n}
          />
        </div>
      )}
      <details>
        <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800 underline">
          {t('web.agreement.versions.fullText', { n })}
        </summary>
        <div className="mt-2">
          <TermsView terms={terms} names={names} />
        </div>
      </details>
    </section>
  );
};

/** Every version, newest first; one can be opened read-only and compared with the latest. */
export const Versions = ({ caseId, view }: { caseId: string; view: AgreementView }) => {
  const text = useAgreementText();
  const { t } = text;
  const [selected, setSelected] = useState<number | null>(null);
  const older = selected !== null && selected !== view.latestVersion;
  const query = useQuery({
    queryKey: [...agreementKeys.one(caseId), 'version', selected],
    queryFn: () => agreementsApi.get(caseId, selected ?? undefined),
    enabled: older,
    // A version never changes once saved.
    staleTime: Number.POSITIVE_INFINITY,
  });
  const names = new Map(view.parties.map((p) => [p.id, p.name]));
  const shown = selected === null ? null : older ? query.data : view;
  return (
    <section aria-labelledby="agr-versions-title" className="mt-8">
      <h3 id="agr-versions-title" className="mb-2 text-lg font-bold">
        {t('web.agreement.versions.title')}
      </h3>
      <ol className="grid gap-2">
        {[...view.versions].reverse().map((v) => (
          <li
            key={v.number}
            className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 pt-2"
          >
            <div className="min-w-0">
              <p className="font-semibold">
                {t('web.agreement.versions.item', { n: v.number })}
                {v.number === view.latestVersion && ` — ${t('web.agreement.versions.latest')}`}
                {v.number === view.frozenVersion && ` — ${t('web.agreement.versions.frozen')}`}
              </p>
              <p className="text-sm text-slate-700">
                {t('web.agreement.versions.by', {
                  name: v.authorName,
                  role: text.role(v.authorRole),
                  time: text.dateTime(v.createdAt),
                })}
              </p>
              {v.note && <p className="mt-0.5 break-words">{v.note}</p>}
            </div>
            <Button
              variant="secondary"
              aria-pressed={selected === v.number}
              aria-controls={selected === v.number ? 'agr-version-title' : undefined}
              onClick={() => setSelected(selected === v.number ? null : v.number)}
            >
              {t(selected === v.number ? 'web.agreement.versions.hide' : 'web.agreement.versions.show', {
                n: v.number,
              })}
            </Button>
          </li>
        ))}
      </ol>
      {selected !== null &&
        (shown ? (
          <Detail shown={shown} latest={view} names={names} />
        ) : query.isPending ? (
          <Loading />
        ) : (
          <QueryError error={query.error} />
        ))}
    </section>
  );
};
