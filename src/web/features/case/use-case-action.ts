import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CaseView, caseKeys } from '../../cases-api.ts';
import type { FormErrorsApi } from '../../ui/form.tsx';
import { useCasePageActions } from './notice.tsx';

/** What a mediator who declined gets back: the case goes on without them. */
type Released = { id: string; status: string; released: true };

type Options<Input> = {
  caseId: string;
  run: (input: Input) => Promise<CaseView | Released>;
  /** The form whose alert and fields show the server's refusal (problem+json detail, field errors). */
  form: FormErrorsApi;
  /** What to announce when it worked. */
  done: string;
  onDone?: () => void;
  /** After a refusal, e.g. to close a confirmation dialog so the form's error can be read. */
  onFail?: () => void;
};

/**
 * One action on the case: the answer replaces the cached case at once, then the case and every
 * case list are fetched again (a refusal such as contract_changed means the case moved on, so
 * they are refreshed after a failure too).
 */
export const useCaseAction = <Input = void>({ caseId, run, form, done, onDone, onFail }: Options<Input>) => {
  const queryClient = useQueryClient();
  const { announce, release } = useCasePageActions();
  return useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      form.clear();
      onDone?.();
      if ('released' in result) {
        queryClient.removeQueries({ queryKey: caseKeys.one(caseId), exact: true });
        release(done);
        return;
      }
      queryClient.setQueryData(caseKeys.one(caseId), result);
      announce(done, result.status);
    },
    onError: (error) => {
      onFail?.();
      form.fromError(error);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.one(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.all }),
      ]),
  });
};
