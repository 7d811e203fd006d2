import type { Locale } from '../../core/identity/roles.ts';
import { hasMessage, type Params, translate } from './i18n.ts';

export type FieldError = { field: string; code: string; params?: Params };

/**
 * An expected failure the user can act on: rendered as RFC 9457 problem+json with a stable
 * `code` (a key under `errors.` in the locales) and a detail in the caller's language.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Params = {},
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

export const fieldProblem = (field: string, code: string, params?: Params) =>
  new Problem(400, 'validation_failed', {}, [{ field, code, params }]);

/** Params that name a case status or a signature's refusal are shown in words, in the reader's language. */
const localizedParams = (params: Params, locale: Locale): Params => {
  const words = { ...params };
  if (typeof params.caseStatus === 'string')
    words.caseStatus = translate(locale, `cases.status.${params.caseStatus}`);
  if (typeof params.reason === 'string') {
    const key = `errors.signature_reason.${params.reason}`;
    words.reason = translate(locale, hasMessage(locale, key) ? key : 'errors.signature_reason.other');
  }
  return words;
};

export const problemBody = (problem: Problem, locale: Locale, instance?: string) => {
  const detail = translate(locale, `errors.${problem.code}`, localizedParams(problem.params, locale));
  return {
    type: `https://kelisim.kz/problems/${problem.code.replaceAll('_', '-')}`,
    title: detail,
    status: problem.status,
    code: problem.code,
    detail,
    instance,
    ...(problem.fieldErrors.length > 0 && {
      errors: problem.fieldErrors.map((error) => ({
        field: error.field,
        code: error.code,
        detail: translate(
          locale,
          `fields.${hasMessage(locale, `fields.${error.code}`) ? error.code : 'invalid_format'}`,
          error.params,
        ),
      })),
    }),
  };
};

type ValidationIssue = {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
};

/**
 * Zod issues from request validation → field errors. A contract names its own message key
 * (e.g. 'iin_invalid'); otherwise the issue's kind picks a generic one.
 */
export const fieldErrorsFromValidation = (issues: ValidationIssue[], context: string): FieldError[] =>
  issues.map((issue) => {
    const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || context;
    const params: Params = {};
    const { minimum, maximum, origin } = issue.params ?? {};
    if (typeof minimum === 'number' || typeof minimum === 'bigint') params.minimum = Number(minimum);
    if (typeof maximum === 'number' || typeof maximum === 'bigint') params.maximum = Number(maximum);
    const named = issue.message && /^[a-z_]+$/.test(issue.message) ? issue.message : undefined;
    const generic =
      issue.keyword === 'too_small' && origin === 'string'
        ? 'too_short'
        : issue.keyword === 'too_big' && origin === 'string'
          ? 'too_long'
          : issue.keyword;
    return { field, code: named ?? generic, params };
  });
