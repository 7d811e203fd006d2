import type { AgreementTerms } from '../../../core/agreements/compose.ts';
import { SINGAPORE_CONVENTION } from '../../../core/agreements/law.ts';
import { DISCRETION_ANSWERS, type DiscretionAnswer } from '../../../core/law/sectoral.ts';
import type { DisputeCategory } from '../../../core/registry/reference.ts';
import { Checkbox } from '../../ui/choices.tsx';
import { FieldNotes, Group, useIssues } from './issues.tsx';
import { offersSingapore } from './model.ts';
import { fieldId } from './paths.ts';
import { RadioRow } from './radio-row.tsx';
import { useAgreementText } from './text.ts';

type Props = {
  category: DisputeCategory;
  terms: AgreementTerms;
  onChange: (change: Partial<AgreementTerms>) => void;
  /** R-SG-01: a state body among the parties rules the Convention out. */
  hasStateBody: boolean;
};

const errorText = (issues: ReturnType<typeof useIssues>) =>
  issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => issue.message)
    .join(' ') || undefined;

/**
 * What depends on the kind of case: the Singapore Convention opt-in for an international civil or
 * commercial settlement (R-SG-01/04), the body's discretion in an administrative case (R-ADM-01).
 */
export const ScopeEditor = ({ category, terms, onChange, hasStateBody }: Props) => {
  const text = useAgreementText();
  const { t } = text;
  const singaporeIssues = useIssues('singaporeConvention');
  const showsSingapore = offersSingapore(category);
  if (!showsSingapore && category !== 'administrative') return null;
  return (
    <>
      {showsSingapore && (
        <Group
          path="international"
          legend={<span className="text-lg">{t('web.agreement.scope.legend')}</span>}
        >
          <Checkbox
            id={`${fieldId('international')}-box`}
            label={t('web.agreement.scope.international')}
            hint={t('web.agreement.scope.internationalHint')}
            checked={terms.international === true}
            onChange={(international) =>
              onChange({
                international: international || undefined,
                // Without an international element the Convention cannot apply: the opt-in goes too.
                ...(international ? {} : { singaporeConvention: undefined }),
              })
            }
          />
          <Checkbox
            id={fieldId('singaporeConvention')}
            label={t('web.agreement.scope.singapore')}
            hint={
              hasStateBody
                ? t('web.agreement.scope.singaporeStateBody', { rule: 'R-SG-01' })
                : terms.international
                  ? t('web.agreement.scope.singaporeHint')
                  : t('web.agreement.scope.singaporeNeedsInternational')
            }
            checked={terms.singaporeConvention === true}
            // Disabled with the reason in its hint, unless a version opted in already (it can be unticked).
            disabled={(hasStateBody || !terms.international) && terms.singaporeConvention !== true}
            onChange={(singaporeConvention) =>
              onChange({ singaporeConvention: singaporeConvention || undefined })
            }
            error={errorText(singaporeIssues)}
          />
          <FieldNotes path="singaporeConvention" />
          {hasStateBody && (
            <p className="-mt-3 mb-5 text-sm text-slate-700">
              {SINGAPORE_CONVENTION['R-SG-01'].text[text.locale]}
            </p>
          )}
        </Group>
      )}
      {category === 'administrative' && (
        <Group
          path="case.administrativeDiscretion"
          legend={<span className="text-lg">{t('web.agreement.scope.discretion')}</span>}
          hint={t('web.agreement.scope.discretionHint')}
        >
          <RadioRow
            name="agr-discretion"
            value={terms.administrativeDiscretion ?? 'unknown'}
            onChange={(answer) => onChange({ administrativeDiscretion: answer as DiscretionAnswer })}
            options={DISCRETION_ANSWERS.map((answer) => ({
              value: answer,
              label: t(`web.agreement.scope.discretionAnswers.${answer}`),
            }))}
          />
        </Group>
      )}
    </>
  );
};
