import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { CheckboxGroup } from '../../ui/choices.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { TextField } from '../../ui/field.tsx';
import { Form, FormAlert, useFormErrors } from '../../ui/form.tsx';
import {
  type CaseMembers,
  INTERPRETER_LANGUAGES,
  type InterpreterBody,
  languageName,
  membersApi,
} from './members-api.ts';
import { useMembersChange } from './use-members.ts';

const FIELDS = ['fullName', 'iin', 'languages'] as const;
const EMPTY: InterpreterBody = { fullName: '', iin: '', languages: [] };

/** The add form, for the mediator while the mediation runs. */
const AddInterpreter = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const form = useFormErrors(FIELDS);
  const [values, setValues] = useState<InterpreterBody>(EMPTY);
  const add = useMembersChange(
    caseId,
    (body: InterpreterBody) => membersApi.addInterpreter(caseId, body),
    form,
    () => setValues(EMPTY),
  );
  return (
    <Form form={form} onSubmit={() => add.mutate(values)} className="mt-4">
      <TextField
        id="interpreter-fullName"
        label={t('web.members.interpreter.fullName')}
        value={values.fullName}
        error={form.errors.fullName}
        onChange={(fullName) => setValues((v) => ({ ...v, fullName }))}
        autoComplete="off"
        maxLength={200}
      />
      <TextField
        id="interpreter-iin"
        label={t('web.members.interpreter.iin')}
        value={values.iin}
        error={form.errors.iin}
        onChange={(iin) => setValues((v) => ({ ...v, iin }))}
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        translate="no"
      />
      <CheckboxGroup
        name="interpreter-languages"
        legend={t('web.members.interpreter.languages')}
        hint={t('web.members.interpreter.languagesHint')}
        columns="short"
        options={INTERPRETER_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) }))}
        value={values.languages}
        onChange={(languages) => setValues((v) => ({ ...v, languages }))}
        error={form.errors.languages}
      />
      <Button type="submit" disabled={add.isPending}>
        {add.isPending ? t('web.common.saving') : t('web.members.interpreter.add')}
      </Button>
    </Form>
  );
};

/** The case's interpreters: everyone in the rooms sees who they are; the mediator adds and removes them. */
export const Interpreters = ({ caseId, members }: { caseId: string; members: CaseMembers }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const form = useFormErrors([]);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const remove = useMembersChange(
    caseId,
    (id: string) => membersApi.removeInterpreter(caseId, id),
    form,
    () => setRemoving(null),
  );
  const active = members.interpreters.filter((i) => i.active);
  return (
    <div className="mt-6 border-t border-slate-200 pt-4">
      <h3 className="text-lg font-bold">{t('web.members.interpreter.title')}</h3>
      <p className="mt-1 text-slate-700">{t('web.members.interpreter.explain')}</p>
      <FormAlert form={form} />
      {active.length === 0 ? (
        <p className="mt-3">{t('web.members.interpreter.none')}</p>
      ) : (
        <ul className="mt-3 space-y-2">
          {active.map((interpreter) => (
            <li key={interpreter.id} className="flex flex-wrap items-center gap-3">
              <span>
                {t('web.members.interpreter.item', {
                  name: interpreter.fullName,
                  languages: interpreter.languages.map((code) => languageName(code, locale)).join(', '),
                })}
              </span>
              {members.canRemoveInterpreter && (
                <Button
                  variant="quiet"
                  onClick={() => setRemoving({ id: interpreter.id, name: interpreter.fullName })}
                >
                  {t('web.members.interpreter.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {members.canAddInterpreter && <AddInterpreter caseId={caseId} />}
      <ConfirmDialog
        open={removing !== null}
        title={t('web.members.interpreter.remove')}
        confirmLabel={t('web.members.interpreter.remove')}
        cancelLabel={t('web.common.cancel')}
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onCancel={() => setRemoving(null)}
      >
        <p>{t('web.members.interpreter.removeConfirm', { name: removing?.name ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
};
