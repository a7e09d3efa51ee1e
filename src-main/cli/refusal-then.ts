/**
 * A command's refusal followed by the line that says what to run next: the refusal is printed
 * first (stderr, as every refusal), then the line (stdout), so an officer reads why before what
 * (a trial's import with lapsed tokens printed the next command above its reason). The refusal
 * itself is thrown on unchanged inside the command, so its journal and session see it as it is.
 */
export class RefusalThen extends Error {
  constructor(
    /** The refusal as the command threw it. */
    readonly refusal: unknown,
    /** The line to print after it. */
    readonly then: string,
  ) {
    super('a refusal with a line to print after it');
    this.name = 'RefusalThen';
  }
}

/** The refusal `error` stands for, and the line to print after it (undefined: none). */
export function refusalAndThen(error: unknown): { readonly refusal: unknown; readonly then: string | undefined } {
  return error instanceof RefusalThen
    ? { refusal: error.refusal, then: error.then }
    : { refusal: error, then: undefined };
}
