import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../cases-api.ts';
import { Button } from '../../ui/button.tsx';
import { TextArea } from '../../ui/field.tsx';
import { QueryError } from '../../ui/form.tsx';
import { shuttleApi, shuttleKeys } from './room-api.ts';

// Shuttle mode in a caucus (R-MED-17): the mediator writes what they would carry to the other
// side; the party whose caucus it is sees the exact text and approves or declines it.

const sha256 = async (text: string) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

type Props = { view: CaseView; partyId: string; open: boolean };

export const ShuttlePanel = ({ view, partyId, open }: Props) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fieldId = useId();
  const [text, setText] = useState('');
  const statements = useQuery({
    queryKey: shuttleKeys.list(view.id),
    queryFn: () => shuttleApi.list(view.id),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: shuttleKeys.list(view.id) });
  const target = view.parties.find((p) => p.id !== partyId && p.consent === 'accepted');
  const propose = useMutation({
    mutationFn: () =>
      shuttleApi.propose(view.id, { fromPartyId: partyId, toPartyId: target?.id ?? '', body: text }),
    onSuccess: () => {
      setText('');
      void refresh();
    },
  });
  const answer = useMutation({
    mutationFn: async ({ id, body, approve }: { id: string; body: string; approve: boolean }) =>
      shuttleApi.answer(view.id, id, { approve, bodyHash: await sha256(body) }),
    onSuccess: () => void refresh(),
  });
  const mine = (statements.data ?? []).filter((s) => s.fromPartyId === partyId);
  const isMediator = view.viewer.role === 'mediator';
  if (!isMediator && mine.length === 0) return null;
  return (
    <section aria-labelledby={`${fieldId}-title`} className="mt-4 rounded-md border border-slate-300 p-3">
      <h3 id={`${fieldId}-title`} className="font-semibold">
        {t('web.room.shuttle.title')}
      </h3>
      <p className="text-sm text-slate-700">{t('web.room.shuttle.explain')}</p>
      {statements.isError && <QueryError error={statements.error} />}
      <ul className="mt-2 space-y-2">
        {mine.map((s) => (
          <li key={s.id} className="rounded border border-slate-200 bg-white p-2">
            <p className="whitespace-pre-wrap break-words">{s.body}</p>
            <p className="text-sm text-slate-700">{t(`web.room.shuttle.status.${s.status}`)}</p>
            {!isMediator && s.status === 'proposed' && open && (
              <div className="mt-2 flex flex-wrap gap-2">
                <Button
                  pending={answer.isPending}
                  onClick={() => answer.mutate({ id: s.id, body: s.body, approve: true })}
                >
                  {t('web.room.shuttle.approve')}
                </Button>
                <Button
                  variant="secondary"
                  pending={answer.isPending}
                  onClick={() => answer.mutate({ id: s.id, body: s.body, approve: false })}
                >
                  {t('web.room.shuttle.decline')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {answer.isError && <QueryError error={answer.error} />}
      {isMediator && open && target && (
        <form
          className="mt-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim()) propose.mutate();
          }}
        >
          <TextArea
            id={`${fieldId}-text`}
            label={t('web.room.shuttle.propose', { name: target.fullName })}
            value={text}
            rows={2}
            onChange={setText}
          />
          {propose.isError && <QueryError error={propose.error} />}
          <Button type="submit" variant="secondary" className="mt-2" pending={propose.isPending}>
            {t('web.room.shuttle.ask')}
          </Button>
        </form>
      )}
    </section>
  );
};
