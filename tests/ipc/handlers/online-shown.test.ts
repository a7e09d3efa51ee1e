/**
 * What the online steps showed last, carried by the ceremony view for a reloaded window
 * (handlers/online-shown.ts): the parameters fetched, the bundle written of them, the wrapped bundle
 * checked, each as its own step answered; a later fetch replaces the parameters and drops the bundle
 * and the check (both belong to tokens no longer the latest), and the view then still offers the
 * check of a wrap of the bundle written before (the step table's fact). Real router and handlers.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';
import { airGapConfirmed, call, value } from './airgap-session';

let dir: string;
let ipc: RecordedIpc;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-ipc-shown-'));
  ipc = createRecordedIpc();
});
afterEach(async () => {
  await ipc.close();
  await rm(dir, { recursive: true, force: true });
});

interface Shown {
  issued: { keyId: string; importTokenSha256: string }[];
  parametersBundle: { manifestSha256: string } | null;
  checkedBundle: { manifestSha256: string; digestSource: string } | null;
}
type Answer = { value: { manifestSha256Grouped: string } };
type State = { online: { allowedSteps: string[]; shown: Shown } };

const answered = (channel: string) => ipc.calls.filter((c) => c.channel === channel).map((c) => c.response);
/** From the confirmed digest: preflight, generate, wrap, the bundle and the receipt written; returns the bundle. */
async function wrappedWritten(): Promise<{ dir: string; manifestSha256Grouped: string }> {
  const media = path.join(dir, 'media');
  await mkdir(media);
  await value(ipc, 'airgap.preflight', { folder: media });
  await value(ipc, 'airgap.generate');
  await value(ipc, 'airgap.wrap');
  const wrapped = await value<{ dir: string; manifestSha256Grouped: string }>(ipc, 'airgap.write-bundle');
  await value(ipc, 'airgap.receipt');
  return wrapped;
}

const shown = async () => (await value<State>(ipc, 'ceremony.state')).online.shown;

describe('ceremony.state online.shown', () => {
  it('carries what the steps answered, and a later fetch replaces it', async () => {
    await airGapConfirmed(ipc, dir, ['AES_256', 'EC_P256']);
    const [fetched] = answered('online.fetch-parameters') as { value: { keys: Shown['issued'] } }[];
    const [written] = answered('online.write-parameters') as { value: Record<string, unknown> }[];
    expect(await shown()).toEqual({
      issued: fetched?.value.keys,
      parametersBundle: written?.value,
      checkedBundle: null,
    });

    const wrapped = await wrappedWritten();
    const checked = await value(ipc, 'online.check-wrapped', {
      folder: wrapped.dir,
      expectedDigest: wrapped.manifestSha256Grouped,
      digestSource: 'air-gapped-receipt',
    });
    expect((await shown()).checkedBundle).toEqual({ ...checked, digestSource: 'air-gapped-receipt' });

    // Fetched again and not written: new tokens shown, no bundle, no check; the earlier wrap may still be checked.
    const again = await value<{ keys: Shown['issued'] }>(ipc, 'online.fetch-parameters');
    const state = await value<State>(ipc, 'ceremony.state');
    expect(state.online.shown).toEqual({ issued: again.keys, parametersBundle: null, checkedBundle: null });
    expect(again.keys.map((k) => k.importTokenSha256)).not.toEqual(fetched?.value.keys.map((k) => k.importTokenSha256));
    expect(state.online.allowedSteps).toContain('checkWrappedBundle');
  });

  it('drops a check when the next check of another bundle is refused: nothing unseen is imported', async () => {
    await airGapConfirmed(ipc, dir, ['AES_256']);
    const wrapped = await wrappedWritten();
    const check = (expectedDigest: string) =>
      call(ipc, 'online.check-wrapped', { folder: wrapped.dir, expectedDigest, digestSource: 'air-gapped-receipt' });
    expect(await check(wrapped.manifestSha256Grouped)).toMatchObject({ ok: true });
    // Then another bundle's digest typed (the parameters bundle's, read from the wrong line): refused.
    const other = (ipc.calls.find((c) => c.channel === 'online.write-parameters')?.response as Answer).value;
    expect(await check(other.manifestSha256Grouped)).toMatchObject({
      ok: false,
      problem: { code: 'WRAPPED_DIGEST_IS_PARAMETERS' },
    });
    const state = await value<State>(ipc, 'ceremony.state');
    expect(state.online.shown.checkedBundle).toBeNull();
    expect(state.online.allowedSteps).not.toContain('importMaterial');
    expect(await call(ipc, 'online.import', {})).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_STEP_OUT_OF_ORDER' },
    });
    // Checked again, it is imported.
    expect(await check(wrapped.manifestSha256Grouped)).toMatchObject({ ok: true });
    expect(await call(ipc, 'online.import', {})).toMatchObject({ ok: true });
  });
});
