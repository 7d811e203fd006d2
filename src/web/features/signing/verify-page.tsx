import { useMutation, useQuery } from '@tanstack/react-query';
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { agreementsApi, type VerificationReport } from '../../agreements-api.ts';
import { ApiError, NetworkError } from '../../api.ts';
import { Button, buttonClass } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { TextField } from '../../ui/field.tsx';
import { Form, QueryError, useFormErrors } from '../../ui/form.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { normalizeHash, pdfFileProblem } from './model.ts';
import { useSigningText } from './text.ts';
import { VerificationReportView } from './verification-report.tsx';
import { verifyPdf } from './verify-api.ts';

const HASH_FIELDS = ['hash'] as const;

const HashForm = ({ initial, onCheck }: { initial: string; onCheck: (hash: string) => void }) => {
  const { t } = useSigningText();
  const form = useFormErrors(HASH_FIELDS);
  const [value, setValue] = useState(initial);
  // A link with a malformed hash: say so at once, next to the field that shows it.
  const { failFields } = form;
  useEffect(() => {
    if (initial && !normalizeHash(initial)) failFields({ hash: t('web.signing.verify.hash.invalid') });
  }, [initial, failFields, t]);
  return (
    <Card>
      <Form
        form={form}
        aria-labelledby="verify-hash-title"
        onSubmit={() => {
          const hash = normalizeHash(value);
          if (!hash) return form.failFields({ hash: t('web.signing.verify.hash.invalid') });
          form.clear();
          onCheck(hash);
        }}
      >
        <h2 id="verify-hash-title" className="mb-3 text-xl font-bold text-brand-900">
          {t('web.signing.verify.hash.title')}
        </h2>
        <TextField
          id="hash"
          label={t('web.signing.verify.hash.label')}
          hint={t('web.signing.verify.hash.hint')}
          value={value}
          onChange={setValue}
          error={form.errors.hash}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          className="font-mono text-sm"
        />
        <Button type="submit">{t('web.signing.verify.hash.submit')}</Button>
      </Form>
    </Card>
  );
};

type FileResult = { name: string; report: VerificationReport };

const FileForm = ({ onResult }: { onResult: (result: FileResult) => void }) => {
  const { t } = useSigningText();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const check = useMutation({
    mutationFn: (chosen: File) => {
      abort.current?.abort();
      abort.current = new AbortController();
      return verifyPdf(chosen, abort.current.signal);
    },
    onSuccess: (report, chosen) => onResult({ name: chosen.name, report }),
    onError: (failure) => {
      if (failure instanceof DOMException && failure.name === 'AbortError') return;
      setError(
        failure instanceof ApiError && failure.problem
          ? failure.problem.detail
          : failure instanceof NetworkError
            ? t('web.errors.network')
            : t('errors.internal'),
      );
      inputRef.current?.focus();
    },
  });

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    const problem = pdfFileProblem(chosen);
    setError(problem ? t(`web.signing.verify.file.${problem}`) : null);
    setFile(problem ? null : chosen);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <Card>
      <form
        noValidate
        aria-labelledby="verify-file-title"
        onSubmit={(event) => {
          event.preventDefault();
          if (check.isPending) return;
          if (!file) {
            setError(t('web.signing.verify.file.required'));
            inputRef.current?.focus();
            return;
          }
          setError(null);
          check.mutate(file);
        }}
      >
        <h2 id="verify-file-title" className="mb-3 text-xl font-bold text-brand-900">
          {t('web.signing.verify.file.title')}
        </h2>
        {/* The whole box takes a dropped file; the hidden input (still focusable) is the keyboard's way. */}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is an optional extra for a mouse; the file input beside it does the same for everyone */}
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`mb-4 rounded-md border-2 border-dashed p-4 ${
            error ? 'border-red-700' : dragging ? 'border-brand-700 bg-brand-50' : 'border-slate-400'
          }`}
        >
          {error && (
            <p id={errorId} className="mb-2 font-semibold text-red-700">
              <span className="sr-only">{t('web.common.errorPrefix')} </span>
              {error}
            </p>
          )}
          <input
            ref={inputRef}
            id={id}
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby={[hintId, error && errorId].filter(Boolean).join(' ')}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              choose(event.target.files?.[0]);
              // Cleared, so that the same file can be chosen again after a change.
              event.target.value = '';
            }}
            className="peer sr-only"
          />
          <label
            htmlFor={id}
            className={buttonClass(
              'secondary',
              'cursor-pointer peer-focus-visible:shadow-[0_0_0_3px_var(--color-focus)] peer-focus-visible:outline-[3px] peer-focus-visible:outline-offset-2 peer-focus-visible:outline-[#0b0c0c] peer-focus-visible:outline-solid',
            )}
          >
            {t('web.signing.verify.file.label')}
          </label>
          <span className="ml-2 hidden text-slate-700 sm:inline">{t('web.signing.verify.file.drop')}</span>
          <p id={hintId} className="mt-2 text-slate-700">
            {t('web.signing.verify.file.hint')}
          </p>
          {file && (
            <p className="mt-2 font-semibold break-all">
              {t('web.signing.verify.file.chosen', { name: file.name })}
            </p>
          )}
        </div>
        <Button type="submit" pending={check.isPending} pendingLabel={t('web.signing.verify.checking')}>
          {t('web.signing.verify.file.submit')}
        </Button>
      </form>
    </Card>
  );
};

