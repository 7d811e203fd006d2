import type { LegalCosts, MediatorFee, Share } from '../../../core/agreements/types.ts';
import { Select } from '../../ui/field.tsx';
import { FieldNotes, Group, useFieldProps } from './issues.tsx';
import { equalShares } from './model.ts';
import { MoneyField, PercentField } from './number-fields.tsx';
import type { PartyOption } from './obligation-editor.tsx';
import { fieldId } from './paths.ts';
import { RadioRow } from './radio-row.tsx';
import { useAgreementText } from './text.ts';

type SharesProps = {
  path: string;
  value: Share[];
  onChange: (value: Share[]) => void;
  parties: readonly PartyOption[];
};

const Shares = ({ path, value, onChange, parties }: SharesProps) => {
  const { t } = useAgreementText();
  const percentOf = (partyId: string) => value.find((s) => s.partyId === partyId)?.percent ?? 0;
  const set = (partyId: string, percent: number) =>
    onChange(parties.map((p) => ({ partyId: p.id, percent: p.id === partyId ? percent : percentOf(p.id) })));
  const sum = parties.reduce((total, p) => total + percentOf(p.id), 0);
  return (
    <Group path={path} legend={t('web.agreement.costs.shares')}>
      <div className="grid gap-x-4 sm:grid-cols-2">
        {parties.map((party) => (
          <PercentField
            key={party.id}
            id={`${fieldId(path)}-${party.id}`}
            label={t('web.agreement.costs.shareOf', { name: party.name })}
            value={percentOf(party.id)}
            onChange={(percent) => set(party.id, percent)}
          />
        ))}
      </div>
      <p className="font-semibold" aria-live="polite">
        {t('web.agreement.costs.sharesTotal', { sum: Math.round(sum * 100) / 100 })}
      </p>
    </Group>
  );
};

type Props = {
  legalCosts: LegalCosts | undefined;
  mediatorFee: MediatorFee | undefined;
  onLegalCosts: (value: LegalCosts) => void;
  onMediatorFee: (value: MediatorFee | undefined) => void;
  parties: readonly PartyOption[];
};

/** Who bears the costs and the mediator's fee; silence means mutual set-off (R-CPC-03). */
export const CostsEditor = ({ legalCosts, mediatorFee, onLegalCosts, onMediatorFee, parties }: Props) => {
  const { t } = useAgreementText();
  const bearer = useFieldProps('legalCosts.partyId');
  const costs = legalCosts ?? { kind: 'set_off' };
  return (
    <>
      <Group
        path="legalCosts"
        legend={<span className="text-lg">{t('web.agreement.costs.legend')}</span>}
        hint={t('web.agreement.costs.hint')}
      >
        <RadioRow
          name="agr-legal-costs"
          value={costs.kind}
          onChange={(kind) =>
            onLegalCosts(
              kind === 'borne_by'
                ? { kind, partyId: parties[0]?.id ?? '' }
                : kind === 'split'
                  ? { kind, shares: equalShares(parties.map((p) => p.id)) }
                  : { kind: 'set_off' },
            )
          }
          options={(['set_off', 'borne_by', 'split'] as const).map((kind) => ({
            value: kind,
            label: t(`web.agreement.costs.kinds.${kind}`),
            hint: kind === 'set_off' ? t('web.agreement.costs.setOffHint') : undefined,
          }))}
        />
        {costs.kind === 'borne_by' && (
          <>
            <Select
              {...bearer}
              label={t('web.agreement.costs.bearer')}
              value={costs.partyId}
              onChange={(partyId) => onLegalCosts({ kind: 'borne_by', partyId })}
              options={parties.map((p) => ({ value: p.id, label: p.name }))}
            />
            <FieldNotes path="legalCosts.partyId" />
          </>
        )}
        {costs.kind === 'split' && (
          <Shares
            path="legalCosts.shares"
            value={costs.shares}
            onChange={(shares) => onLegalCosts({ kind: 'split', shares })}
            parties={parties}
          />
        )}
      </Group>
      <Group path="mediatorFee" legend={<span className="text-lg">{t('web.agreement.fee.legend')}</span>}>
        <RadioRow
          name="agr-mediator-fee"
          value={mediatorFee?.kind ?? 'unstated'}
          onChange={(kind) =>
            onMediatorFee(
              kind === 'free'
                ? { kind }
                : kind === 'split'
                  ? { kind, amountTiyn: 0, shares: equalShares(parties.map((p) => p.id)) }
                  : undefined,
            )
          }
          options={(['unstated', 'free', 'split'] as const).map((kind) => ({
            value: kind,
            label: t(`web.agreement.fee.kinds.${kind}`),
            hint: t(`web.agreement.fee.hints.${kind}`),
          }))}
        />
        {mediatorFee?.kind === 'split' && (
          <>
            <MoneyField
              path="mediatorFee.amountTiyn"
              label={t('web.agreement.fee.amount')}
              value={mediatorFee.amountTiyn}
              onChange={(amountTiyn) => onMediatorFee({ ...mediatorFee, amountTiyn })}
              className="max-w-md"
            />
            <Shares
              path="mediatorFee.shares"
              value={mediatorFee.shares}
              onChange={(shares) => onMediatorFee({ ...mediatorFee, shares })}
              parties={parties}
            />
          </>
        )}
      </Group>
    </>
  );
};
