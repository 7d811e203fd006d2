import { Link } from 'react-router';
import { Checkbox } from '../../ui/choices.tsx';
import { RadioGroup, Select, TextArea, TextField } from '../../ui/field.tsx';
import type { DisputeDraft } from './request-draft.ts';
import { useIntakeText } from './text.ts';

type Props = {
  value: DisputeDraft;
  onChange: (patch: Partial<DisputeDraft>) => void;
  errors: Record<string, string>;
  /** The court referral has no free-text description (the court does not share the case file). */
  withDescription?: boolean;
};

/** What the dispute is about and how the parties would like to mediate it. */
export const DisputeFields = ({ value, onChange, errors: e, withDescription = true }: Props) => {
  const text = useIntakeText();
  const { t } = text;
  return (
    <>
      <Select
        id="category"
        label={t('web.intake.dispute.category')}
        hint={
          <>
            {t('web.intake.dispute.categoryHint')}{' '}
            <Link to="/explore">{t('web.intake.dispute.explore')}</Link>
          </>
        }
        placeholder={t('web.common.choose')}
        value={value.category}
        onChange={(category) => onChange({ category })}
        options={text.categoryOptions()}
        error={e.category}
      />
      <TextField
        id="subject"
        label={t('web.intake.dispute.subject')}
        hint={t('web.intake.dispute.subjectHint')}
        maxLength={200}
        value={value.subject}
        onChange={(subject) => onChange({ subject })}
        error={e.subject}
      />
      {withDescription && (
        <TextArea
          id="description"
          optional
          label={t('web.intake.dispute.description')}
          hint={t('web.intake.dispute.descriptionHint')}
          maxLength={5000}
          rows={5}
          value={value.description}
          onChange={(description) => onChange({ description })}
          error={e.description}
        />
      )}
      <TextField
        id="claimAmountKzt"
        optional
        inputMode="numeric"
        autoComplete="off"
        label={t('web.intake.dispute.amount')}
        hint={t('web.intake.dispute.amountHint')}
        value={value.claimAmount}
        onChange={(claimAmount) => onChange({ claimAmount })}
        error={e.claimAmountKzt}
      />
      <Select
        id="region"
        label={t('web.intake.dispute.region')}
        hint={t('web.intake.dispute.regionHint')}
        placeholder={t('web.common.choose')}
        value={value.region}
        onChange={(region) => onChange({ region })}
        options={text.regionOptions()}
        error={e.region}
      />
      <Select
        id="language"
        label={t('web.intake.dispute.language')}
        hint={t('web.intake.dispute.languageHint')}
        placeholder={t('web.common.choose')}
        value={value.language}
        onChange={(language) => onChange({ language })}
        options={text.languageOptions()}
        error={e.language}
      />
      <RadioGroup
        name="remote"
        legend={t('web.intake.dispute.how')}
        value={value.remote ? 'remote' : 'in_person'}
        onChange={(how) => onChange({ remote: how === 'remote' })}
        error={e.remote}
        options={[
          { value: 'remote', label: text.place(true), hint: t('web.intake.dispute.remoteHint') },
          { value: 'in_person', label: text.place(false), hint: t('web.intake.dispute.inPersonHint') },
        ]}
      />
      <Checkbox
        id="wantsPublicMediator"
        label={t('web.intake.dispute.public')}
        hint={t('web.intake.dispute.publicHint')}
        checked={value.wantsPublicMediator}
        onChange={(wantsPublicMediator) => onChange({ wantsPublicMediator })}
        error={e.wantsPublicMediator}
      />
    </>
  );
};
