import type { ReactNode } from 'react';
import { type CaseView, type ContractTerms, casesApi } from '../../cases-api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { FormAlert, useFormErrors } from '../../ui/form.tsx';
import { confirmations, viewerConfirmed } from './model.ts';
import { RuleWhy } from './rule-why.tsx';
import { CaseSection } from './section.tsx';
import { useCaseText } from './text.ts';
import { useCaseAction } from './use-case-action.ts';

const FIELDS = ['contractHash'] as const;

/** One numbered clause of the contract: a heading and its text (reads as a document, top to bottom). */
type ClauseProps = { n?: number; title: string; level: 3 | 4; children: ReactNode };
const Clause = ({ n, title, level, children }: ClauseProps) => {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <li className="border-t border-slate-200 pt-2">
      <Heading className="font-semibold">{n === undefined ? title : `${n}. ${title}`}</Heading>
      <div className="mt-0.5">{children}</div>
    </li>
  );
};

/**
 * R-MED-20: the contract's contents as readable text in the interface language. `level` is the
 * clauses' heading level, one below the heading the contract sits under.
 */
export const ContractText = ({ terms, level = 4 }: { terms: ContractTerms; level?: 3 | 4 }) => {
  const text = useCaseText();
  const { t } = text;
  const c = (key: string, values?: Record<string, unknown>) => t(`web.case.contract.terms.${key}`, values);
  const place = terms.place.remote
    ? c('placeRemote', { region: text.region(terms.place.region) })
    : c('placeAddress', { address: terms.place.address ?? '—', region: text.region(terms.place.region) });
  const clauses: [string, ReactNode][] = [
    [c('dateTitle'), c('date', { number: terms.number, date: text.date(terms.date) })],
    [c('placeTitle'), place],
    [
      c('partiesTitle'),
      <ul key="parties" className="list-disc pl-5">
        {terms.parties.map((p) => (
          <li key={`${p.fullName}-${p.idNumber}`}>
            {p.fullName} ({t(`web.common.kind.${p.kind}`)}
            {p.idNumber && `, ${t(`web.case.parties.idNumber.${p.kind}`)} ${p.idNumber}`})
            {p.representative && ` — ${c('representedBy', { name: p.representative })}`}
          </li>
        ))}
      </ul>,
    ],
    [
      c('mediatorTitle'),
      <p key="mediator">
        {terms.mediator.fullName}, {text.kind(terms.mediator.kind)}
        {terms.mediator.registryNumber &&
          `, ${t('web.registry.card.registryNumber')} ${terms.mediator.registryNumber}`}
        {terms.mediator.organisation && `, ${terms.mediator.organisation}`}
      </p>,
    ],
    [c('subjectTitle'), c('subject', { category: text.category(terms.category), subject: terms.subject })],
    [c('procedureTitle'), c(`procedure.${terms.procedure}`)],
    [c('languageTitle'), c('language', { language: text.language(terms.language) })],
    [c('feeTitle'), c('fee', { fee: text.fee(terms.fee) })],
    [c('termTitle'), c('term', { count: terms.termDays })],
    [
      c('courtTitle'),
      terms.court ? c('court', { court: terms.court.name, number: terms.court.caseNumber }) : c('noCourt'),
    ],
  ];
  return (
    <ol className="space-y-2">
      {clauses.map(([title, body], index) => (
        <Clause key={title} n={index + 1} title={title} level={level}>
          {body}
        </Clause>
      ))}
      {terms.rules.length > 0 && (
        <Clause title={c('rulesTitle')} level={level}>
          {terms.rules.map((rule) => (
            <RuleWhy key={rule} rule={rule} className="mt-1" plain />
          ))}
        </Clause>
      )}
    </ol>
  );
};

/** Status contract: the text, its fingerprint, who confirmed, and the viewer's confirmation. */
export const ContractSection = ({ view }: { view: CaseView }) => {
  const text = useCaseText();
  const { t } = text;
  const form = useFormErrors(FIELDS);
  const confirm = useCaseAction<string>({
    caseId: view.id,
    run: (hash) => casesApi.confirmContract(view.id, hash),
    form,
    done: t('web.case.contract.confirmed'),
  });
  const contract = view.contract;
  if (!contract) return null;
  const canConfirm = view.viewer.actions.includes('confirm_contract') && !viewerConfirmed(view);
  return (
    <CaseSection id="contract" title={t('web.case.contract.title')}>
      <p className="mb-2">{t('web.case.contract.lead')}</p>
      <RuleWhy rule="R-MED-20" className="mb-4" />
      <article aria-label={t('web.case.contract.textLabel')} className="rounded-md bg-slate-50 p-3 sm:p-4">
        <h3 className="mb-2 text-lg font-bold">
          {t('web.case.contract.heading', { number: contract.terms.number })}
        </h3>
        <ContractText terms={contract.terms} />
      </article>
      <div className="mt-4">
        <h3 className="font-semibold">{t('web.case.contract.hash')}</h3>
        <p className="text-slate-700">{t('web.case.contract.hashHint')}</p>
        <p className="mt-1 font-mono text-sm break-all" translate="no">
          {contract.hash}
        </p>
      </div>
      <div className="mt-4">
        <h3 className="font-semibold">{t('web.case.contract.confirmations')}</h3>
        <ul className="mt-1 space-y-1">
          {confirmations(view).map((person) => (
            <li key={person.key}>
              <span className="font-semibold">{person.name}</span> ({t(`web.case.contract.who.${person.who}`)}
              ):{' '}
              {person.at
                ? t('web.case.contract.confirmedAt', { time: text.dateTime(person.at) })
                : t('web.case.contract.notConfirmed')}
            </li>
          ))}
        </ul>
      </div>
      <Alert tone="info" className="mt-4">
        <p>{t('web.case.contract.signingLater')}</p>
      </Alert>
      {canConfirm && (
        <div className="mt-4">
          <FormAlert form={form} />
          <Button
            pending={confirm.isPending}
            pendingLabel={t('web.common.sending')}
            onClick={() => confirm.mutate(contract.hash)}
          >
            {t('web.case.contract.confirm')}
          </Button>
        </div>
      )}
      {viewerConfirmed(view) && <p className="mt-4 font-semibold">{t('web.case.contract.youConfirmed')}</p>}
    </CaseSection>
  );
};
