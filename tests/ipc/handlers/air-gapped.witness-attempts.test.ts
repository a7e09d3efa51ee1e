/**
 * The app's witnesses get as many tries as the command line's (WITNESS_ATTEMPTS): a review found the
 * app's confirmation step took wrong values without end, where repeated misses mean the bundle or
 * the value read aloud is not the one the online side wrote. The third wrong value of one witness
 * stops the session, as `keyferry airgap wrap` does (every refusal journaled, then the stop with its
 * problem); the right value is refused after it, and no step of it runs, the preflight neither; the
 * session view says it stopped, why and what it withdrew; the next network check starts a new
 * session. Through the real router and handlers, on real folders.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CeremonyState } from '../../../src-main/ipc/contract';
import { oneAesParamsBundle } from '../../helpers/aes-params-bundle';
import { call, journalEvents, value } from './airgap-session';
import { failTheStopEntry, offlineFolderPerTest, typeWrongDigests } from './witnesses-stop-steps';

const ceremonyFolder = offlineFolderPerTest('kf-ipc-witness-attempts-');

describe('airgap.confirm-as-witness, wrong values', () => {
  it('stops the confirmations at a witness’s third wrong value; the right one is then refused too, and nothing is made', async () => {
    const { dir, ipc } = ceremonyFolder();
    const params = path.join(dir, 'usb', 'params');
    await mkdir(path.dirname(params));
    const digest = await oneAesParamsBundle(params, {
      ceremonyId: 'KF-20261207-d4d5d6',
      keyId: '0a1b2c3d-0000-4000-8000-00000000000d',
    });
    await value(ipc, 'mode.choose', { mode: 'air-gapped' });
    await value(ipc, 'ceremony.setup', {
      title: 'Attempts',
      operator: 'Ana',
      witnesses: ['Ben', 'Chloé'],
      folder: dir,
    });
    await value(ipc, 'airgap.check-network');
    await value(ipc, 'airgap.read-bundle', { folder: params });
    await value(ipc, 'airgap.confirm-as-witness', { witness: 'Ben', typed: digest });

    const wrong = ['ab'.repeat(32), 'not a digest', 'cd'.repeat(32)];
    const answers = [];
    for (const typed of wrong) answers.push(await call(ipc, 'airgap.confirm-as-witness', { witness: 'Chloé', typed }));
    expect(answers.map((a) => (a.ok ? 'ok' : a.problem.code))).toEqual([
      'WITNESS_DIGEST_MISMATCH',
      expect.stringMatching(/^DIGEST_TYPED_/),
      'WITNESS_ATTEMPTS_EXHAUSTED',
    ]);
    const [, , last] = answers;
    if (!last || last.ok) return;
    expect(last.problem.message.replace(/\s+/g, ' ')).toContain(
      'Chloé typed 3 values that do not match the import-parameters bundle digest (it binds the wrapping keys and import tokens of 1 key); the ceremony stops here',
    );
    // The app's way on: its Journal screen, and a new session from the screen; no command it cannot run, no quitting.
    expect(last.problem.nextStep).toContain('start this side again in a new session');
    expect(last.problem.nextStep).not.toContain('keyferry ');
    expect(last.problem.nextStep).not.toContain('close Keyferry');

    // The session stopped: the right value, or another witness's, is not checked any more, and nothing runs.
    const right = await call(ipc, 'airgap.confirm-as-witness', { witness: 'Chloé', typed: digest });
    expect(right).toMatchObject({ ok: false, problem: { code: 'CEREMONY_STOPPED' } });
    expect(await call(ipc, 'airgap.preflight', { folder: path.dirname(params) })).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_STOPPED' },
    });
    expect(await call(ipc, 'airgap.generate')).toMatchObject({ ok: false });
    const { airGap } = await value<CeremonyState>(ipc, 'ceremony.state');
    expect(airGap?.allowedSteps).toEqual([]);
    expect(airGap?.stopped).toMatchObject({
      problem: { code: 'WITNESS_ATTEMPTS_EXHAUSTED', values: { witness: 'Chloé', surface: 'app' } },
      report: { state: 'parameters-read', wipedKeys: 0, withdrawnBundle: null, deleteByHand: null },
    });
    // Who had confirmed when it stopped, still shown.
    expect(airGap?.overview?.confirmations[0]).toMatchObject({ confirmedBy: ['Ben'], pending: ['Chloé'] });
    const events = await journalEvents(path.join(dir, 'air-gapped-journal.jsonl'));
    expect(events.filter((e) => e.event === 'witness.refused').map((e) => e.actor)).toEqual([
      'Chloé',
      'Chloé',
      'Chloé',
    ]);
    expect(events.filter((e) => e.event === 'witness.confirmed').map((e) => e.actor)).toEqual(['Ben']);
    expect(events.some((e) => e.event.startsWith('material.'))).toBe(false);
    expect(events.filter((e) => e.event === 'ceremony.abandoned').map((e) => e.data.code)).toEqual([
      'WITNESS_ATTEMPTS_EXHAUSTED',
    ]);

    // The next network check starts a new session in the same journal, with every step open again.
    await value(ipc, 'airgap.check-network');
    const again = await value<CeremonyState>(ipc, 'ceremony.state');
    expect(again.airGap).toMatchObject({ state: 'network-checked', stopped: null });
    expect(again.airGap?.allowedSteps).toContain('readParameters');
  }, 60_000);

  it('a stop the journal cannot take (its medium failed) still stops the session, says so, and lets a new one start', async () => {
    const folder = ceremonyFolder();
    const { dir, ipc } = folder;
    const params = path.join(dir, 'usb', 'params');
    await mkdir(path.dirname(params));
    const digest = await oneAesParamsBundle(params, {
      ceremonyId: 'KF-20261207-d4d5d7',
      keyId: '0a1b2c3d-0000-4000-8000-00000000000e',
    });
    await value(ipc, 'mode.choose', { mode: 'air-gapped' });
    await value(ipc, 'ceremony.setup', { title: 'Attempts', operator: 'Ana', witnesses: ['Ben'], folder: dir });
    await value(ipc, 'airgap.check-network');
    await value(ipc, 'airgap.read-bundle', { folder: params });
    const journalWorksAgain = failTheStopEntry(ipc.session.airGap?.journal);
    const answers = await typeWrongDigests(folder, 'airgap.confirm-as-witness', 'Ben');
    // The witnesses' problem is the answer, not the journal's failure.
    expect(answers.at(-1)).toMatchObject({ ok: false, problem: { code: 'WITNESS_ATTEMPTS_EXHAUSTED' } });
    const { airGap } = await value<CeremonyState>(ipc, 'ceremony.state');
    expect(airGap?.allowedSteps).toEqual([]);
    expect(airGap?.stopped).toMatchObject({ journaled: false, report: { wipedKeys: 0, withdrawnBundle: null } });
    journalWorksAgain();
    // The way on works: a new session, whose witness confirms.
    await value(ipc, 'airgap.check-network');
    await value(ipc, 'airgap.read-bundle', { folder: params });
    await value(ipc, 'airgap.confirm-as-witness', { witness: 'Ben', typed: digest });
  });
});
