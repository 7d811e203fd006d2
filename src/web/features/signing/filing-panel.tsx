import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  type AgreementView,
  agreementKeys,
  agreementsApi,
  type FilingRequest,
} from '../../agreements-api.ts';
import { api, keys } from '../../api.ts';
import { caseKeys, casesApi } from '../../cases-api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/choices.tsx';
import { RadioGroup, Select } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { FilingStatus } from './filing-status.tsx';
import { useSigningText } from './text.ts';

type Channel = FilingRequest['channel'];
type FilingPanelProps = { caseId: string; view: AgreementView };

/** contracts/agreements FILING_CHANNELS, written out: the web bundle carries no zod. */
const CHANNELS: readonly Channel[] = ['in_app', 'webhook', 'download'];
const REQUEST_FIELDS = ['channel', 'courtId', 'understand'] as const;
const CONSENT_FIELDS = ['understand'] as const;

/** What filing means, before anyone asks for it or agrees to it (R-CPC-04, R-MED-17). */
const WhatFilingMeans = () => {
  const { t } = useSigningText();
  return (
    <ul className="mb-4 max-w-prose list-disc space-y-1 pl-5">
      <li>{t('web.signing.filing.rcpc04')}</li>
      <li>{t('web.signing.filing.rmed17')}</li>
      <li>{t('web.signing.filing.consentsNeeded')}</li>
    </ul>
  );
};

/**
 * Updates the agreement with the server's answer and reads the case again (its status may change).
 * The callbacks live on the mutation, not on mutate(): the form that started it unmounts as soon as
 * the new view arrives, and the panel must still say what happened.
 */
const useFilingAction = <Input,>(
  caseId: string,
  run: (input: Input) => Promise<AgreementView>,
  { onDone, onFail }: { onDone: () => void; onFail: (error: unknown) => void },
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (view) => {
      onDone();
      queryClient.setQueryData(agreementKeys.one(caseId), view);
    },
    onError: onFail,
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKeys.one(caseId) }),
  });
};

const RequestForm = ({ caseId, onDone }: { caseId: string; onDone: () => void }) => {
  const text = useSigningText();
  const { t, locale } = text;
  const form = useFormErrors(REQUEST_FIELDS);
  const [channel, setChannel] = useState<Channel>('in_app');
  const [courtId, setCourtId] = useState('');
  const [understand, setUnderstand] = useState(false);
  // The case page has the case already; a court-referred case goes back to the court that referred it.
  const theCase = useQuery({
    queryKey: caseKeys.one(caseId),
    queryFn: () => casesApi.get(caseId),
    staleTime: 5_000,
  });
  const referredBy = theCase.data?.court ?? null;
  const chooseCourt = channel === 'in_app' && theCase.isSuccess && !referredBy;
  const courts = useQuery({ queryKey: keys.courts(locale), queryFn: api.courts, enabled: chooseCourt });
  const request = useFilingAction(
    caseId,
    (body: FilingRequest) => agreementsApi.requestFiling(caseId, body),
    {
      onDone,
      onFail: form.fromError,
    },
  );

  return (
    <Form
      form={form}
      aria-labelledby="filing-request-title"
      onSubmit={() => {
        if (request.isPending) return;
        const problems: Record<string, string> = {};
        if (chooseCourt && !courtId) problems.courtId = t('web.signing.filing.request.courtRequired');
        if (!understand) problems.understand = t('web.signing.filing.request.understandRequired');
        if (Object.keys(problems).length > 0) return form.failFields(problems);
        form.clear();
        request.mutate({ channel, ...(chooseCourt && { courtId }) });
      }}
    >
      <h4 id="filing-request-title" className="mb-2 font-bold">
        {t('web.signing.filing.request.title')}
      </h4>
      <RadioGroup
        name="filing-channel"
        legend={t('web.signing.filing.request.channelLegend')}
        value={channel}
        onChange={(value) => setChannel(value as Channel)}
        error={form.errors.channel}
        options={CHANNELS.map((value) => ({
          value,
          label: t(`web.signing.filing.request.channels.${value}.label`),
          hint: t(`web.signing.filing.request.channels.${value}.hint`),
        }))}
      />
      {referredBy && (
        <p className="mb-4">{t('web.signing.filing.request.referredCourt', { court: referredBy.name })}</p>
      )}
      {chooseCourt && (
        <Select
          id="courtId"
          label={t('web.signing.filing.request.court')}
          hint={t('web.signing.filing.request.courtHint')}
          value={courtId}
          onChange={setCourtId}
          placeholder={t('web.common.choose')}
          options={(courts.data?.courts ?? []).map((court) => ({ value: court.id, label: court.name }))}
          error={form.errors.courtId}
        />
      )}
      <Checkbox
        id="filing-understand"
        label={t('web.signing.filing.request.understand')}
        checked={understand}
        onChange={setUnderstand}
        error={form.errors.understand}
      />
      <Button
        type="submit"
        pending={request.isPending}
        pendingLabel={t('web.signing.filing.request.sending')}
      >
        {t('web.signing.filing.request.submit')}
      </Button>
    </Form>
  );
};

