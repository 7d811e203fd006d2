import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HELP_LINES,
  SCREENING_QUESTIONS,
  type ScreeningAnswers,
  type ScreeningQuestion,
} from '../../../core/cases/screening.ts';
import { Alert } from '../../ui/alert.tsx';

// R-FAM-02: the private safety screening of a family case, and what a positive screen shows.

export type ScreeningDraft = Partial<Record<ScreeningQuestion, boolean>>;

/** All four answered, or null. */
export const completeAnswers = (draft: ScreeningDraft): ScreeningAnswers | null =>
  SCREENING_QUESTIONS.every((q) => typeof draft[q] === 'boolean') ? (draft as ScreeningAnswers) : null;

export const SCREENING_FIELDS = SCREENING_QUESTIONS.map((q) => `screening.${q}`);

/** Field path → message key for the questions not answered yet. */
export const unansweredProblems = (draft: ScreeningDraft) =>
  Object.fromEntries(
    SCREENING_QUESTIONS.filter((q) => typeof draft[q] !== 'boolean').map((q) => [
      `screening.${q}`,
      'web.intake.screening.answerRequired',
    ]),
  );

const YesNo = ({
  question,
  value,
  onChange,
  error,
}: {
  question: ScreeningQuestion;
  value: boolean | undefined;
  onChange: (value: boolean) => void;
  error?: string;
}) => {
  const { t } = useTranslation();
  const errorId = `screening-${question}-error`;
  return (
    <fieldset
      className={`mb-4 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="mb-2 font-semibold">{t(`web.intake.screening.questions.${question}`)}</legend>
      {error && (
        <p id={errorId} className="mb-2 font-semibold text-red-700">
          <span className="sr-only">{t('web.common.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        {[true, false].map((answer) => {
          const id = `screening-${question}-${answer ? 'yes' : 'no'}`;
          const checked = value === answer;
          return (
            <label
              key={id}
              htmlFor={id}
              className={`flex min-h-12 min-w-28 cursor-pointer items-center gap-3 rounded-md border-2 bg-white px-4 ${
                checked ? 'border-brand-700 bg-brand-50' : 'border-slate-400'
              }`}
            >
              <input
                id={id}
                type="radio"
                name={`screening-${question}`}
                checked={checked}
                onChange={() => onChange(answer)}
                aria-invalid={error ? true : undefined}
                className="size-5 shrink-0 accent-brand-700"
              />
              <span className="font-semibold">
                {t(answer ? 'web.intake.common.yes' : 'web.intake.common.no')}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
};

type QuestionsProps = {
  value: ScreeningDraft;
  onChange: (value: ScreeningDraft) => void;
  errors: Record<string, string>;
};

/** The four questions; the explanation says who sees the answers (nobody but the platform). */
export const ScreeningQuestions = ({ value, onChange, errors }: QuestionsProps) => {
  const { t } = useTranslation();
  return (
    <>
      <Alert tone="info" title={t('web.intake.screening.privateTitle')} className="mb-5">
        <p>{t('web.intake.screening.privateText')}</p>
      </Alert>
      {SCREENING_QUESTIONS.map((question) => (
        <YesNo
          key={question}
          question={question}
          value={value[question]}
          onChange={(answer) => onChange({ ...value, [question]: answer })}
          error={errors[`screening.${question}`] ?? errors[question]}
        />
      ))}
    </>
  );
};

/** Where to get help now; shown only to the party whose screen was positive. */
export const HelpLines = () => {
  const { t } = useTranslation();
  return (
    <ul className="mt-2 space-y-2">
      {HELP_LINES.map((line) => (
        <li key={line.id}>
          <a
            href={`tel:${line.phone}`}
            className="inline-flex min-h-11 items-baseline gap-2 py-1 font-semibold"
          >
            <span className="text-xl">{line.phone}</span>
            <span>— {t(`web.intake.screening.help.${line.id}`)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
};

/** A positive screen: the case will run in separate sessions, and here is where to find help. */
export const PositiveScreen = ({ titleRef }: { titleRef?: Ref<HTMLDivElement> }) => {
  const { t } = useTranslation();
  return (
    <Alert ref={titleRef} tone="warning" title={t('web.intake.screening.positiveTitle')} className="mb-4">
      <p>{t('web.intake.screening.positiveText')}</p>
      <p className="mt-2">{t('web.intake.screening.helpTitle')}</p>
      <HelpLines />
    </Alert>
  );
};
