/**
 * Test helper for the setup channel's tests: call at the top of a test file for `rehearsal()`, a
 * recorded IPC with a rehearsal chosen and a folder of its own (nothing set up yet), each closed
 * and removed after its test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';
import { value } from './airgap-session';

export function rehearsalPerTest(prefix: string): () => Promise<{ ipc: RecordedIpc; folder: string }> {
  const opened: RecordedIpc[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((ipc) => ipc.close()));
    await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
  });
  return async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
    folders.push(folder);
    const ipc = createRecordedIpc({ rehearsalRoot: folder });
    opened.push(ipc);
    await value(ipc, 'mode.choose', { mode: 'rehearsal' });
    return { ipc, folder };
  };
}
