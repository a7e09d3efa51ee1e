/** Progress of long steps (key generation, wrapping, writing media), as plain values for a UI. */

export interface CeremonyProgress {
  /** The workflow step, e.g. `generate-material`, `write-bundle`, `import`. */
  readonly step: string;
  /** Items finished so far (0 when the step starts). */
  readonly done: number;
  readonly total: number;
  /** The key being worked on, when the step goes key by key. */
  readonly keyId?: string;
  /** One short line for a status bar, e.g. "Generating RSA_4096 key 2 of 3". */
  readonly message: string;
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
