/**
 * Fresh RSA-2048 wrapping keys, generated asynchronously (libuv thread pool). A small pool is kept
 * ready and refilled in the background; every key is handed out once and never again.
 */
import { generateKeyPair, randomBytes } from 'node:crypto';

export interface WrappingKeyPair {
  readonly id: string;
  /** SubjectPublicKeyInfo DER. */
  readonly publicKeyDer: Buffer;
  /** PKCS#8 DER. */
  readonly privateKeyDer: Buffer;
}

function generateWrappingKey(): Promise<WrappingKeyPair> {
  return new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      {
        modulusLength: 2048,
        publicExponent: 0x10001,
        publicKeyEncoding: { type: 'spki', format: 'der' },
        privateKeyEncoding: { type: 'pkcs8', format: 'der' },
      },
      (error, publicKeyDer, privateKeyDer) => {
        if (error) reject(error);
        else resolve({ id: randomBytes(16).toString('hex'), publicKeyDer, privateKeyDer });
      },
    );
  });
}

export class WrappingKeyPool {
  readonly #target: number;
  readonly #ready: WrappingKeyPair[] = [];
  #pending = 0;
  #closed = false;
  #refilling = true;

  /** `refill: false` fills the pool once and then only generates on demand when it is empty. */
  constructor(target = 2, options: { readonly refill?: boolean } = {}) {
    this.#target = Math.max(0, target);
    this.#refill();
    this.#refilling = options.refill ?? true;
  }

  #refill(): void {
    while (!this.#closed && this.#ready.length + this.#pending < this.#target) {
      this.#pending += 1;
      generateWrappingKey().then(
        (pair) => {
          this.#pending -= 1;
          if (!this.#closed) this.#ready.push(pair);
        },
        () => {
          this.#pending -= 1;
        },
      );
    }
  }

  /** A wrapping key nobody else has received. */
  async take(): Promise<WrappingKeyPair> {
    const ready = this.#ready.shift();
    if (this.#refilling) this.#refill();
    return ready ?? generateWrappingKey();
  }

  /** Resolves once the pool holds its target number of ready keys (benches wait for this). */
  async filled(): Promise<void> {
    while (!this.#closed && this.#pending > 0) await new Promise((r) => setTimeout(r, 20));
  }

  /** Stops refilling and drops the ready keys. */
  close(): void {
    this.#closed = true;
    for (const pair of this.#ready.splice(0)) pair.privateKeyDer.fill(0);
  }
}
