/**
 * Errors as values: every failure a user can meet carries a stable code, the values that explain
 * it, and (rendered from the catalogue) a plain sentence and what to do next. They cross IPC and
 * the CLI as plain objects, never as stack traces; each surface renders them in its language.
 *
 *     throw new KeyferryError('BUNDLE_HASH_MISMATCH', { file: name });   // code = catalogue key
 *
 * The older form `new KeyferryError(code, message, nextStep)` still compiles for codes that have
 * no catalogue entry yet (shown in English everywhere); once `problem.CODE` exists in the
 * catalogue only the coded form compiles.
 */
import { isProblemCode, type PlainValues, type ProblemCode, type ProblemValues } from '../i18n/catalogue';
import { english } from '../i18n/translate';

export interface ProblemDetails {
  /** Stable, machine-readable code, e.g. `BUNDLE_HASH_MISMATCH` or `KMS.2601`. */
  readonly code: string;
  /** One plain sentence saying what went wrong (English; surfaces render `code` + `values`). */
  readonly message: string;
  /** One plain sentence saying what the user should do next (English, likewise). */
  readonly nextStep: string;
  /** The values the catalogue texts of `code` need (strings and numbers; dates as epoch ms). */
  readonly values?: PlainValues;
}

type ErrorOptions = { cause?: unknown };
type Plain<V> = { readonly [K in keyof V]: V[K] extends Date | number ? number | (V[K] & string) : V[K] };
/** Values may be left out when a code needs none, or only optional ones (a problem's `surface`, which the app adds). */
type CodedArgs<C extends ProblemCode> = keyof ProblemValues<C> extends never
  ? [values?: Readonly<Record<string, never>>, options?: ErrorOptions]
  : Record<string, never> extends ProblemValues<C>
    ? [values?: Plain<ProblemValues<C>>, options?: ErrorOptions]
    : [values: Plain<ProblemValues<C>>, options?: ErrorOptions];
type LegacyArgs = [message: string, nextStep: string, options?: ErrorOptions];
/** What follows the code: its values when the code is in the catalogue, else message and next step. */
export type KeyferryErrorArgs<C extends string> = C extends ProblemCode ? CodedArgs<C> : LegacyArgs;

/** The one error class core code throws for expected, user-facing failures. */
export class KeyferryError<C extends string = string> extends Error implements ProblemDetails {
  readonly code: C;
  readonly nextStep: string;
  readonly values?: PlainValues;

  constructor(code: C, ...args: KeyferryErrorArgs<C>) {
    const coded = isProblemCode(code) && typeof args[0] !== 'string';
    const values = coded ? (args[0] as PlainValues | undefined) : undefined;
    const options = (coded ? args[1] : args[2]) as ErrorOptions | undefined;
    const texts = coded
      ? english.problem({ code, message: code, nextStep: '', values: values ?? {} })
      : { message: args[0] as string, nextStep: args[1] as string };
    super(texts.message, options);
    this.name = 'KeyferryError';
    this.code = code;
    this.nextStep = texts.nextStep;
    if (values) this.values = { ...values };
  }

  toProblem(): ProblemDetails {
    const base = { code: this.code, message: this.message, nextStep: this.nextStep };
    return this.values ? { ...base, values: this.values } : base;
  }
}

/**
 * A problem whose text is a `{reason, select, …}` with branches naming different values: give the
 * chosen branch's values only (names and kinds are still checked; which ones are needed is not).
 */
export function selectedProblem<C extends ProblemCode>(
  code: C,
  values: Partial<Plain<ProblemValues<C>>>,
  options?: ErrorOptions,
): KeyferryError<C> {
  const args = [values, options] as unknown as KeyferryErrorArgs<C>;
  return new KeyferryError(code, ...args);
}

/**
 * The values that name `error` as the cause of another problem whose text has `{cause}`: its code
 * and values, rendered in the reader's language (an error without catalogue texts gives its English sentence).
 */
export function causeValues(error: KeyferryError): { cause: string; causeValues: string } {
  return isProblemCode(error.code)
    ? { cause: error.code, causeValues: JSON.stringify(error.values ?? {}) }
    : { cause: error.message, causeValues: '{}' };
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
  const detail = error instanceof Error ? error.message : String(error);
  return new KeyferryError('INTERNAL', { detail: detail.slice(0, 1500) }).toProblem();
}
