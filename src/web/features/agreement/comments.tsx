import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type AgreementView, agreementKeys, agreementsApi } from '../../agreements-api.ts';
import { Button } from '../../ui/button.tsx';
import { TextArea } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { useAgreementText } from './text.ts';

const FIELDS = ['body'] as const;

type Props = { caseId: string; view: AgreementView; announce: (text: string) => void };

/**
 * Comments on the versions, grouped by version (newest first): parties propose changes in words,
 * the mediator answers. A comment is always about the latest version.
 */
export const Comments = ({ caseId, view, announce }: Props) => {
  const text = useAgreementText();
  const { t } = text;
  const queryClient = useQueryClient();
  const form = useFormErrors(FIELDS);
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: (input: { version: number; body: string }) =>
      agreementsApi.comment(caseId, input.version, input.body),
    onSuccess: (next) => {
      form.clear();
      setBody('');
      queryClient.setQueryData(agreementKeys.one(caseId), next);
      announce(t('web.agreement.comments.added', { n: view.latestVersion }));
    },
    onError: (error) => form.fromError(error),
  });
  const versions = [...new Set(view.comments.map((c) => c.version))].sort((a, b) => b - a);
  const canComment = view.me !== null && view.status === 'drafting';
  return (
    <section aria-labelledby="agr-comments-title" className="mt-8">
      <h3 id="agr-comments-title" className="mb-2 text-lg font-bold">
        {t('web.agreement.comments.title')}
      </h3>
      {versions.length === 0 && <p className="text-slate-700">{t('web.agreement.comments.none')}</p>}
      {versions.map((version) => (
        <div key={version} className="mb-4">
          <h4 className="font-semibold">{t('web.agreement.comments.onVersion', { n: version })}</h4>
          <ul className="mt-1 grid gap-2">
            {view.comments
              .filter((c) => c.version === version)
              .map((c) => (
                <li key={c.id} className="rounded-md border border-slate-300 bg-white p-3">
                  <p className="text-sm text-slate-700">
                    {t('web.agreement.comments.by', {
                      name: c.authorName,
                      role: text.role(c.authorRole),
                      time: text.dateTime(c.createdAt),
                    })}
                  </p>
                  <p className="mt-1 break-words whitespace-pre-line">{c.body}</p>
                </li>
              ))}
          </ul>
        </div>
      ))}
      {canComment && (
        <Form
          form={form}
          className="mt-4"
          aria-labelledby="agr-comment-label"
          onSubmit={() => {
            if (!body.trim()) return form.failFields({ body: t('web.agreement.comments.empty') });
            add.mutate({ version: view.latestVersion, body });
          }}
        >
          <span id="agr-comment-label" className="sr-only">
            {t('web.agreement.comments.formLabel')}
          </span>
          <TextArea
            id="agr-comment-body"
            label={t('web.agreement.comments.label', { n: view.latestVersion })}
            hint={t('web.agreement.comments.hint')}
            maxLength={4000}
            rows={3}
            value={body}
            onChange={setBody}
            error={form.errors.body}
          />
          <Button type="submit" pending={add.isPending} pendingLabel={t('web.common.sending')}>
            {t('web.agreement.comments.submit')}
          </Button>
        </Form>
      )}
    </section>
  );
};
