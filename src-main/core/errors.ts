/**
 * Errors as values: every failure a user can meet carries a stable code, a plain sentence
 * and what to do next. They cross IPC and the CLI as plain objects, never as stack traces.
 */
export interface ProblemDetails {
  /** Stable, machine-readable code, e.g. `BUNDLE_HASH_MISMATCH` or `KMS.2601`. */
  readonly code: string;
  /** One plain sentence saying what went wrong. */
  readonly message: string;
  /** One plain sentence saying what the user should do next. */
  readonly nextStep: string;
}

/** The one error class core code throws for expected, user-facing failures. */
export class KeyferryError extends Error implements ProblemDetails {
  readonly code: string;
  readonly nextStep: string;

  constructor(code: string, message: string, nextStep: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeyferryError';
    this.code = code;
    this.nextStep = nextStep;
  }

  toProblem(): ProblemDetails {
    return { code: this.code, message: this.message, nextStep: this.nextStep };
  }
}

export function isKeyferryError(value: unknown): value is KeyferryError {
  return value instanceof KeyferryError;
}

/**
 * Flattens any thrown value into a ProblemDetails. Unexpected errors keep only their message
 * (never a stack, never object dumps that could carry secrets).
 */
export function toProblem(error: unknown): ProblemDetails {
  if (isKeyferryError(error)) return error.toProblem();
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'INTERNAL',
    message: `Unexpected failure: ${message}`,
    nextStep: 'Nothing was marked as done. Retry the step; if it fails again, keep the journal and report it.',
  };
}
