import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseKeys } from '../../cases-api.ts';
import type { FormErrorsApi } from '../../ui/form.tsx';
import { type CaseMembers, membersApi, membersKeys } from './members-api.ts';

/** The case's representatives and interpreters; refreshed with the case page. */
export const useMembers = (caseId: string, enabled = true) =>
  useQuery({
    queryKey: membersKeys.of(caseId),
    queryFn: () => membersApi.get(caseId),
    enabled,
    staleTime: 20_000,
  });

/**
 * One change of the members: the answer replaces the cached list, then the case (its parties show
 * the representative) is fetched again. A refusal shows in the form, which keeps what was typed.
 */
export const useMembersChange = <Input>(
  caseId: string,
  run: (input: Input) => Promise<CaseMembers>,
  form: FormErrorsApi,
  onDone?: () => void,
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (members) => {
      form.clear();
      queryClient.setQueryData(membersKeys.of(caseId), members);
      onDone?.();
    },
    onError: (error) => form.fromError(error),
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKeys.one(caseId) }),
  });
};