const ConsentForm = ({ caseId, onDone }: { caseId: string; onDone: () => void }) => {
  const { t } = useSigningText();
  const form = useFormErrors(CONSENT_FIELDS);
  const [understand, setUnderstand] = useState(false);
  const consent = useFilingAction(caseId, () => agreementsApi.consentFiling(caseId), {
    onDone,
    onFail: form.fromError,
  });
  return (
    <Form
      form={form}
      aria-labelledby="filing-consent-title"
      className="mt-6 border-t border-slate-200 pt-4"
      onSubmit={() => {
        if (consent.isPending) return;
        if (!understand)
          return form.failFields({ understand: t('web.signing.filing.request.understandRequired') });
        form.clear();
        consent.mutate(undefined);
      }}
    >
      <h4 id="filing-consent-title" className="mb-2 font-bold">
        {t('web.signing.filing.consent.title')}
      </h4>
      <p className="mb-3">{t('web.signing.filing.consent.text')}</p>
      <Checkbox
        id="filing-consent-understand"
        label={t('web.signing.filing.consent.understand')}
        checked={understand}
        onChange={setUnderstand}
        error={form.errors.understand}
      />
      <Button
        type="submit"
        pending={consent.isPending}
        pendingLabel={t('web.signing.filing.request.sending')}
      >
        {t('web.signing.filing.consent.submit')}
      </Button>
    </Form>
  );
};

/**
 * Filing a signed agreement with a court for approval (issue 6, "File with the court"): what it
 * means, the request and the other party's consent, then the filing's state, the deliveries to a
 * court's system, the package and the court's decision with the refund due (R-CPC-06).
 */
export const FilingPanel = ({ caseId, view }: FilingPanelProps) => {
  const { t } = useSigningText();
  const [notice, setNotice] = useState<{ text: string; version: number } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  if (view.status !== 'signed') return null;
  const announce = (key: string) => () =>
    setNotice((previous) => ({ text: t(key), version: (previous?.version ?? 0) + 1 }));
  const filing = view.filing;
  return (
    <section aria-labelledby="filing-title" className="mt-6 min-w-0 border-t border-slate-200 pt-4">
      <h3 id="filing-title" className="mb-2 text-lg font-bold text-brand-900">
        {t('web.signing.filing.title')}
      </h3>
      {notice && (
        <Alert ref={noticeRef} key={notice.version} tone="success" title={notice.text} className="mb-4" />
      )}
      <p className="mb-2 max-w-prose">{t('web.signing.filing.intro')}</p>
      {(!filing || filing.status === 'awaiting_consent') && <WhatFilingMeans />}
      {!filing &&
        (view.can.requestFiling ? (
          <RequestForm caseId={caseId} onDone={announce('web.signing.filing.request.done')} />
        ) : (
          <p className="text-slate-700">{t('web.signing.filing.noRequest')}</p>
        ))}
      {filing && <FilingStatus caseId={caseId} filing={filing} />}
      {filing && view.can.consentFiling && (
        <ConsentForm caseId={caseId} onDone={announce('web.signing.filing.consent.done')} />
      )}
    </section>
  );
};
