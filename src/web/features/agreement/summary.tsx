import type { Ref } from 'react';
import type { AgreementDraft } from '../../../core/agreements/types.ts';
import { focusProblem, type Issue } from './issues.tsx';
import { fieldId, fieldOf, placeOf } from './paths.ts';
import { useAgreementText } from './text.ts';

/** A refused request: the server's detail, and its field errors (shown beside the fields too). */
export type Failure = { code: string | null; detail: string; fields: { path: string; message: string }[] };

type Props = {
  issues: readonly Issue[];
  failure: Failure | null;
  draft: AgreementDraft;
  ref?: Ref<HTMLElement>;
};

/** The refused request's field errors, each a link that moves focus to its field. */
export const FailureLinks = ({ failure, className = '' }: { failure: Failure; className?: string }) =>
  failure.fields.length > 0 && (
    <ul className={`list-disc pl-5 ${className}`}>
      {failure.fields.map((field) => (
        <li key={`${field.path}:${field.message}`}>
          <a
            href={`#${fieldId(fieldOf(field.path))}`}
            onClick={(event) => {
              event.preventDefault();
              focusProblem(field.path);
            }}
          >
            {field.message}
          </a>
        </li>
      ))}
    </ul>
  );

const IssueLink = ({ issue, draft }: { issue: Issue; draft: AgreementDraft }) => {
  const { t } = useAgreementText();
  const place = placeOf(issue.path);
  const name = place.key === 'party' ? (draft.parties[(place.n ?? 1) - 1]?.name ?? '') : '';
  return (
    <li>
      <a
        href={`#${fieldId(fieldOf(issue.path))}`}
        className="font-semibold"
        onClick={(event) => {
          event.preventDefault();
          focusProblem(issue.path);
        }}
      >
        {t(`web.agreement.places.${place.key}`, { n: place.n ?? 0, name })}: {issue.message}
      </a>
    </li>
  );
};

/**
 * The problems of the draft at the top of the builder, each a link that moves focus to its field.
 * Saving is allowed with problems (a draft may be incomplete); approving is not, so the summary
 * says plainly whether this text could be approved. After a refused save it takes focus.
 */
export const ProblemSummary = ({ issues, failure, draft, ref }: Props) => {
  const { t } = useAgreementText();
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const tone =
    failure || errors.length > 0
      ? 'border-red-700 bg-red-50'
      : warnings.length > 0
        ? 'border-amber-600 bg-amber-50'
        : 'border-green-700 bg-green-50';
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="agr-summary-title"
      className={`mb-6 rounded-md border-l-4 p-4 ${tone}`}
    >
      {failure && (
        <div role="alert" className="mb-3">
          <p className="font-semibold text-red-900">
            <span className="sr-only">{t('web.common.errorPrefix')} </span>
            {failure.detail}
          </p>
          <FailureLinks failure={failure} className="mt-1" />
        </div>
      )}
      <h4 id="agr-summary-title" className="font-semibold">
        {errors.length > 0
          ? t('web.agreement.summary.errors', { count: errors.length })
          : t('web.agreement.summary.noErrors')}
      </h4>
      <p className="text-slate-800">
        {errors.length > 0 ? t('web.agreement.summary.errorsHint') : t('web.agreement.summary.noErrorsHint')}
      </p>
      {errors.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {errors.map((issue) => (
            <IssueLink key={issue.key} issue={issue} draft={draft} />
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <>
          <h5 className="mt-3 font-semibold">
            {t('web.agreement.summary.warnings', { count: warnings.length })}
          </h5>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {warnings.map((issue) => (
              <IssueLink key={issue.key} issue={issue} draft={draft} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
};
