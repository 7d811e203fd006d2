import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api.ts';
import { Alert } from './alert.tsx';

export type FieldErrors = Record<string, string>;
type State = { detail: string | null; fields: FieldErrors; extra: string[]; version: number };

const EMPTY: State = { detail: null, fields: {}, extra: [], version: 0 };

/**
 * Error state of one form: the server's (or our own) detail for the alert and a message per field.
 * After every failure focus moves to the first invalid field, or to the alert when no field is
 * to blame. The form's values are not touched: nothing the user typed is lost.
 */
export const useFormErrors = (knownFields: readonly string[]) => {
  const { t } = useTranslation();
  const [state, setState] = useState<State>(EMPTY);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.version === 0) return;
    // An error about a group without a control of its own (data-error-focus) counts as a field.
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error-focus]');
    (invalid ?? alertRef.current)?.focus();
  }, [state.version]);

  const fail = useCallback((detail: string, fields: FieldErrors = {}, extra: string[] = []) => {
    setState((previous) => ({ detail, fields, extra, version: previous.version + 1 }));
  }, []);

  /** Client-side checks found problems: the same presentation as the server's validation_failed. */
  const failFields = useCallback(
    (fields: FieldErrors) => fail(t('errors.validation_failed'), fields),
    [fail, t],
  );

  const fromError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.problem) {
        const fields: FieldErrors = {};
        const extra: string[] = [];
        for (const item of error.problem.errors ?? []) {
          if (knownFields.includes(item.field)) fields[item.field] ??= item.detail;
          else extra.push(item.detail);
        }
        fail(error.problem.detail, fields, extra);
      } else if (error instanceof NetworkError) fail(t('web.errors.network'));
      else fail(t('errors.internal'));
    },
    [fail, knownFields, t],
  );

  const clear = useCallback(() => setState((previous) => ({ ...EMPTY, version: previous.version })), []);

  return {
    errors: state.fields,
    detail: state.detail,
    extra: state.extra,
    formRef,
    alertRef,
    fail,
    failFields,
    fromError,
    clear,
  };
};

export type FormErrorsApi = ReturnType<typeof useFormErrors>;

/** The alert at the top of a form: the detail, and any field errors that have no field here. */
export const FormAlert = ({ form }: { form: FormErrorsApi }) => {
  if (!form.detail) return null;
  return (
    <Alert ref={form.alertRef} tone="error" title={form.detail} className="mb-6">
      {form.extra.length > 0 && (
        <ul className="list-disc pl-5">
          {form.extra.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
};

type FormProps = {
  form: FormErrorsApi;
  onSubmit: () => void;
  children: ReactNode;
  className?: string;
  'aria-labelledby'?: string;
};

/** A form without the browser's own validation bubbles (they would speak the browser's language). */
export const Form = ({ form, onSubmit, children, className = '', ...rest }: FormProps) => (
  <form
    ref={form.formRef}
    noValidate
    className={className}
    onSubmit={(event: FormEvent) => {
      event.preventDefault();
      onSubmit();
    }}
    {...rest}
  >
    <FormAlert form={form} />
    {children}
  </form>
);

/** Page-level error of a query (not a form). */
export const QueryError = ({ error }: { error: unknown }) => {
  const { t } = useTranslation();
  const detail =
    error instanceof ApiError && error.problem
      ? error.problem.detail
      : error instanceof NetworkError
        ? t('web.errors.network')
        : t('errors.internal');
  return <Alert tone="error" title={detail} />;
};
