/**
 * Test helper: a rehearsal through the real router and handlers (no browser) up to the air-gapped
 * side with the bundle digest confirmed by the witness, for the keys asked; the ceremony folder is `dir`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { KeySpecName } from '../../../src-main/ipc/contract';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';

export type Answer =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; problem: { code: string; message: string; nextStep: string; values?: Record<string, unknown> } };

export async function call(ipc: RecordedIpc, channel: string, payload?: unknown): Promise<Answer> {
  return (await ipc.route(channel, payload)) as Answer;
}

export async function value<T = Record<string, unknown>>(
  ipc: RecordedIpc,
  channel: string,
  payload?: unknown,
): Promise<T> {
  const answer = await call(ipc, channel, payload);
  if (!answer.ok) throw new Error(`${channel} failed: ${answer.problem.code} ${answer.problem.message}`);
  return answer.value as T;
}

/** Setup, simulator, keys, parameters bundle in `dir`, air-gapped network check, bundle read, its digest confirmed. */
export async function airGapConfirmed(
  ipc: RecordedIpc,
  dir: string,
  specs: readonly KeySpecName[],
  setup: { readonly wrappingAlgorithm?: 'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256' } = {},
): Promise<{ params: string; keyIds: string[] }> {
  await value(ipc, 'mode.choose', { mode: 'rehearsal' });
  await value(ipc, 'ceremony.setup', { title: 'Safety', operator: 'Ana', witnesses: ['Ben'], folder: dir, ...setup });
  return parametersConfirmed(ipc, dir, specs);
}

/** After the setup (by the channel or the screen): simulator, keys, parameters in `dir`, air-gapped side up to the confirmed digest. */
export async function parametersConfirmed(
  ipc: RecordedIpc,
  dir: string,
  specs: readonly KeySpecName[],
): Promise<{ params: string; keyIds: string[] }> {
  await value(ipc, 'rehearsal.start');
  await value(ipc, 'online.create-keys', {
    keys: specs.map((spec, i) => ({ alias: `safety/k${i}`, spec })),
  });
  await value(ipc, 'online.fetch-parameters');
  const params = await value<{ dir: string; manifestSha256Grouped: string }>(ipc, 'online.write-parameters', {
    folder: dir,
  });
  await value(ipc, 'airgap.check-network');
  const overview = await value<{ keys: { keyId: string }[] }>(ipc, 'airgap.read-bundle', { folder: params.dir });
  // The witness types the bundle digest the online side showed.
  await value(ipc, 'airgap.confirm-as-witness', { witness: 'Ben', typed: params.manifestSha256Grouped });
  return { params: params.dir, keyIds: overview.keys.map((k) => k.keyId) };
}

/** With the material made: wrap, write the bundle and the receipt, check it online with its digest; returns the bundle. */
export async function wrapAndCheck(ipc: RecordedIpc): Promise<{ dir: string; manifestSha256Grouped: string }> {
  await value(ipc, 'airgap.wrap');
  const wrapped = await value<{ dir: string; manifestSha256Grouped: string }>(ipc, 'airgap.write-bundle');
  await value(ipc, 'airgap.receipt');
  await value(ipc, 'online.check-wrapped', {
    folder: wrapped.dir,
    expectedDigest: wrapped.manifestSha256Grouped,
    digestSource: 'air-gapped-receipt',
  });
  return wrapped;
}

/** With the material made: wrap, write the bundle and the receipt, check it online with its digest and import (`request`). */
export async function wrapCheckImport(ipc: RecordedIpc, request: Record<string, unknown>): Promise<void> {
  await wrapAndCheck(ipc);
  await value(ipc, 'online.import', request);
}

/** The events of a journal file, oldest first. */
export async function journalEvents(
  file: string,
): Promise<{ event: string; actor: string; data: Record<string, unknown> }[]> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { event: string; actor: string; data: Record<string, unknown> });
}

/** A test's own ceremony folder (with an empty `media` folder in it) and recorded IPC; `close()` ends both. */
export interface CeremonyFolder {
  readonly dir: string;
  readonly media: string;
  readonly ipc: RecordedIpc;
  close(): Promise<void>;
}

/** A fresh `CeremonyFolder` under the temp folder, named from `prefix` (for a beforeEach). */
export async function ceremonyFolder(prefix: string): Promise<CeremonyFolder> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const media = path.join(dir, 'media');
  await mkdir(media);
  const ipc = createRecordedIpc();
  return {
    dir,
    media,
    ipc,
    close: async () => {
      await ipc.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
