/**
 * Fresh RSA-2048 wrapping keys, generated asynchronously (libuv thread pool). A small pool is kept
 * ready and refilled in the background; every key is handed out once and never again.
 *
 * TEST ONLY: under NODE_ENV=test, a test run may hand a test file's processes a file of RSA-2048
 * keys made beforehand (`KEYFERRY_TEST_WRAPPING_KEYS`, see testWrappingKeysFile) and a claims
 * folder of that test file; the pools of those processes (the test's own and every CLI or simulator
 * it spawns, which inherit the environment) hand those keys out first, each at most once across all
 * of them (claimed in the folder), before generating fresh keys, as every non-test run does.
 */
import { createPrivateKey, createPublicKey, generateKeyPair, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

/** The environment variable a test run sets: `{"file": "...", "claims": "<the test file's claims folder>"}`. */
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

const variableSchema = z.object({ file: z.string().min(1), claims: z.string().min(1) }).strict();

/** Per process (kept on globalThis so a test's vi.resetModules does not restart the count). */
interface TestKeys {
  readonly file: string;
  /** Where the test file's processes claim keys: key i belongs to the process that made the file `i` there. */
  readonly claims: string;
  pkcs8: readonly string[] | undefined;
  /** The file's keys before this one were claimed (by this process or another of the test file). */
  next: number;
}
const TEST_KEYS = Symbol.for('keyferry.kms-simulator.test-wrapping-keys');

function testKeys(env: NodeJS.ProcessEnv = process.env): TestKeys | undefined {
  if (env.NODE_ENV !== 'test' || !env[TEST_WRAPPING_KEYS_VARIABLE]) return undefined;
  const holder = globalThis as { [TEST_KEYS]?: TestKeys };
  const held = holder[TEST_KEYS];
  if (held) return held;
  const parsed = variableSchema.safeParse(JSON.parse(env[TEST_WRAPPING_KEYS_VARIABLE]));
  if (!parsed.success) return undefined;
  holder[TEST_KEYS] = { file: parsed.data.file, claims: parsed.data.claims, pkcs8: undefined, next: 0 };
  return holder[TEST_KEYS];
}

/**
 * Claims key `index` for this process: true when no process of the test file claimed it before. A
 * claims folder that cannot be written (gone with its run) ends the made-beforehand keys for this process.
 */
function claimTestKey(keys: TestKeys, index: number): boolean {
  try {
    closeSync(openSync(path.join(keys.claims, String(index)), 'wx'));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') keys.next = Number.POSITIVE_INFINITY;
    return false;
  }
}

/** The next made-beforehand key no process of the test file has handed out yet, or undefined (none left, or not a test). */
function takeTestKey(): WrappingKeyPair | undefined {
  const keys = testKeys();
  if (!keys) return undefined;
  keys.pkcs8 ??= testWrappingKeysFileSchema.parse(JSON.parse(readFileSync(keys.file, 'utf8'))).pkcs8;
  while (keys.next < keys.pkcs8.length && !claimTestKey(keys, keys.next)) keys.next += 1;
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