/**
 * /verify and /verify/:hash — the public check of a settlement agreement (issue 6, "Verify"): by
 * the hash under the QR code (the QR links here), or by uploading the PDF. No login; the answer
 * says who signed and whether each signature is valid, never what the agreement says.
 */
export const VerifyPage = () => {
  const text = useSigningText();
  const { t } = text;
  const { hash: param = '' } = useParams();
  const navigate = useNavigate();
  const hash = normalizeHash(param);
  const [fileResult, setFileResult] = useState<FileResult | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const byHash = useQuery({
    queryKey: ['verify', hash, text.locale],
    queryFn: () => agreementsApi.verifyHash(hash as string),
    enabled: hash !== null && fileResult === null,
    retry: false,
    staleTime: 30_000,
  });

  // A new answer takes focus, so that it is read out and a keyboard user continues from it.
  useEffect(() => {
    if (fileResult) resultRef.current?.focus();
  }, [fileResult]);
  useEffect(() => {
    if (byHash.dataUpdatedAt) resultRef.current?.focus();
  }, [byHash.dataUpdatedAt]);

  return (
    <>
      <PageTitle lead={t('web.signing.verify.lead')}>{t('web.signing.verify.title')}</PageTitle>
      <p className="mb-6 max-w-prose font-semibold">{t('web.signing.verify.privacy')}</p>
      <div className="grid gap-4 md:grid-cols-2 md:items-start">
        <HashForm
          key={param}
          initial={param}
          onCheck={(checked) => {
            setFileResult(null);
            if (checked === hash) void byHash.refetch();
            else navigate(`/verify/${checked}`);
          }}
        />
        <FileForm onResult={setFileResult} />
      </div>
      <div className="mt-6">
        {fileResult ? (
          <VerificationReportView
            report={fileResult.report}
            title={t('web.signing.verify.result.forFile', { name: fileResult.name })}
            headingRef={resultRef}
          />
        ) : hash && byHash.isPending ? (
          <Loading label={t('web.signing.verify.checking')} />
        ) : hash && byHash.error ? (
          <QueryError error={byHash.error} />
        ) : hash && byHash.data ? (
          <VerificationReportView
            report={byHash.data}
            title={t('web.signing.verify.result.forHash', { hash: `${hash.slice(0, 12)}…` })}
            checked={hash}
            headingRef={resultRef}
          />
        ) : null}
      </div>
    </>
  );
};
