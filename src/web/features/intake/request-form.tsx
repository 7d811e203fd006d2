import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPLY_WINDOW_DAYS } from '../../../core/cases/lifecycle.ts';
import { requestProblems as sendProblems } from '../../../core/cases/request.ts';
import { ApiError, type Me } from '../../api.ts';
import { casesApi } from '../../cases-api.ts';
import { currentLocale, formatDateTime } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { DisputeFields } from './dispute-fields.tsx';
import { forgetIdempotencyKey, idempotencyKey } from './idempotency.ts';
import { LawNote } from './law-note.tsx';
import { PartyFields } from './party-fields.tsx';
import { RepresentativeFields } from './representative-fields.tsx';
import {
  inWords,
  REQUEST_FIELDS,
  type RequestDraft,
  requestProblems,
  toCaseRequest,
} from './request-draft.ts';
import {
  completeAnswers,
  PositiveScreen,
  SCREENING_FIELDS,
  type ScreeningDraft,
  ScreeningQuestions,
  unansweredProblems,
} from './screening.tsx';
import { Step } from './step.tsx';

const KNOWN_FIELDS = [...REQUEST_FIELDS, ...SCREENING_FIELDS];
const KEY_SCOPE = 'new-case';

type Props = {
  me: Me;
  initial: RequestDraft;
  /** A saved draft being resumed, or null for a new request. */
  initialCaseId: string | null;
  /** The party already answered the safety screening of this draft (R-FAM-02). */
  alreadyScreened: boolean;
  onCreated: (draft: { id: string; number: string }) => void;
  onSubmitted: (caseId: string) => void;
};

/**
 * The request: saved as a server draft (created once with an idempotency key, then replaced on
 * every save), screened privately when it is a family dispute, then sent. Nothing typed is lost
 * on any error: the state lives here, not in the server's answer.
 */
