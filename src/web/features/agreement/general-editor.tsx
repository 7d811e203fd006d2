import type { AgreementTerms } from '../../../core/agreements/compose.ts';
import { AGREEMENT_LANGUAGES, type AgreementDraft, type PdfLayout } from '../../../core/agreements/types.ts';
import { CheckboxGroup } from '../../ui/choices.tsx';
import { TextField } from '../../ui/field.tsx';
import { FieldNotes, Group, GroupIssues, useFieldProps, useIssues } from './issues.tsx';
import { LocalizedFields } from './localized-fields.tsx';
import { fitLayout, layoutsFor, orderedLanguages } from './model.ts';
import { FACTS, fieldId } from './paths.ts';
import { RadioRow } from './radio-row.tsx';
import { useAgreementText } from './text.ts';

type Props = {
  terms: AgreementTerms;
  onChange: (change: Partial<AgreementTerms>) => void;
  /** The server's draft of the version edited: the facts of the case, the parties in its order. */
  draft: AgreementDraft;
};

/** What the platform writes from the case: shown, not edited; its problems are for the case's people. */
export const CaseFacts = ({ draft }: { draft: AgreementDraft }) => {
  const text = useAgreementText();
  const { t } = text;
  const id = fieldId(FACTS);
  const issues = useIssues(FACTS);
  const idNumber = (p: AgreementDraft['parties'][number]) =>
    p.kind === 'individual'
      ? t('web.agreement.facts.iin', { value: p.iin ?? '—' })
      : t('web.agreement.facts.bin', { value: p.bin ?? '—' });
  return (
    <section
      id={id}
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
      aria-describedby={issues.length > 0 ? `${id}-issues` : undefined}
      className={`mb-5 rounded-md bg-slate-50 p-3 sm:p-4 ${issues.some((i) => i.severity === 'error') ? 'border-l-4 border-red-700' : ''}`}
    >
      <h4 id={`${id}-title`} className="font-semibold">
        {t('web.agreement.facts.title')}
      </h4>
      <p className="mb-2 text-sm text-slate-700">{t('web.agreement.facts.hint')}</p>
      <GroupIssues path={FACTS} />
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t('web.agreement.facts.case')}</dt>
        <dd translate="no">
          {draft.case.number}
          {draft.case.courtCaseNumber &&
            ` · ${t('web.agreement.facts.court', { number: draft.case.courtCaseNumber })}`}
        </dd>
        <dt className="font-semibold">{t('web.agreement.facts.category')}</dt>
        <dd>{t(`registry.categories.${draft.case.category}`)}</dd>
        <dt className="font-semibold">{t('web.agreement.facts.parties')}</dt>
        <dd>
          <ul>
            {draft.parties.map((p) => (
              <li key={p.id}>
                {p.name} ({t(`web.agreement.partyKinds.${p.kind}`)}, {idNumber(p)})
              </li>
            ))}
          </ul>
        </dd>
        <dt className="font-semibold">{t('web.agreement.facts.mediator')}</dt>
        <dd>
          {t('web.agreement.facts.mediatorLine', {
            name: draft.mediator.name,
            kind: t(`web.agreement.mediatorKinds.${draft.mediator.kind}`),
            number: draft.mediator.registryNumber || '—',
          })}
        </dd>
      </dl>
    </section>
  );
};

const Representative = ({
  path,
  value,
  onChange,
}: {
  path: string;
  value: string;
  onChange: (name: string) => void;
}) => {
  const { t } = useAgreementText();
  const props = useFieldProps(path, { hint: true });
  return (
    <>
      <TextField
        {...props}
        label={t('web.agreement.parties.representative')}
        hint={t('web.agreement.parties.representativeHint')}
        autoComplete="off"
        maxLength={200}
        value={value}
        onChange={onChange}
      />
      <FieldNotes path={path} />
    </>
  );
};

/** Languages, the PDF's layout, the subject and place, and what the parties write about themselves. */
export const GeneralEditor = ({ terms, onChange, draft }: Props) => {
  const { t } = useAgreementText();
  const languages = orderedLanguages(terms.languages);
  const languageIssues = useIssues('languages');
  const setParty = (id: string, change: Partial<AgreementTerms['parties'][number]>) => {
    const exists = terms.parties.some((p) => p.id === id);
    onChange({
      parties: exists
        ? terms.parties.map((p) => (p.id === id ? { ...p, ...change } : p))
        : [...terms.parties, { id, ...change }],
    });
  };
  return (
    <>
      <CaseFacts draft={draft} />
      <CheckboxGroup
        name={fieldId('languages')}
        legend={t('web.agreement.general.languages')}
        hint={t('web.agreement.general.languagesHint')}
        columns="short"
        options={AGREEMENT_LANGUAGES.map((lang) => ({
          value: lang,
          label: t(`web.agreement.languageNames.${lang}`),
          lang,
        }))}
        value={languages}
        error={
          languageIssues
            .filter((i) => i.severity === 'error')
            .map((i) => i.message)
            .join(' ') || undefined
        }
        onChange={(next) => {
          const ordered = orderedLanguages(next);
          onChange({ languages: ordered, layout: fitLayout(terms.layout, ordered) });
        }}
      />
      <FieldNotes path="languages" />
      <Group path="layout" legend={t('web.agreement.general.layout')}>
        <RadioRow
          name={fieldId('layout')}
          value={terms.layout}
          onChange={(layout) => onChange({ layout: layout as PdfLayout })}
          options={layoutsFor(languages).map((layout) => ({
            value: layout,
            label: t(`web.agreement.layouts.${layout === 'kk+ru' ? 'bilingual' : layout}`),
          }))}
        />
      </Group>
      <LocalizedFields
        path="case.subject"
        legend={t('web.agreement.general.subject')}
        hint={t('web.agreement.general.subjectHint')}
        multiline
        value={terms.subject}
        onChange={(subject) => onChange({ subject })}
        languages={languages}
      />
      <LocalizedFields
        path="place"
        legend={t('web.agreement.general.place')}
        hint={t('web.agreement.general.placeHint')}
        value={terms.place}
        onChange={(place) => onChange({ place })}
        languages={languages}
        maxLength={200}
      />
      <Group path="parties" legend={<span className="text-lg">{t('web.agreement.parties.legend')}</span>}>
        {draft.parties.map((party, index) => {
          const path = `parties[${index}]`;
          const written = terms.parties.find((p) => p.id === party.id);
          return (
            <Group key={party.id} path={path} legend={party.name}>
              {party.kind !== 'individual' && (
                <>
                  <Representative
                    path={`${path}.representative`}
                    value={written?.representative?.name ?? ''}
                    onChange={(name) =>
                      setParty(party.id, {
                        representative: { name, basis: written?.representative?.basis ?? {} },
                      })
                    }
                  />
                  <LocalizedFields
                    path={`${path}.representative.basis`}
                    legend={t('web.agreement.parties.basis')}
                    hint={t('web.agreement.parties.basisHint')}
                    value={written?.representative?.basis}
                    onChange={(basis) =>
                      setParty(party.id, {
                        representative: { name: written?.representative?.name ?? '', basis },
                      })
                    }
                    languages={languages}
                  />
                </>
              )}
              <LocalizedFields
                path={`${path}.address`}
                legend={t('web.agreement.parties.address')}
                optional
                value={written?.address}
                onChange={(address) => setParty(party.id, { address })}
                languages={languages}
                maxLength={300}
              />
            </Group>
          );
        })}
      </Group>
    </>
  );
};
