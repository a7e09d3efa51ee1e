/** Progress of long steps (key generation, wrapping, writing media), as plain values for a UI. */
import type { PlainValues, ProgressCode, ProgressValues } from '../../../i18n/catalogue';
import { english } from '../../../i18n/translate';

/**
 * Where one key of a step that goes key by key (several at once) stands. `unrecorded`: its KMS call
 * went through (a key created, parameters issued, material imported) and then the journal could not
 * record it; the next run finds it in the KMS (a key by its alias, an import by describe-key).
 */
export type KeyPhase = 'started' | 'done' | 'failed' | 'unrecorded';

export interface CeremonyProgress {
  /** The workflow step, e.g. `generate-material`, `write-bundle`, `import`. */
  readonly step: string;
  /** Items finished so far (0 when the step starts). */
  readonly done: number;
  readonly total: number;
  /** The key being worked on, when the step goes key by key. */
  readonly keyId?: string;
  /** For steps that run several keys at once: whether `keyId`'s calls started, finished or failed. */
  readonly keyPhase?: KeyPhase;
  /** One short line for a status bar, e.g. "Generating RSA_4096 key 2 of 3" (English fallback). */
  readonly message: string;
  /** The catalogue's `progress.CODE` and its values: what each surface shows in its language. */
  readonly code?: ProgressCode;
  readonly values?: PlainValues;
}

export type ProgressListener = (progress: CeremonyProgress) => void;

/** Calls `listener` and never lets a failing listener break the ceremony step. */
export function reportProgress(listener: ProgressListener | undefined, progress: CeremonyProgress): void {
  if (!listener) return;
  try {
    listener({ ...progress });
  } catch {
    // A display problem must not fail a ceremony step.
  }
}

/**
 * A progress line from its catalogue code and values, with its English text filled in:
 * `progressLine('wrap-key', { n: 2, total: 3 })`.
 */
export function progressLine<P extends ProgressCode>(
  code: P,
  values: ProgressValues<P>,
): Pick<CeremonyProgress, 'code' | 'values' | 'message'> {
  const plain = values as unknown as PlainValues;
  return { code, values: plain, message: english.progress({ code, values: plain, message: code }) };
}
