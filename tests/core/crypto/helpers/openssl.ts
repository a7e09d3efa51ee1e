/** Test helpers: the real `openssl` CLI (the guide's command lines: openssl-commands.ts), temp folders, and expecting a KeyferryError. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { KeyferryError } from '../../../../src-main/core/errors';

/** Runs `openssl args...` (optionally in `cwd`, with `input` on stdin); resolves stdout, rejects with stderr. */
export function openssl(args: string[], options: { cwd?: string; input?: Buffer } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`openssl ${args.join(' ')} exited ${code}: ${Buffer.concat(err).toString()}`));
    });
    // openssl may exit before reading stdin (it reads files instead): that is not an error here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}

export async function makeTempDir(label: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `keyferry-${label}-`));
}

export async function removeTempDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

/** Asserts that `caught` is a KeyferryError with `code` whose message matches `message`. */
function expectRefusal(caught: unknown, code: string, message?: RegExp | string): KeyferryError {
  expect(caught, `expected ${code} to be thrown`).toBeInstanceOf(KeyferryError);
  const error = caught as KeyferryError;
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
  return error;
}

/** Asserts that `fn` throws a KeyferryError with `code` whose message matches `message`, and a next step. */
export function expectKeyferryError(fn: () => unknown, code: string, message?: RegExp | string): KeyferryError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  const error = expectRefusal(caught, code, message);
  expect(error.nextStep.length).toBeGreaterThan(0);
  return error;
}

/** The async twin of expectKeyferryError (the next step not asked for). */
export async function expectKeyferryRejection(
  promise: Promise<unknown>,
  code: string,
  message?: RegExp | string,
): Promise<KeyferryError> {
  const caught = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  return expectRefusal(caught, code, message);
}
