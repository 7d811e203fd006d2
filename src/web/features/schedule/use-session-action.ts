import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type SessionList, scheduleKeys } from '../../schedule-api.ts';
import type { FormErrorsApi } from '../../ui/form.tsx';

type Options<Input> = {
  caseId: string;
  run: (input: Input) => Promise<SessionList>;
  /** Where a refusal is shown: its alert and fields (problem+json detail, field errors). */
  form: FormErrorsApi;
  /** Says what was done, once the answer is in. */
  onDone: (list: SessionList, input: Input) => void;
  /** After a refusal, e.g. to close a confirmation so the error can be read. */
  onFail?: () => void;
};

/**
 * One change to the case's sessions: the answer (the sessions as the caller now sees them)
 * replaces the cached list at once; after a refusal (someone answered first, the case ended) the
 * list is fetched again so the page shows why.
 */
export const useSessionAction = <Input>({ caseId, run, form, onDone, onFail }: Options<Input>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (list, input) => {
      form.clear();
      queryClient.setQueryData(scheduleKeys.list(caseId), list);
      onDone(list, input);
    },
    onError: (error) => {
      onFail?.();
      form.fromError(error);
      void queryClient.invalidateQueries({ queryKey: scheduleKeys.list(caseId) });
    },
  });
};
