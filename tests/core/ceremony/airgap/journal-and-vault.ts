/**
 * Test fixture for the air-gapped steps' tests: before each test a fresh temp folder, a real
 * air-gapped journal in it and an empty MaterialVault; after it the vault wiped, the journal
 * closed and the folder removed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { MaterialVault } from '../../../../src-main/core/ceremony/airgap/material-vault';
import { openJournal, type Journal } from '../../../../src-main/core/journal';

export interface JournalAndVault {
  readonly dir: string;
  readonly journal: Journal;
  readonly vault: MaterialVault;
}

/** Registers the set-up and clean-up; the returned function gives the current test's folder, journal and vault. */
export function journalAndVaultEachTest(prefix: string): () => JournalAndVault {
  let current: JournalAndVault | undefined;
  beforeEach(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    current = {
      dir,
      journal: await openJournal(path.join(dir, 'airgap.jsonl'), { create: true }),
      vault: new MaterialVault(),
    };
  });
  afterEach(async () => {
    const done = current;
    current = undefined;
    if (!done) return;
    done.vault.disposeAll();
    await done.journal.close();
    await rm(done.dir, { recursive: true, force: true });
  });
  return () => {
    if (!current) throw new Error('journalAndVaultEachTest: only inside a test');
    return current;
  };
}
