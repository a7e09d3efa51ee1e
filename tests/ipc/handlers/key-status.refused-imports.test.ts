/**
 * The app's key states after an import refused so that the same import would be refused again, as
 * `online status` says it (status-next-steps.ts and refused-imports.ts, the same reading): the
 * material expiry is past by the ceremony's clock (a rehearsal's: the simulator's, moved 8 hours on),
 * so the import refuses it before sending (EXPIRY_IN_PAST). Before any import, the screen names the
 * refusal, by the simulator's clock, and the same bundle with an expiry further ahead, not an import
 * "again" of keys never imported; followed, the import with an expiry further ahead goes through. An
 * import stopped part way whose tokens then lapsed by the simulator's clock (this computer's has not
 * moved) is said as lapsed, by that clock: fresh parameters, not the same import; and no replica
 * group where there is none. Real router and handlers, the rehearsal's simulator over real
 * HTTP, the lines the screen builds (key-status-lines.ts) in English and Chinese.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeySpecName, Response } from '../../../src-main/ipc/contract';
import { translator } from '../../../src-main/i18n/translate';
import { keyStatusLines } from '../../../src-renderer/screens/online/key-status-lines';
import { airGapConfirmed, call, ceremonyFolder, value, wrapAndCheck, type CeremonyFolder } from './airgap-session';
import { networkGoesAfterFirstImport } from '../../helpers/network-goes';

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-refused-imports-');
});
afterEach(() => folder.close());

const HOUR = 3_600_000;

/** `specs` wrapped with AES material expiring in 6 hours (no custody copy), checked, the simulator's clock then 8 hours on, the import refused. */
async function refusedByTheRehearsalClock(specs: readonly KeySpecName[]) {
  const { ipc, dir, media } = folder;
  const { keyIds } = await airGapConfirmed(ipc, dir, specs);
  const expiry = { kind: 'at', at: new Date(Date.now() + 6 * HOUR).toISOString() };
  await value(ipc, 'airgap.preflight', { folder: media, expiry, acknowledgeNoBackup: true });
  await value(ipc, 'airgap.generate');
  const wrapped = await wrapAndCheck(ipc);
  ipc.simulator()?.clock.advance(8 * HOUR);
  const refused = await call(ipc, 'online.import', {});
  expect(refused.ok ? null : refused.problem.code).toBe('EXPIRY_IN_PAST');
  const status = await value<Response<'keyStatus'>>(ipc, 'online.status');
  const lines = (lang: 'en' | 'zh-CN') => keyStatusLines(translator(lang), status, specs.length).join('\n');
  return { keyIds, wrapped, status, lines };
}

describe('the app’s key states after an import refused for its expiry by the rehearsal’s clock', () => {
  it('before any import: names the refusal and the same bundle with an expiry further ahead, which then imports', async () => {
    const { ipc } = folder;
    const { wrapped, status, lines } = await refusedByTheRehearsalClock(['AES_256']);
    expect(status.clock).toBe('simulator');
    expect(status.next.beforeImport).toMatchObject({
      step: 'material-checked',
      refused: { kind: 'expiry', code: 'EXPIRY_IN_PAST', folder: wrapped.dir },
    });
    const refused = status.next.beforeImport?.refused;
    expect(lines('en')).toBe(
      `Nothing imported yet (ceremony step: wrapped material checked). The wrapped-material bundle ${wrapped.dir} was checked (journal entry ${refused?.seq}) and its import refused (entry ${refused?.refusedSeq}, EXPIRY_IN_PAST: by the rehearsal simulator’s clock its material expiry is not in the future). That wrap stands, so the air-gapped side does not wrap again. Next, within the tokens’ 24 hours, import the same bundle with an expiry further ahead (step “Choose the material expiry and import”). In a rehearsal the simulator’s clock may have been moved forward.`,
    );
    // Nothing was imported: no key is said "not imported yet" of an import stopped part way.
    expect(lines('en')).not.toContain('Import again');
    expect(lines('zh-CN')).toContain('按演练模拟器的时钟其密钥材料到期时间不在未来');
    // Followed: the same bundle with an expiry further ahead by the simulator's clock imports it.
    const ahead = new Date(Date.now() + 30 * 24 * HOUR).toISOString();
    await value(ipc, 'online.import', { expiry: { kind: 'at', at: ahead } });
    const after = await value<Response<'keyStatus'>>(ipc, 'online.status');
    expect(after.keys.map((k) => k.keyState)).toEqual(['Enabled']);
    expect(after.next.beforeImport).toBeNull();
  }, 120_000);

  it('an import stopped part way, its tokens then lapsed by the simulator’s clock: fresh parameters, not the same import', async () => {
    const { ipc, dir, media } = folder;
    const { keyIds } = await airGapConfirmed(ipc, dir, ['AES_256', 'AES_256']);
    await value(ipc, 'airgap.preflight', { folder: media, expiry: { kind: 'never' }, acknowledgeNoBackup: true });
    await value(ipc, 'airgap.generate');
    await wrapAndCheck(ipc);
    const sim = ipc.simulator();
    if (!sim) throw new Error('the rehearsal simulator is not running');
    networkGoesAfterFirstImport(sim);
    expect((await call(ipc, 'online.import', { expiry: { kind: 'never' } })).ok).toBe(false);
    sim.faults.clear();
    // A day and more later by the rehearsal's clock (this computer's has not moved): the tokens lapsed.
    sim.clock.advance(25 * HOUR);
    const refused = await call(ipc, 'online.import', { expiry: { kind: 'never' } });
    expect(refused.ok ? null : refused.problem.code).toBe('KMS_IMPORT_TOKEN_EXPIRED');
    const status = await value<Response<'keyStatus'>>(ipc, 'online.status');
    const missing = status.next.missing.map((k) => k.keyId);
    expect(missing).toHaveLength(1);
    expect(keyIds).toContain(missing[0]);
    expect(status.next.missingTokens?.lapsed).toBe(true);
    expect(status.next.missingRefused).toMatchObject({ kind: 'token', code: 'KMS_IMPORT_TOKEN_EXPIRED' });
    const lines = keyStatusLines(translator('en'), status, 2).join('\n');
    expect(lines).toMatch(
      /^1 of 2 keys is not imported yet \(Pending import\): safety\/k[01] \([0-9a-f-]{36}\)\. The ceremony is not finished\. Their import tokens expired at .+ \(by the rehearsal simulator’s clock\), so that bundle cannot import them any more: fetch new import parameters for them \(step “Fetch the import parameters”\)/,
    );
    expect(lines).not.toContain('Import again');
    expect(lines).not.toContain('a replica group with such a key is not complete');
    expect(keyStatusLines(translator('zh-CN'), status, 2).join('\n')).toContain('过期（按演练模拟器的时钟）');
  }, 120_000);
});
