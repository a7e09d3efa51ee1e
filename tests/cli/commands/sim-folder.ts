/**
 * Test helper for CLI tests against the simulator: call at the top of a test file for a temporary
 * folder and a simulator with its client per test, both closed and removed after it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';

export interface SimFolder {
  /** This test's folder. */
  dir(): string;
  /** This test's simulator and its client. */
  kms(): SimSetup;
}

export function simAndFolderPerTest(prefix: string): SimFolder {
  let dir = '';
  let kms: SimSetup | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    kms = await startSimWithClient();
  });
  afterEach(async () => {
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
