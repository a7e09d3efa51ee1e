/**
 * The import's material expiry typed on the online screen, through the real router and handlers
 * (online.resolve-expiry): main reads it with the parser `online import --expires` uses, so the
 * same forms are taken (never, a duration from now, a date-time with its zone, resolved to the
 * absolute time the screen shows) and a mistyped or past one is refused with the CLI's words, in
 * English and Chinese. An import stopped part way takes no duration, as `online import` takes none
 * then: counted from now it would give the keys still to import another expiry than those imported.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { momentText } from '../../../src-main/i18n/moment';
import { translator } from '../../../src-main/i18n/translate';
import { problemSchema } from '../../../src-main/ipc/contract';
import { createRecordedIpc, type RecordedIpc } from '../../ui/ipc-recorder';
import {
  airGapConfirmed,
  call,
  ceremonyFolder,
  journalEvents,
  value,
  wrapAndCheck,
  type CeremonyFolder,
} from './airgap-session';
import { networkGoesAfterFirstImport } from '../../helpers/network-goes';

const opened: RecordedIpc[] = [];
const folders: string[] = [];
const ceremonies: CeremonyFolder[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((ipc) => ipc.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
  await Promise.all(ceremonies.splice(0).map((c) => c.close()));
});

/** A rehearsal set up by Ana with witness Ben. */
async function rehearsal() {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'keyferry-import-expiry-'));
  folders.push(folder);
  const ipc = createRecordedIpc({ rehearsalRoot: folder });
  opened.push(ipc);
  await value(ipc, 'mode.choose', { mode: 'rehearsal' });
  await value(ipc, 'ceremony.setup', { title: 'Payments keys 2026', operator: 'Ana', witnesses: ['Ben'], folder });
  return ipc;
}

describe('the import expiry typed in the app', () => {
  it('takes the forms --expires takes, resolved to an absolute time', async () => {
    const ipc = await rehearsal();
    const resolve = (text: string) => value<{ kind: string; at?: string }>(ipc, 'online.resolve-expiry', { text });
    expect(await resolve('2031-03-01T09:30:00+08:00')).toEqual({ kind: 'at', at: '2031-03-01T01:30:00.000Z' });
    expect(await resolve(' never ')).toEqual({ kind: 'never' });
    const before = Date.now();
    const at = Date.parse(String((await resolve('1d12h')).at));
    expect(at - before).toBeGreaterThanOrEqual(36 * 3_600_000);
    expect(at - Date.now()).toBeLessThanOrEqual(36 * 3_600_000);
  });

  it('refuses a mistyped or past one with the words the CLI prints', async () => {
    const ipc = await rehearsal();
    const refused = await call(ipc, 'online.resolve-expiry', { text: 'soon' });
    if (refused.ok) throw new Error('"soon" was taken as a material expiry');
    const problem = problemSchema.parse(refused.problem);
    expect(problem.code).toBe('EXPIRY_INVALID');
    expect(translator('en').problem(problem)).toEqual({
      message: '--expires "soon" is not "never", a duration or a date-time with its zone.',
      nextStep:
        'Give "never", a duration from now such as 90d, 36h or 1d12h (whole days, hours, minutes, seconds: d, h, m, s), or a date-time with its zone such as 2030-01-31T00:00:00Z.',
    });
    expect(translator('zh-CN').problem(problem).message).toBe(
      '--expires “soon” 既不是 “never”，也不是时长或带时区的日期时间。',
    );
    const past = await call(ipc, 'online.resolve-expiry', { text: '2020-01-31T00:00:00Z' });
    if (past.ok) throw new Error('a past material expiry was taken');
    expect(past.problem.code).toBe('EXPIRY_IN_PAST');
    // A date without its zone is not a moment: refused as the CLI refuses it.
    const zoneless = await call(ipc, 'online.resolve-expiry', { text: '2031-03-01T09:30:00' });
    expect(zoneless.ok ? null : zoneless.problem.code).toBe('EXPIRY_INVALID');
  });

  it('an import stopped part way: a duration is refused, naming the moment the imported key took', async () => {
    const folder = await ceremonyFolder('kf-ipc-import-expiry-resumed-');
    ceremonies.push(folder);
    const { ipc, dir, media } = folder;
    await airGapConfirmed(ipc, dir, ['AES_256', 'AES_256']);
    await value(ipc, 'airgap.preflight', { folder: media, expiry: { kind: 'never' }, acknowledgeNoBackup: true });
    await value(ipc, 'airgap.generate');
    await wrapAndCheck(ipc);
    const resolve = (text: string) => call(ipc, 'online.resolve-expiry', { text });
    // Before any import a duration is what it says: counted from now.
    expect((await resolve('30d')).ok).toBe(true);
    const sim = ipc.simulator();
    if (!sim) throw new Error('the rehearsal simulator is not running');
    networkGoesAfterFirstImport(sim);
    const held = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString();
    expect((await call(ipc, 'online.import', { expiry: { kind: 'at', at: held } })).ok).toBe(false);
    sim.faults.clear();

    const refused = await resolve(' 30d ');
    if (refused.ok) throw new Error('a duration was taken for an import that goes on');
    const problem = problemSchema.parse(refused.problem);
    expect(problem.code).toBe('EXPIRY_DURATION_RESUMED');
    const en = translator('en').problem(problem);
    // The second key's import went out and its answer never came: the next import sends it again
    // unless the KMS took it, so a duration would reach it too.
    expect(en.message).toBe(
      `The typed expiry "30d" is counted from now, so the keys still to import would get another expiry than the 2 keys of this bundle already sent their imports: 1 imported, which expires at ${momentText('en', held)}, and 1 whose outcome is not on record here, which the next import sends again unless the KMS took it. An import that goes on takes never or a date-time, not a duration. Nothing was sent to the KMS.`,
    );
    expect(en.nextStep).toBe(`To give them the same expiry, type ${held} and show the time it means again.`);
    expect(translator('zh-CN').problem(problem).nextStep).toBe(
      `若要让它们同时到期，请输入 ${held}，然后再次显示它所表示的时间。`,
    );
    // The moment it names is taken, and imports the key left with the same expiry.
    expect(await value(ipc, 'online.resolve-expiry', { text: held })).toEqual({ kind: 'at', at: held });
    await value(ipc, 'online.import', { expiry: { kind: 'at', at: held } });
    const imported = (await journalEvents(path.join(dir, 'online-journal.jsonl'))).filter(
      (e) => e.event === 'key.imported',
    );
    expect(imported.map((e) => e.data.expiresAt)).toEqual([held, held]);
  }, 120_000);
});
