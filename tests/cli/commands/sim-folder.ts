/**
 * Test helper for CLI tests against the simulator: call at the top of a test file for a temporary
 * folder and a simulator with its client, both closed and removed after use: per test
 * (`simAndFolderPerTest`) or, for a file whose tests share one simulator, per file
 * (`simAndFolderPerFile`). `options`: the simulator's (its regions, say).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';

export interface SimFolder {
  /** This test's folder. */
  dir(): string;
  /** This test's simulator and its client. */
  kms(): SimSetup;
}

type SimOptions = Parameters<typeof startSimWithClient>[0];

function simAndFolder(prefix: string, per: 'test' | 'file', options: SimOptions): SimFolder {
  let dir = '';
  let kms: SimSetup | undefined;
  const [before, after] = per === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    kms = await startSimWithClient(options);
  });
  after(async () => {
    await kms?.close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    kms: () => {
      if (!kms) throw new Error('the simulator runs only inside a test');
      return kms;
    },
  };
}

export function simAndFolderPerTest(prefix: string, options?: SimOptions): SimFolder {
  return simAndFolder(prefix, 'test', options);
}

/** One folder and one simulator for every test of the file. */
export function simAndFolderPerFile(prefix: string, options?: SimOptions): SimFolder {
  return simAndFolder(prefix, 'file', options);
}
