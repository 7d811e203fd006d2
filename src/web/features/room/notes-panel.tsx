import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, formatDateTime } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { TextArea } from '../../ui/field.tsx';
import { QueryError } from '../../ui/form.tsx';
import { noteKeys, notesApi } from './room-api.ts';

/** The mediator's private notes on the case: nobody else ever sees them (R-MED-17). */
export const NotesPanel = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState('');
  const notes = useQuery({ queryKey: noteKeys.list(caseId), queryFn: () => notesApi.list(caseId) });
  const add = useMutation({
    mutationFn: () => notesApi.add(caseId, text),
    onSuccess: () => {
      setText('');
      void queryClient.invalidateQueries({ queryKey: noteKeys.list(caseId) });
    },
  });
  return (
    <details className="mt-4 rounded-md border border-slate-300 p-3">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t('web.room.notes.title')}</summary>
      <p className="text-sm text-slate-700">{t('web.room.notes.private')}</p>
      {notes.isError && <QueryError error={notes.error} />}
      <ul className="mt-2 space-y-2">
        {(notes.data ?? []).map((note) => (
          <li key={note.id} className="rounded border border-slate-200 bg-white p-2">
            <p className="whitespace-pre-wrap break-words">{note.body}</p>
            <p className="text-xs text-slate-700">{formatDateTime(note.updatedAt, currentLocale())}</p>
          </li>
        ))}
      </ul>
      <form
        className="mt-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) add.mutate();
        }}
      >
        <TextArea
          id={`${id}-note`}
          label={t('web.room.notes.add')}
          value={text}
          rows={3}
          onChange={setText}
        />
        {add.isError && <QueryError error={add.error} />}
        <Button type="submit" variant="secondary" className="mt-2" pending={add.isPending}>
          {t('web.room.notes.save')}
        </Button>
      </form>
    </details>
  );
};
