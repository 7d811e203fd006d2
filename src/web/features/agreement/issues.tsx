import { createContext, type ReactNode, useContext } from 'react';
import type { AgreementProblem } from '../../../core/agreements/problems.ts';
import { ancestors, fieldId, fieldOf } from './paths.ts';
import { useAgreementText } from './text.ts';

// Problems beside their fields. The editor computes them (core validation as the person types,
// plus the server's field errors after a refused save) and provides them by field; every input
// and group of the builder asks for the ones at its own path.

export type Issue = {
  key: string;
  severity: 'error' | 'warning';
  message: string;
  /** The path in the draft the problem names (the summary links to its field). */
  path: string;
  problem: AgreementProblem | null;
};

const IssuesContext = createContext<ReadonlyMap<string, Issue[]>>(new Map());
export const IssuesProvider = IssuesContext.Provider;

export const useIssues = (path: string) => useContext(IssuesContext).get(path) ?? [];

const errorsOf = (issues: readonly Issue[]) => issues.filter((issue) => issue.severity === 'error');

/**
 * The props a design-system field at `path` takes: its id, the errors as its error text, and a
 * description that also points at the notes below it (warnings and the rules' "why").
 */
export const useFieldProps = (path: string, options: { hint?: boolean; error?: string } = {}) => {
  const issues = useIssues(path);
  const id = fieldId(path);
  // The field's own complaint (text that is not a sum) replaces the checks' ones until it is fixed.
  const errors = options.error ? [options.error] : errorsOf(issues).map((issue) => issue.message);
  const error = errors.length > 0 ? errors.join(' ') : undefined;
  const describedBy =
    [options.hint && `${id}-hint`, error && `${id}-error`, issues.length > 0 && `${id}-notes`]
      .filter(Boolean)
      .join(' ') || undefined;
  return { id, error, 'aria-describedby': describedBy };
};

/** The rule behind each problem, once per rule, as a "Why?" to open. */
const Whys = ({ issues }: { issues: readonly Issue[] }) => {
  const text = useAgreementText();
  const seen = new Set<string>();
  return (
    <>
      {issues.map((issue) => {
        const why = issue.problem ? text.why(issue.problem) : null;
        if (!why || seen.has(why.id)) return null;
        seen.add(why.id);
        return (
          <details key={why.id} className="mt-1 text-sm text-slate-800">
            <summary className="cursor-pointer py-1 font-semibold text-brand-800 underline">
              {text.t('web.agreement.why', { rule: why.id })}
            </summary>
            <p className="mt-1">{why.text}</p>
            <p className="mt-1 text-slate-700">{why.source}</p>
          </details>
        );
      })}
    </>
  );
};

const Warnings = ({ issues }: { issues: readonly Issue[] }) => {
  const { t } = useAgreementText();
  return (
    <>
      {issues
        .filter((issue) => issue.severity === 'warning')
        .map((issue) => (
          <p key={issue.key} className="mt-1 border-l-4 border-amber-600 pl-2 font-semibold text-amber-950">
            <span>{t('web.agreement.warningPrefix')} </span>
            {issue.message}
          </p>
        ))}
    </>
  );
};

/** Under a field: its warnings and the "why" of its problems (the errors are in the field itself). */
export const FieldNotes = ({ path }: { path: string }) => {
  const issues = useIssues(path);
  if (issues.length === 0) return null;
  return (
    <div id={`${fieldId(path)}-notes`} className="-mt-3 mb-5">
      <Warnings issues={issues} />
      <Whys issues={issues} />
    </div>
  );
};

/** At the top of a group: its errors, warnings and their "why". */
export const GroupIssues = ({ path }: { path: string }) => {
  const { t } = useAgreementText();
  const issues = useIssues(path);
  if (issues.length === 0) return null;
  return (
    <div id={`${fieldId(path)}-issues`} className="mb-3">
      {errorsOf(issues).map((issue) => (
        <p key={issue.key} className="mt-1 font-semibold text-red-700">
          <span className="sr-only">{t('web.common.errorPrefix')} </span>
          {issue.message}
        </p>
      ))}
      <Warnings issues={issues} />
      <Whys issues={issues} />
    </div>
  );
};

type GroupProps = {
  path: string;
  legend: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
};

/** A fieldset named by its legend, focusable from the summary, with its own problems on top. */
export const Group = ({ path, legend, hint, children, className = '' }: GroupProps) => {
  const issues = useIssues(path);
  const id = fieldId(path);
  const describedBy =
    [hint && `${id}-hint`, issues.length > 0 && `${id}-issues`].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy}
      className={`mb-5 min-w-0 ${errorsOf(issues).length > 0 ? 'border-l-4 border-red-700 pl-3' : ''} ${className}`}
    >
      <legend className="mb-2 font-semibold">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="mb-2 text-slate-700">
          {hint}
        </p>
      )}
      <GroupIssues path={path} />
      {children}
    </fieldset>
  );
};

const FOCUSABLE =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/** Moves focus to the field of a problem (or the nearest group drawn), scrolled into view. */
export const focusProblem = (path: string) => {
  for (const candidate of ancestors(fieldOf(path))) {
    const element = document.getElementById(fieldId(candidate));
    if (!element) continue;
    const target = element.matches(FOCUSABLE)
      ? element
      : (element.querySelector<HTMLElement>(FOCUSABLE) ?? element);
    target.focus();
    target.scrollIntoView({ block: 'center' });
    return;
  }
};
