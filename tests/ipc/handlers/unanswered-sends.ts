/**
 * Test helper: an online journal in a rehearsal's `folder` whose last session sent an import (of
 * key app/one, created before) and a create (app/two) and recorded no answer to either, as a
 * session killed right after sending leaves it; written through the real router, handlers and
 * journal (a real hash chain).
 */
import path from 'node:path';
import { openJournal } from '../../../src-main/core/journal';
import type { Connection } from '../../../src-main/ipc/contract';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';
import { value } from './airgap-session';

const UNANSWERED_SETUP = { title: 'Unrecorded', operator: 'Ana', witnesses: ['Ben'] };

/** A rehearsal in `folder` (continuing its journal when there is one), connected to a fresh simulator. */
export async function rehearsalConnected(folder: string): Promise<{ ipc: RecordedIpc; connection: Connection }> {
  const ipc = createRecordedIpc({ rehearsalRoot: folder });
  await value(ipc, 'mode.choose', { mode: 'rehearsal' });
  await value(ipc, 'ceremony.setup', { ...UNANSWERED_SETUP, folder });
  return { ipc, connection: await value<Connection>(ipc, 'rehearsal.start') };
}

/** Key app/one created in a first session; then a session that sent its import and app/two's create, unanswered. */
export async function unansweredSends(
  folder: string,
): Promise<{ keyId: string; importSent: number; createSent: number }> {
  const { ipc } = await rehearsalConnected(folder);
  try {
    const created = await value<{ keys: { keyId: string }[] }>(ipc, 'online.create-keys', {
      keys: [{ alias: 'app/one', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT' }],
    });
    const keyId = created.keys[0]?.keyId as string;
    await ipc.close();
    const journal = await openJournal(path.join(folder, 'online-journal.jsonl'), { create: false });
    try {
      await journal.append('Ana', 'ceremony.session-started', {});
      const sending = { keyId, importTokenSha256: 'a'.repeat(64) };
      const importSent = (await journal.append('Ana', 'key.import-sending', sending)).seq;
      const createSent = (await journal.append('Ana', 'key.create-sending', { alias: 'app/two' })).seq;
      return { keyId, importSent, createSent };
    } finally {
      await journal.close();
    }
  } finally {
    await ipc.close();
  }
}
