import { ApiError, NetworkError } from '../../api.ts';
import { fromServerField } from './paths.ts';
import type { Failure } from './summary.tsx';

/**
 * A refused request in the form the builder shows it: the server's localized detail and its field
 * errors mapped to the builder's fields; a lost connection or a server fault in plain words.
 */
export const failureOf = (error: unknown, t: (key: string) => string): Failure => {
  if (error instanceof ApiError && error.problem)
    return {
      code: error.problem.code,
      detail: error.problem.detail,
      fields: (error.problem.errors ?? []).map((item) => ({
        path: fromServerField(item.field),
        message: item.detail,
      })),
    };
  if (error instanceof NetworkError) return { code: null, detail: t('web.errors.network'), fields: [] };
  return { code: null, detail: t('errors.internal'), fields: [] };
};
