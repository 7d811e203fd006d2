import { useState } from 'react';
import { type CaseView, casesApi, type RatingBody } from '../../cases-api.ts';
import { Button } from '../../ui/button.tsx';
import { TextArea } from '../../ui/field.tsx';
import { Form, useFormErrors } from '../../ui/form.tsx';
import { useCaseText } from './text.ts';
import { useCaseAction } from './use-case-action.ts';

const FIELDS = ['stars', 'comment'] as const;
const STARS = [1, 2, 3, 4, 5] as const;

/** Stars as text for sight and as words for screen readers ("3 of 5"). */
export const Stars = ({ stars }: { stars: number }) => {
  const { t } = useCaseText();
  return (
    <span>
      <span aria-hidden="true" className="text-2xl tracking-wider text-amber-700">
        {'★'.repeat(stars)}
        <span className="text-slate-400">{'☆'.repeat(5 - stars)}</span>
      </span>{' '}
      <span>{t('web.case.rating.outOf', { stars })}</span>
    </span>
  );
};

/**
 * 1–5 stars as a native radio group (arrow keys move between stars, the legend names the group),
 * the radios visually replaced by large star labels that show focus.
 */
const StarRadios = ({
  value,
  onChange,
  error,
}: {
  value: number;
  onChange: (n: number) => void;
  error?: string;
}) => {
  const { t } = useCaseText();
  return (
    <fieldset
      className={`mb-5 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}
      aria-describedby={error ? 'stars-error' : undefined}
    >
      <legend className="mb-2 font-semibold">{t('web.case.rating.legend')}</legend>
      {error && (
        <p id="stars-error" className="mb-2 font-semibold text-red-700">
          <span className="sr-only">{t('web.common.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-1">
        {STARS.map((n) => (
          <label key={n} htmlFor={`stars-${n}`} className="relative cursor-pointer">
            <input
              id={`stars-${n}`}
              type="radio"
              name="stars"
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              aria-invalid={error ? true : undefined}
              className="peer sr-only"
            />
            <span
              aria-hidden="true"
              className={`flex size-12 items-center justify-center rounded-md border-2 text-3xl peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ink peer-focus-visible:shadow-[0_0_0_3px_var(--color-focus)] ${
                n <= value ? 'border-amber-700 bg-amber-50 text-amber-700' : 'border-slate-400 text-slate-500'
              }`}
            >
              {n <= value ? '★' : '☆'}
            </span>
            <span className="sr-only">{t('web.case.rating.star', { count: n })}</span>
          </label>
        ))}
      </div>
      <p className="mt-1 text-slate-700" aria-hidden="true">
        {value > 0 ? t('web.case.rating.outOf', { stars: value }) : t('web.case.rating.pick')}
      </p>
    </fieldset>
  );
};

/** For the parties of an ended case with a mediator: rate once (the registry's record uses it). */
export const RatingForm = ({ view }: { view: CaseView }) => {
  const { t } = useCaseText();
  const form = useFormErrors(FIELDS);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const rate = useCaseAction<RatingBody>({
    caseId: view.id,
    run: (body) => casesApi.rate(view.id, body),
    form,
    done: t('web.case.rating.done'),
  });
  return (
    <Form
      form={form}
      aria-labelledby="rating-title"
      onSubmit={() => {
        if (stars < 1) return form.failFields({ stars: t('web.case.rating.pickError') });
        rate.mutate({ stars, comment: comment.trim() || undefined });
      }}
    >
      <h3 id="rating-title" className="mb-1 text-lg font-bold">
        {t('web.case.rating.title', { name: view.mediator?.fullName ?? '' })}
      </h3>
      <p className="mb-3 text-slate-700">{t('web.case.rating.lead')}</p>
      <StarRadios value={stars} onChange={setStars} error={form.errors.stars} />
      <TextArea
        id="rating-comment"
        label={t('web.case.rating.comment')}
        optional
        rows={3}
        maxLength={2000}
        value={comment}
        onChange={setComment}
        error={form.errors.comment}
      />
      <Button type="submit" pending={rate.isPending} pendingLabel={t('web.common.sending')}>
        {t('web.case.rating.submit')}
      </Button>
    </Form>
  );
};
