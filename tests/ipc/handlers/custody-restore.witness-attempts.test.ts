/**
 * A custody restore whose witnesses cannot confirm the fresh bundle's digest stops, as `keyferry
 * custody restore` stops at the third wrong value (every refusal journaled, then `ceremony.abandoned`
 * with the problem as cause): a review found the app's restore went on after it, the right value
 * refused and nothing journaled. No step of it runs any more (refused in main, before a share file is
 * read); the session view says it stopped, why and what the stop did, with the confirmations as they
 * stood; the next network check starts a new restore in the same journal. A stop the journal cannot
 * take still stops it, and says so. Through the real router and handlers, on real folders.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CeremonyState } from '../../../src-main/ipc/contract';
import { listValue } from '../../../src-main/i18n/list';
import { english } from '../../../src-main/i18n/translate';
import { oneAesParamsBundle } from '../../helpers/aes-params-bundle';
import { call, journalEvents, value, type CeremonyFolder } from './airgap-session';
import { failTheStopEntry, offlineFolderPerTest, typeWrongDigests } from './witnesses-stop-steps';

const ceremonyFolder = offlineFolderPerTest('kf-ipc-restore-witness-attempts-');
const KEY_ID = '0a1b2c3d-0000-4000-8000-0000000000a1';
const JOURNAL = 'custody-restore-journal.jsonl';

/** Air-gapped mode, the setup with `witnesses`, the restore's network check and the fresh bundle read; its digest. */
async function restoreReadingBundle(
  { dir, media, ipc }: CeremonyFolder,
  witnesses: string[],
  ceremonyId: string,
): Promise<{ params: string; digest: string }> {
  const params = path.join(media, 'fresh-params');
  const digest = await oneAesParamsBundle(params, { ceremonyId, keyId: KEY_ID });
  await value(ipc, 'mode.choose', { mode: 'air-gapped' });
  await value(ipc, 'ceremony.setup', { title: 'Restore attempts', operator: 'Ana', witnesses, folder: dir });
  await value(ipc, 'restore.check-network');
  await value(ipc, 'restore.read-bundle', { folder: params });
  return { params, digest };
}

