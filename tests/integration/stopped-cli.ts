/**
 * Test helper for stopping real `keyferry` processes (Ctrl-C, SIGKILL) in the middle of an
 * air-gapped ceremony: a temporary folder per test, an import-parameters bundle in it (wrapped for the
 * committed RSA-2048 test key), the children
 * watched as their output comes, and after each test every child's process group killed and the
 * folder removed.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import {
  importParametersFromKmsAnswer,
  readBundleDigest,
  writeImportParametersBundle,
} from '../../src-main/core/bundle';
import { testRsaKeyPair } from '../core/crypto/helpers/test-rsa-keys';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface StoppedCliFolder {
  /** This test's folder. */
  dir(): string;
  /**
   * An import-parameters bundle `params` in the folder with `count` keys of `spec`, the last `replicas`
   * of them replicas of the first (one material for the group); its digest (what the witness types).
   */
  parameters(count: number, spec: 'RSA_4096' | 'AES_256', replicas?: number): Promise<string>;
  /** Watches `child` (killed with its process group after the test), calling `onOutput` with everything seen so far. */
  watch(child: ChildProcess, onOutput: (seen: string, child: ChildProcess) => void): Promise<Finished>;
  /** The events of the folder's `airgap.jsonl`, oldest first. */
  journalEvents(): Promise<string[]>;
}

/** Call at the top of a test file: a folder named from `prefix` per test. */
export function stoppedCliFolder(prefix: string): StoppedCliFolder {
  let dir = '';
  const children: ChildProcess[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone, or not a group leader
          child.kill('SIGKILL');
        }
      }
    }
    await rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    parameters: async (count, spec, replicas = 0) => {
      // The committed RSA-2048 test key: no stop here is about the wrapping key, and making one cost up to a second.
      const wrapping = testRsaKeyPair('rsa2048').publicKey.export({ type: 'spki', format: 'der' });
      const keys = Array.from({ length: count }, (_, i) =>
        importParametersFromKmsAnswer({
          // A replica lives in another region than its primary.
          region: i >= count - replicas ? 'cn-east-3' : 'cn-north-4',
          projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
          keyAlias: `test/key-${i + 1}`,
          keySpec: spec,
          keyUsage: spec === 'AES_256' ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY',
          wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
          answer: {
            key_id: `0a1b2c3d-0000-4000-8000-00000000000${i + 1}`,
            public_key: wrapping.toString('base64'),
            import_token: randomBytes(300).toString('base64'),
            expiration_time: Math.floor(Date.now() / 1000) + 3600 * 20,
          },
        }),
      );
      const primary = keys[0]?.keyId;
      const grouped = keys.map((k, i) => (i >= count - replicas ? { ...k, replicaOf: primary } : k));
      await writeImportParametersBundle(path.join(dir, 'params'), {
        ceremonyId: 'KF-20250301-abcdef',
        keys: grouped,
      });
      return readBundleDigest(path.join(dir, 'params'));
    },
    watch: (child, onOutput) => {
      children.push(child);
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (d: Buffer) => {
        stdout += d.toString('utf8');
        onOutput(stdout + stderr, child);
      });
      child.stderr?.on('data', (d: Buffer) => {
        stderr += d.toString('utf8');
        onOutput(stdout + stderr, child);
      });
      return new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
      });
    },
    journalEvents: async () =>
      (await readFile(path.join(dir, 'airgap.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { event: string }).event),
  };
}

/** The `airgap wrap` options of a 2-of-3 custody split to Dana, Eli and Fay in `folders` (all on one volume in a test). */
export function custodyArgs(folders: readonly string[]): string[] {
  return [
    '--custody',
    '2/3',
    ...['Dana', 'Eli', 'Fay'].flatMap((name) => ['--custodian', name]),
    ...folders.flatMap((folder) => ['--custodian-folder', folder]),
    '--shares-on-one-volume',
  ];
}
