/**
 * SecretBytes: the one holder of key bytes. It never reveals them by accident (String, JSON,
 * util.inspect, template literals all give "[redacted]"), hands them out only inside `use`,
 * and zero-fills them on `dispose`.
 */
import { inspect } from 'node:util';
import { KeyferryError } from '../errors';

const REDACTED = '[redacted]';

export class SecretBytes {
  #bytes: Buffer;
  #disposed = false;

  private constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  /** Takes ownership of `buffer` (no copy): the caller must not keep or reuse it. */
  static from(buffer: Buffer): SecretBytes {
    return new SecretBytes(buffer);
  }

  /** Number of secret bytes held (not itself secret). */
  get length(): number {
    return this.#bytes.length;
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /**
   * Lends the bytes to `fn` and returns its result. The Buffer is the live storage: do not keep
   * it, copy it out, or use it after `fn` returns.
   */
  use<T>(fn: (bytes: Buffer) => T): T {
    if (this.#disposed) {
      throw new KeyferryError('SECRET_DISPOSED');
    }
    return fn(this.#bytes);
  }

  /** Zero-fills the bytes. Safe to call more than once. */
  dispose(): void {
    this.#bytes.fill(0);
    this.#disposed = true;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

/** Runs `fn` with `buffer` and zero-fills the buffer afterwards, on success and on error. */
export function withWiped<T>(buffer: Buffer, fn: (bytes: Buffer) => T): T {
  try {
    return fn(buffer);
  } finally {
    buffer.fill(0);
  }
}