export const RequestForm = ({
  me,
  initial,
  initialCaseId,
  alreadyScreened,
  onCreated,
  onSubmitted,
}: Props) => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language ? currentLocale() : 'kk';
  const form = useFormErrors(KNOWN_FIELDS);
  const [draft, setDraft] = useState(initial);
  const [screening, setScreening] = useState<ScreeningDraft>({});
  const caseId = useRef(initialCaseId);
  /** Answers the server has (as JSON), so that unchanged answers are not sent twice. */
  const recorded = useRef<string | null>(alreadyScreened ? 'server' : null);
  const [positive, setPositive] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const positiveRef = useRef<HTMLDivElement>(null);
  const family = draft.category === 'family';
  const patch = (value: Partial<RequestDraft>) => setDraft((previous) => ({ ...previous, ...value }));

  useEffect(() => {
    if (positive) positiveRef.current?.focus();
  }, [positive]);

  const save = async () => {
    const body = toCaseRequest(draft);
    if (caseId.current) {
      await casesApi.saveDraft(caseId.current, body);
      return caseId.current;
    }
    const { key, reused } = idempotencyKey(KEY_SCOPE);
    const created = await casesApi.create(body, key).catch((error: unknown) => {
      // The server answered (and created nothing): a corrected retry is a new request.
      if (error instanceof ApiError) forgetIdempotencyKey(KEY_SCOPE);
      throw error;
    });
    forgetIdempotencyKey(KEY_SCOPE);
    // An earlier attempt may have created the draft from older values: this save wins.
    if (reused) await casesApi.saveDraft(created.id, body);
    caseId.current = created.id;
    onCreated(created);
    return created.id;
  };

  const problemsOf = (complete: boolean) => {
    const problems = requestProblems(draft, complete);
    // The server's own completeness rules (core/cases/request.ts) catch what the form does not,
    // such as inviting yourself.
    if (complete)
      for (const { field, code } of sendProblems(toCaseRequest(draft), {
        iin: me.iin,
        bin: me.bin,
        email: me.email,
      }))
        problems[field] ??= `fields.${code}`;
    const anyAnswer = Object.keys(screening).length > 0;
    if (complete && family && (!alreadyScreened || anyAnswer))
      Object.assign(problems, unansweredProblems(screening));
    return inWords(problems, t);
  };

  const saveDraft = useMutation({
    mutationFn: save,
    onSuccess: () => setSavedAt(formatDateTime(new Date().toISOString(), locale)),
    onError: form.fromError,
  });

  const submit = useMutation({
    mutationFn: async () => {
      const id = await save();
      const answers = completeAnswers(screening);
      if (family && answers && recorded.current !== JSON.stringify(answers)) {
        const result = await casesApi.screening(id, answers);
        recorded.current = JSON.stringify(answers);
        // A positive screen is shown before anything is sent: help first, then the choice to go on.
        if (result.positive) {
          setPositive(true);
          return null;
        }
        setPositive(false);
      }
      await casesApi.submit(id);
      return id;
    },
    onSuccess: (id) => {
      if (id) onSubmitted(id);
    },
    onError: form.fromError,
  });

  const busy = saveDraft.isPending || submit.isPending;
  const run = (mutation: typeof submit | typeof saveDraft, complete: boolean) => {
    if (busy) return;
    const problems = problemsOf(complete);
    if (Object.keys(problems).length > 0) return form.failFields(problems);
    form.clear();
    setSavedAt(null);
    mutation.mutate();
  };

  return (
    <Form form={form} onSubmit={() => run(submit, true)} className="max-w-3xl">
      <Step n={1} id="step-dispute" title={t('web.intake.form.disputeTitle')}>
        <DisputeFields value={draft} onChange={patch} errors={form.errors} />
      </Step>

      <Step
        n={2}
        id="step-party"
        title={t('web.intake.form.partyTitle')}
        lead={t('web.intake.form.partyLead')}
      >
        <PartyFields
          path="respondent"
          value={draft.respondent}
          onChange={(respondent) => patch({ respondent })}
          errors={form.errors}
        />
      </Step>

      <Step n={3} id="step-representative" title={t('web.intake.form.representativeTitle')}>
        <RepresentativeFields
          enabled={draft.hasRepresentative}
          onEnabled={(hasRepresentative) => patch({ hasRepresentative })}
          value={draft.representative}
          onChange={(representative) => patch({ representative })}
          errors={form.errors}
        />
      </Step>

      {family && (
        <Step n={4} id="step-screening" title={t('web.intake.screening.title')}>
          {alreadyScreened && <p className="mb-4">{t('web.intake.screening.alreadyAnswered')}</p>}
          <ScreeningQuestions value={screening} onChange={setScreening} errors={form.errors} />
          <LawNote rules={['R-FAM-02']} />
        </Step>
      )}

      <Step n={family ? 5 : 4} id="step-send" title={t('web.intake.form.sendTitle')}>
        <p className="mb-3">{t('web.intake.form.sentAs', { name: me.organisationName ?? me.fullName })}</p>
        <p className="mb-3">{t('web.intake.form.replyWindow', { days: REPLY_WINDOW_DAYS })}</p>
        <p className="mb-5 text-slate-700">{t('web.intake.form.draftHint')}</p>
        <div className="-mt-2 mb-5">
          <LawNote rules={['R-MED-09', 'R-MED-10']} />
        </div>
        {positive && <PositiveScreen titleRef={positiveRef} />}
        {positive && <p className="mb-4 font-semibold">{t('web.intake.screening.proceed')}</p>}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" pending={submit.isPending} pendingLabel={t('web.common.sending')}>
            {t('web.intake.form.submit')}
          </Button>
          <Button
            variant="secondary"
            pending={saveDraft.isPending}
            pendingLabel={t('web.common.saving')}
            onClick={() => run(saveDraft, false)}
          >
            {t('web.intake.form.saveDraft')}
          </Button>
        </div>
        <p role="status" className="mt-3 min-h-6 font-semibold text-green-800">
          {savedAt && t('web.intake.form.saved', { time: savedAt })}
        </p>
      </Step>
    </Form>
  );
};