describe('restore.confirm-as-witness, wrong values', () => {
  it('stops the restore at a witness’s third wrong value, journaled as the command line journals it; nothing of it runs after', async () => {
    const folder = ceremonyFolder();
    const { dir, ipc } = folder;
    const { params, digest } = await restoreReadingBundle(folder, ['Ben', 'Chloé'], 'KF-20261207-a1a2a3');
    await value(ipc, 'restore.confirm-as-witness', { witness: 'Ben', typed: digest });
    const answers = await typeWrongDigests(folder, 'restore.confirm-as-witness', 'Chloé');
    expect(answers.map((a) => (a.ok ? 'ok' : a.problem.code))).toEqual([
      'WITNESS_DIGEST_MISMATCH',
      'WITNESS_DIGEST_MISMATCH',
      'WITNESS_ATTEMPTS_EXHAUSTED',
    ]);
    const last = answers[2];
    if (!last || last.ok) throw new Error('the third value was taken');
    // The app's way on: a new session from the screen, no command it cannot run, no quitting.
    expect(last.problem.nextStep).toContain('start this side again in a new session');
    expect(last.problem.nextStep).not.toMatch(/keyferry |close Keyferry|abandon it/);

    // Refused in main: the right value, the preflight, a share (its file is not even read), the rebuild.
    const share = path.join(folder.media, 'share-1.json');
    await writeFile(share, '{}');
    const refusals = [
      await call(ipc, 'restore.confirm-as-witness', { witness: 'Chloé', typed: digest }),
      await call(ipc, 'restore.preflight', { folder: folder.media, expiry: { kind: 'never' } }),
      await call(ipc, 'restore.present-share', { presentedBy: 'Dana', file: share }),
      await call(ipc, 'restore.rebuild'),
      await call(ipc, 'restore.read-bundle', { folder: params }),
    ];
    expect(refusals.map((a) => (a.ok ? 'ok' : a.problem.code))).toEqual(Array(5).fill('CEREMONY_STOPPED'));

    // The session view: stopped, why (in the app's words), what the stop did; the confirmations as they stood.
    const { restore } = await value<CeremonyState>(ipc, 'ceremony.state');
    expect(restore?.allowedSteps).toEqual([]);
    expect(restore?.stopped).toMatchObject({
      problem: { code: 'WITNESS_ATTEMPTS_EXHAUSTED', values: { witness: 'Chloé', attempts: 3, surface: 'app' } },
      report: { state: 'parameters-read', wipedKeys: 0, withdrawnBundle: null, deleteByHand: null },
      journaled: true,
    });
    expect(restore?.parameters?.confirmations[0]).toMatchObject({ confirmedBy: ['Ben'], pending: ['Chloé'] });

    // The journal read back: three refusals, then the stop with the problem as its cause, as `custody restore` writes it.
    const events = await journalEvents(path.join(dir, JOURNAL));
    expect(events.filter((e) => e.event === 'witness.refused').map((e) => e.actor)).toEqual([
      'Chloé',
      'Chloé',
      'Chloé',
    ]);
    const abandoned = events.filter((e) => e.event === 'ceremony.abandoned');
    expect(abandoned).toHaveLength(1);
    const values = { witness: 'Chloé', attempts: 3, artefact: 'bundle', count: 1, keys: listValue([KEY_ID]) };
    expect(abandoned[0]?.data).toEqual({
      code: 'WITNESS_ATTEMPTS_EXHAUSTED',
      values,
      reason: english.t('problem.WITNESS_ATTEMPTS_EXHAUSTED', values),
      state: 'parameters-read',
      wipedKeys: 0,
    });
    expect(events.at(-1)?.event).toBe('ceremony.abandoned');
    expect(events.some((e) => e.event.startsWith('share.'))).toBe(false);

    // The next network check starts a new restore in the same journal, every witness to type again.
    await value(ipc, 'restore.check-network');
    const again = await value<CeremonyState>(ipc, 'ceremony.state');
    expect(again.restore).toMatchObject({ state: 'network-checked', stopped: null });
    expect(again.restore?.allowedSteps).toContain('readParameters');
    await value(ipc, 'restore.read-bundle', { folder: params });
    await value(ipc, 'restore.confirm-as-witness', { witness: 'Ben', typed: digest });
    await value(ipc, 'restore.confirm-as-witness', { witness: 'Chloé', typed: digest });
    const after = await journalEvents(path.join(dir, JOURNAL));
    expect(after.filter((e) => e.event === 'ceremony.session-started')).toHaveLength(2);
    expect(after.filter((e) => e.event === 'witness.confirmed').map((e) => e.actor)).toEqual(['Ben', 'Ben', 'Chloé']);
  }, 60_000);

  it('a stop the journal cannot take still stops the restore and says so; the next restore closes it as unfinished', async () => {
    const folder = ceremonyFolder();
    const { params, digest } = await restoreReadingBundle(folder, ['Ben'], 'KF-20261207-a1a2a4');
    const journalWorksAgain = failTheStopEntry(folder.ipc.session.restore?.journal);
    const [, , exhausted] = await typeWrongDigests(folder, 'restore.confirm-as-witness', 'Ben');
    // The witnesses' problem is the answer, not the journal's failure; the session stopped all the same.
    expect(exhausted).toMatchObject({ ok: false, problem: { code: 'WITNESS_ATTEMPTS_EXHAUSTED' } });
    expect((await value<CeremonyState>(folder.ipc, 'ceremony.state')).restore).toMatchObject({
      allowedSteps: [],
      stopped: { journaled: false, report: { wipedKeys: 0, withdrawnBundle: null } },
    });
    journalWorksAgain();
    const journal = path.join(folder.dir, JOURNAL);
    expect((await journalEvents(journal)).map((e) => e.event)).not.toContain('ceremony.abandoned');
    // The way on works: a new restore on the journal, which closes the stopped one as ended without a stop.
    const check = await value(folder.ipc, 'restore.check-network');
    expect(check).toMatchObject({ earlierSession: { session: 1, withdrawnBundle: null } });
    await value(folder.ipc, 'restore.read-bundle', { folder: params });
    await value(folder.ipc, 'restore.confirm-as-witness', { witness: 'Ben', typed: digest });
    const events = (await journalEvents(journal)).map((e) => e.event);
    expect(events.slice(events.indexOf('ceremony.session-unfinished'))).toEqual([
      'ceremony.session-unfinished',
      'ceremony.session-closed',
      'ceremony.session-started',
      'network.checked',
      'parameters.read',
      'witness.confirmed',
    ]);
  });
});
