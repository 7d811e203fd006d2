import type { CaseView } from '../../cases-api.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { Fact } from '../registry/mediator-card.tsx';
import { stepStates, WAITING_RULES, waitingNames, waitsForViewer } from './model.ts';
import { RuleWhy } from './rule-why.tsx';
import { CaseSection } from './section.tsx';
import { useCaseText } from './text.ts';

/** The status as a label that does not rely on colour alone (the words carry the meaning). */
export const StatusBadge = ({ view }: { view: CaseView }) => {
  const { status } = useCaseText();
  return (
    <span className="inline-block rounded-md border border-brand-700 bg-brand-50 px-2 py-0.5 font-semibold text-brand-900">
      {status(view.status)}
    </span>
  );
};

/** Number, status, and (for the parties and the mediator) what the dispute is about. */
export const CaseHeader = ({ view }: { view: CaseView }) => {
  const text = useCaseText();
  const { t } = text;
  const request = view.request;
  const title = t('web.case.title', { number: view.number });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <dl className="-mt-3 mb-6 space-y-1">
        <Fact label={t('web.case.facts.status')}>
          <StatusBadge view={view} />
        </Fact>
        <Fact label={t('web.case.facts.role')}>{t(`web.case.role.${view.viewer.role}`)}</Fact>
        {request?.category && (
          <Fact label={t('web.case.facts.category')}>{text.category(request.category)}</Fact>
        )}
        {request?.subject && <Fact label={t('web.case.facts.subject')}>{request.subject}</Fact>}
        {request?.region && <Fact label={t('web.case.facts.region')}>{text.region(request.region)}</Fact>}
        {request?.language && (
          <Fact label={t('web.case.facts.language')}>{text.languages([request.language])}</Fact>
        )}
        {request && request.remote !== undefined && (
          <Fact label={t('web.case.facts.meeting')}>
            {t(request.remote ? 'web.case.facts.remote' : 'web.case.facts.inPerson')}
          </Fact>
        )}
        {typeof request?.claimAmountKzt === 'number' && (
          <Fact label={t('web.case.facts.claim')}>{text.money(request.claimAmountKzt)}</Fact>
        )}
      </dl>
    </>
  );
};

/** What the case waits for, whether that is the viewer, and the rule that says so. */
const Now = ({ view }: { view: CaseView }) => {
  const text = useCaseText();
  const { t } = text;
  const { code } = view.waiting;
  const mine = waitsForViewer(view);
  const replyBy = view.parties.find((p) => p.invitation?.replyBy)?.invitation?.replyBy;
  const rule = WAITING_RULES[code];
  const message = t(`web.case.now.${code}.${mine ? 'you' : 'others'}`, {
    names: waitingNames(view).join(', ') || t('web.case.now.otherSide'),
    date: replyBy ? text.date(replyBy) : '—',
    count: view.term?.daysLeft ?? 0,
  });
  return (
    <div
      className={`rounded-md border-l-4 p-4 ${mine ? 'border-amber-600 bg-amber-50' : 'border-brand-700 bg-brand-50'}`}
    >
      {mine && <p className="font-bold">{t('web.case.now.yourTurn')}</p>}
      <p className="text-lg">{message}</p>
      {rule && <RuleWhy rule={rule} className="mt-2" />}
    </div>
  );
};

/** The whole path of a case with the current step marked, each step with its rule. */
const Steps = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  return (
    <ol className="mt-4 space-y-2">
      {stepStates(view.status).map((step, index) => (
        <li
          key={step.key}
          aria-current={step.state === 'current' ? 'step' : undefined}
          className={`flex gap-3 rounded-md p-2 ${step.state === 'current' ? 'bg-brand-50 ring-2 ring-brand-700' : ''}`}
        >
          <span
            aria-hidden="true"
            className={`flex size-7 shrink-0 items-center justify-center rounded-full border-2 font-bold ${
              step.state === 'done'
                ? 'border-green-700 bg-green-700 text-white'
                : step.state === 'current'
                  ? 'border-brand-700 bg-white text-brand-900'
                  : 'border-slate-400 bg-white text-slate-700'
            }`}
          >
            {step.state === 'done' ? '✓' : index + 1}
          </span>
          <span className="min-w-0">
            <span className="block font-semibold">
              {t(`web.case.steps.${step.key}.name`)}
              <span className="font-normal text-slate-700"> — {t(`web.case.steps.state.${step.state}`)}</span>
            </span>
            <span className="block text-slate-700">{t(`web.case.steps.${step.key}.text`)}</span>
            <RuleWhy rule={step.rule} />
          </span>
        </li>
      ))}
    </ol>
  );
};

export const WhatNow = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  return (
    <CaseSection id="now" title={t('web.case.now.title')}>
      <Now view={view} />
      <details className="mt-4">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800 underline">
          {t('web.case.steps.title')}
        </summary>
        <Steps view={view} />
      </details>
    </CaseSection>
  );
};
