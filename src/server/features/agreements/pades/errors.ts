// Refusals of the PAdES functions, as stable codes: routes map them to problem+json codes and the
// CLI to its exit status. `detail` is English for logs and tests, never shown to users as is.

export type PadesErrorCode =
  /** Not a PDF we can read: broken cross-reference data, no catalog or page, encrypted, garbage. */
  | 'pdf_unreadable'
  /** The document already has a field of that name: two signers must never share a field. */
  | 'field_exists'
  /** A field name PDF does not allow (empty, or with a period, which separates name parts). */
  | 'field_invalid'
  /** The CMS does not fit into the placeholder reserved for it. */
  | 'signature_too_large';

export class PadesError extends Error {
  constructor(
    readonly code: PadesErrorCode,
    readonly detail: string = code,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'PadesError';
  }
}

/** Runs a parse step; anything it throws (pdf-lib's errors, a RangeError of a deep nesting) is unreadable. */
export const readable = <T>(what: string, parse: () => T): T => {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PadesError) throw error;
    throw new PadesError('pdf_unreadable', `${what}: ${(error as Error).message}`);
  }
};
