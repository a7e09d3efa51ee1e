/**
 * Fresh RSA-2048 wrapping keys, generated asynchronously (libuv thread pool). A small pool is kept
 * ready and refilled in the background; every key is handed out once and never again.
 *
 * TEST ONLY: under NODE_ENV=test, a test run may hand this process a file of RSA-2048 keys made
 * beforehand (`KEYFERRY_TEST_WRAPPING_KEYS`, see testWrappingKeysFile); the pools of that process
 * then hand those out first, each at most once in the process, before generating fresh keys. The
 * variable names the process it is meant for, so a CLI or simulator the test spawns (which inherits
 * the environment) ignores it and generates fresh keys, as every non-test run does.
 */
import { createPrivateKey, createPublicKey, generateKeyPair, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

interface WrappingKeyPair {
  readonly id: string;
  /** SubjectPublicKeyInfo DER. */
  readonly publicKeyDer: Buffer;
  /** PKCS#8 DER. */
  readonly privateKeyDer: Buffer;
}

/** A fresh RSA-2048 key pair (e=65537) as DER, with a random id. */
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

/** The environment variable a test run sets: `{"file": "...", "pid": <the process it is for>}`. */
export const TEST_WRAPPING_KEYS_VARIABLE = 'KEYFERRY_TEST_WRAPPING_KEYS';

/** The file of made-beforehand test wrapping keys: PKCS#8 DER, base64, RSA-2048 only. */
export const testWrappingKeysFileSchema = z
  .object({
    formatVersion: z.literal(1),
    pkcs8: z
      .array(
        z
          .string()
          .regex(/^[A-Za-z0-9+/]+={0,2}$/)
          .max(4096),
      )
      .max(4096),
  })
  .strict();

const variableSchema = z.object({ file: z.string().min(1), pid: z.number().int() }).strict();

/** Per process (kept on globalThis so a test's vi.resetModules does not restart the count). */
interface TestKeys {
  readonly file: string;
  pkcs8: readonly string[] | undefined;
  /** How many of the file's keys this process has handed out: each one once. */
  next: number;
}
const TEST_KEYS = Symbol.for('keyferry.kms-simulator.test-wrapping-keys');

function testKeys(env: NodeJS.ProcessEnv = process.env): TestKeys | undefined {
  if (env.NODE_ENV !== 'test' || !env[TEST_WRAPPING_KEYS_VARIABLE]) return undefined;
  const holder = globalThis as { [TEST_KEYS]?: TestKeys };
  const held = holder[TEST_KEYS];
  if (held) return held;
  const parsed = variableSchema.safeParse(JSON.parse(env[TEST_WRAPPING_KEYS_VARIABLE]));
  if (!parsed.success || parsed.data.pid !== process.pid) return undefined;
  holder[TEST_KEYS] = { file: parsed.data.file, pkcs8: undefined, next: 0 };
  return holder[TEST_KEYS];
}

/** The next made-beforehand key this process has not handed out yet, or undefined (none left, or not a test). */
function takeTestKey(): WrappingKeyPair | undefined {
  const keys = testKeys();
  if (!keys) return undefined;
  keys.pkcs8 ??= testWrappingKeysFileSchema.parse(JSON.parse(readFileSync(keys.file, 'utf8'))).pkcs8;
  const encoded = keys.pkcs8[keys.next];
  if (encoded === undefined) return undefined;
  keys.next += 1;
  const privateKey = createPrivateKey({ key: Buffer.from(encoded, 'base64'), format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'rsa' || privateKey.asymmetricKeyDetails?.modulusLength !== 2048) {
    throw new TypeError(`${keys.file}: key ${keys.next} is not an RSA-2048 key`);
  }
  return {
    id: randomBytes(16).toString('hex'),
    publicKeyDer: createPublicKey(privateKey).export({ type: 'spki', format: 'der' }),
    privateKeyDer: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

/** True when this process has made-beforehand test keys left (then a pool generates nothing up front). */
function hasTestKeys(): boolean {
  const keys = testKeys();
  return keys !== undefined && (keys.pkcs8 === undefined || keys.next < keys.pkcs8.length);
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
    if (!hasTestKeys()) this.#refill();
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
    if (ready) {
      if (this.#refilling) this.#refill();
      return ready;
    }
    const made = takeTestKey();
    if (made) return made;
    if (this.#refilling) this.#refill();
    return this.#ready.shift() ?? generateWrappingKey();
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
