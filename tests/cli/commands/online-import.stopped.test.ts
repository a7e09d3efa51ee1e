/**
 * `online import` stopped part way, as the trial met it: the KMS unreachable after some keys went
 * through, a refusal of one key, Ctrl-C while a key's import is on its way. The progress lines name
 * only the keys that finished or failed; the officer must be told, at once and by name, which keys
 * hold their material, which were sent an import with no answer recorded, which are still to
 * import, and (when running it again is what finishes the ceremony) the exact command, which then
 * finishes it. Two folders as two machines, a real simulator over HTTP; the stop in a real process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyState } from '../../../src-main/core/kms/types';
import { onlineAt } from '../../helpers/cli-sides';
import { keyferry } from '../../integration/cli-in-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { runStoppedWhen } from '../../integration/cli-process';
import { runAgainCommand } from './run-again-command';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';
import { networkGoesAfterFirstImport } from '../../helpers/network-goes';

let dir: string;
let kms: SimSetup;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-import-stopped-'));
  kms = await startSimWithClient({ regions: [{ region: 'cn-east-3' }, { region: 'ap-southeast-1' }] });
});
afterEach(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

const entriesOf = journalFileEntries;

/** Three AES keys wrapped, imported one at a time; their key ids in the order created. */
async function wrappedCeremony() {
  const ceremony = await wrappedCliCeremony(
    path.join(dir, 'ceremony'),
    kms.sim,
    ['one', 'two', 'three'].map((alias) => ({ alias: `app/${alias}`, spec: 'AES_256' })),
  );
  const keyIds = (await entriesOf(ceremony.journal))
    .filter((e) => e.event === 'key.created')
    .map((e) => e.data.keyId as string);
  expect(keyIds).toHaveLength(3);
  return { ...ceremony, importCommand: [...ceremony.importCommand, '--concurrency', '1'], keyIds };
}

/** The keys the journal records imported, in order. */
const importedIn = async (journal: string) =>
  (await entriesOf(journal)).filter((e) => e.event === 'key.imported').map((e) => e.data.keyId as string);

describe('online import stopped part way', () => {
  it('the KMS unreachable after the first key: names what holds its material and what not, and the command that finishes it', async () => {
    const { online, env, journal, importCommand, keyIds } = await wrappedCeremony();
    networkGoesAfterFirstImport(kms.sim);
    const stopped = await keyferry(importCommand, { cwd: online, env });
    expect(stopped.code).not.toBe(0);
    const imported = await importedIn(journal);
    expect(imported).toHaveLength(1);
    const first = imported[0] as string;
    const rest = keyIds.filter((id) => id !== first);
    const summary = stopped.stdout.split('\n').find((l) => l.startsWith('The import stopped part way'));
    expect(summary).toBeDefined();
    expect(summary).toContain('1 of 3 keys holds its material (imported and journaled).');
    expect(summary).toMatch(/ 2 keys are not imported yet \(Pending import\): app\/\w+ \(/);
    for (const id of rest) expect(summary).toContain(id);
    expect(summary).not.toContain(first);
    expect(summary).toContain('The ceremony is not finished.');
    expect(stopped.stdout).toContain('Once the KMS answers again, run the same import');
    // The line comes before the error, which names the cause.
    expect(stopped.stderr).toContain('connection');

    // The network is back: the printed command, as printed, finishes the ceremony, sending nothing twice.
    kms.sim.faults.clear();
    const taken = kms.requests.filter((r) => r.action === 'import-key-material' && r.status === 200).length;
    const again = runAgainCommand(stopped.stdout);
    expect(again).toContain('--expect-digest');
    const finished = await keyferry(again, { cwd: online, env });
    expect(finished.stderr).toBe('');
    expect(finished.code).toBe(0);
    expect((await importedIn(journal)).sort()).toEqual([...keyIds].sort());
    expect(kms.requests.filter((r) => r.action === 'import-key-material' && r.status === 200).length).toBe(taken + 2);
  }, 120_000);

  it('a refusal of one key after another went through: the same summary, and no advice to run it again', async () => {
    const { online, env, journal, importCommand } = await wrappedCeremony();
    kms.sim.faults.failWith('import-key-material', 400, 'before', 1, 1);
    const refused = await keyferry(importCommand, { cwd: online, env });
    expect(refused.code).not.toBe(0);
    expect(await importedIn(journal)).toHaveLength(1);
    expect(refused.stdout).toContain('The import stopped part way: 1 of 3 keys holds its material');
    // The refused key was sent: the journal keeps it as an import not recorded as taken, which the next run looks at first.
    expect(refused.stdout).toContain('1 key was sent an import that is not recorded as taken');
    expect(refused.stdout).toContain('1 key is not imported yet');
    // The KMS refused the request itself: running the same import unchanged is not the answer; the refusal's own advice follows.
    expect(refused.stdout).not.toContain('run the same import');
  }, 120_000);

  it('a refusal before any import was sent: no summary (the refusal says it all)', async () => {
    const { online, env, importCommand } = await wrappedCeremony();
    // The import's first look at the key (describe-key) is refused: nothing was sent, nothing changed.
    kms.sim.faults.failWith('describe-key', 400, 'before', 1, 0);
    const refused = await keyferry(importCommand, { cwd: online, env });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toMatch(/NOT done: Importing AES_256 key app\/\w+ \(key /);
    expect(refused.stdout).not.toContain('stopped part way');
  }, 120_000);

  it('Ctrl-C while a key is on its way: the three kinds of key named before the stop line; the same import finishes', async () => {
    const { online, env, journal, importCommand, keyIds } = await wrappedCeremony();
    // The first import goes through; the second reaches the KMS and its answer is held back.
    kms.sim.faults.rewriteAnswer('import-key-material', (body) => {
      kms.sim.faults.delayAnswer('import-key-material', 20_000);
      return body;
    });
    // Once the second import is journaled as sent AND has taken effect in the KMS (its answer held
    // back): a stop between the journal entry and the request would leave nothing to reconcile.
    const run = await runStoppedWhen(importCommand, { cwd: online, env }, async () => {
      const sending = (await entriesOf(journal)).filter((e) => e.event === 'key.import-sending');
      const second = sending[1]?.data.keyId;
      return typeof second === 'string' && (await kms.client.describeKey(second)).state === KeyState.Enabled;
    });
    expect(run.stopped).toBe(true);
    expect(run.code).toBe(130);
    const entries = await entriesOf(journal);
    const [first, second] = entries.filter((e) => e.event === 'key.import-sending').map((e) => e.data.keyId as string);
    const third = keyIds.find((id) => id !== first && id !== second) as string;
    expect(await importedIn(journal)).toEqual([first]);
    // Ctrl-C is the operator's act at the terminal: journaled as theirs, as the session they started, not "system".
    const ownStart = entries.findLast((e) => e.event === 'ceremony.session-started');
    const stop = entries.find((e) => e.event === 'ceremony.interrupted');
    expect(stop?.actor).not.toBe('system');
    expect(stop?.actor).toBe(ownStart?.actor);
    const lines = run.stderr.split('\n');
    const summaryAt = lines.findIndex((l) => l.startsWith('The import stopped part way'));
    const stopAt = lines.findIndex((l) => l.startsWith('Stopped by Ctrl-C (SIGINT)'));
    expect(summaryAt).toBeGreaterThanOrEqual(0);
    expect(stopAt).toBeGreaterThan(summaryAt);
    const summary = lines[summaryAt] as string;
    expect(summary).toContain('1 of 3 keys holds its material');
    expect(summary).toMatch(
      new RegExp(`1 key was sent an import that is not recorded as taken: app/\\w+ \\(${second}\\)`),
    );
    expect(summary).toMatch(new RegExp(`1 key is not imported yet \\(Pending import\\): app/\\w+ \\(${third}\\)`));
    expect(lines[summaryAt + 1]).toContain('To finish it, run the same import');
    // The bundle named on the media, as every Next line names it, never by this workstation's path.
    expect(lines[summaryAt + 1]).toMatch(/ --bundle MEDIA\/wrapped-material-\S+ --expect-digest /);
    const bundle = path.resolve(online, importCommand[importCommand.indexOf('--bundle') + 1] as string);
    expect(lines[summaryAt + 1]).not.toContain(bundle);
    expect(lines[summaryAt + 2]).toBe(
      `MEDIA: the folder that holds the bundle (${path.dirname(bundle)} on this workstation), as the online workstation mounts it.`,
    );
    expect(run.stdout + run.stderr).not.toMatch(/Unexpected failure|report it/);

    // The held answer's import took effect: the printed command records it (reconciled), imports the third, and finishes.
    kms.sim.faults.clear();
    const finished = await keyferry(runAgainCommand(run.stderr), { cwd: online, env });
    expect(finished.stderr).toBe('');
    expect(finished.code).toBe(0);
    expect(finished.stdout).toContain(
      'the journal holds no answer to the import sent: the key’s state shows the import took effect',
    );
    // The stopped session's trace says how it ended, as its journal records it: stopped, not "a kill or a crash".
    const stopSeq = entries.find((e) => e.event === 'ceremony.interrupted')?.seq;
    expect(finished.stdout).toMatch(
      new RegExp(
        `Journal entry \\d+: session \\d+ of this journal \\(entries \\d+-${stopSeq}\\) sent an import to the KMS and was stopped before recording its answer: journal entry ${stopSeq} records the stop`,
      ),
    );
    expect(finished.stdout).not.toContain('the journal does not say which');
    expect((await importedIn(journal)).sort()).toEqual([...keyIds].sort());
  }, 120_000);
  it('stopped part way under --expires: the same import without it, or with never, is refused; the printed command gives every key one expiry', async () => {
    const { online, env, journal, importCommand } = await wrappedCeremony();
    networkGoesAfterFirstImport(kms.sim);
    const stopped = await keyferry([...importCommand, '--expires', '30d'], { cwd: online, env });
    expect(stopped.code).not.toBe(0);
    kms.sim.faults.clear();
    const held = (await entriesOf(journal)).find((e) => e.event === 'key.imported')?.data.expiresAt as string;
    expect(Date.parse(held)).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    const sends = () => kms.requests.filter((r) => r.action === 'import-key-material').length;
    const taken = sends();
    const chosen = async () => (await entriesOf(journal)).filter((e) => e.event === 'import.expiry-chosen').length;
    const chosenBefore = await chosen();

    // Status names the --expires the stopped run was given, exactly, as its journal records it (both languages).
    const status = (lang: string) =>
      keyferry(['--lang', lang, 'online', 'status', ...onlineAt(kms.sim).args], { cwd: online, env });
    expect((await status('en')).stdout).toContain(
      `and --expires ${held} (the exact expiry the first run gave, as the journal records it; not a duration such as 30d, which would be counted again): it imports only what is missing`,
    );
    expect((await status('zh-CN')).stdout).toContain(
      `，以及 --expires ${held}（即日志所记录的第一次运行给出的确切到期时间`,
    );

    // Without --expires the two keys left would take the bundle's request (never): refused, nothing sent.
    const without = await keyferry(importCommand, { cwd: online, env });
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('The AES key of this wrapped-material bundle imported already expires at');
    expect(without.stderr).toContain('but 2 keys still to import (the first: ');
    expect(without.stderr).toContain(`Run the import again with --expires ${held} (in the app: type that expiry).`);
    const refusal = (await entriesOf(journal)).at(-1);
    expect([refusal?.event, refusal?.data.code]).toEqual(['step.failed', 'EXPIRY_SPLITS_IMPORT']);
    const never = await keyferry([...importCommand, '--expires', 'never'], { cwd: online, env });
    expect(never.code).toBe(1);
    expect(never.stderr).toContain('would get no expiry (never), given to this import.');
    expect(sends()).toBe(taken);
    // A refused choice is not journaled as chosen: the receipt lists only expiries that were sent.
    expect(await chosen()).toBe(chosenBefore);

    // The command the stopped run printed (its --expires the moment, not 30d) finishes it: one expiry.
    const finished = await keyferry(runAgainCommand(stopped.stdout), { cwd: online, env });
    expect(finished.stderr).toBe('');
    expect(finished.code).toBe(0);
    const expiries = (await entriesOf(journal)).filter((e) => e.event === 'key.imported').map((e) => e.data.expiresAt);
    expect(expiries).toEqual([held, held, held]);
  }, 120_000);

  it('a replica group stopped part way under --expires: the printed command keeps its expiry; a run without it is refused', async () => {
    const replicas = kms.sim.regions.slice(1).map((r) => ({ region: r.region, projectId: r.projectId }));
    const ceremony = await wrappedCliCeremony(path.join(dir, 'group'), kms.sim, [
      { alias: 'app/group', spec: 'AES_256', replicas },
    ]);
    const { online, env, journal } = ceremony;
    const importCommand = [...ceremony.importCommand, '--concurrency', '1', '--expires', '30d'];
    // The primary goes in first; then the network goes.
    networkGoesAfterFirstImport(kms.sim);
    const stopped = await keyferry(importCommand, { cwd: online, env });
    expect(stopped.code).not.toBe(0);
    kms.sim.faults.clear();
    const imported = (await entriesOf(journal)).filter((e) => e.event === 'key.imported');
    expect(imported).toHaveLength(1);
    const held = imported[0]?.data.expiresAt as string;
    expect(Date.parse(held)).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    // The replicas share their primary's alias: each is named with its region.
    for (const { region } of replicas)
      expect(stopped.stdout).toMatch(new RegExp(`app/group \\([0-9a-f-]{36}, the replica in ${region}\\)`));
    const again = runAgainCommand(stopped.stdout);
    expect(again.slice(again.indexOf('--expires'), again.indexOf('--expires') + 2)).toEqual(['--expires', held]);

    // The same import without --expires would give the replicas the bundle's expiry (never): refused, nothing sent.
    const taken = kms.requests.filter((r) => r.action === 'import-key-material').length;
    const without = await keyferry(ceremony.importCommand, { cwd: online, env });
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('of the replica group app/group would get the material expiry never, which');
    expect(without.stderr).toContain(
      'which its wrapped-material bundle requests (chosen on the air-gapped workstation), but key',
    );
    expect(without.stderr).toContain(
      `Run the import again with the expiry the group holds: keyferry online import with --expires ${held} (in the app: type that expiry). It applies to every AES key of the import; here all of them are of this group.`,
    );
    expect(kms.requests.filter((r) => r.action === 'import-key-material').length).toBe(taken);
    const refusal = (await entriesOf(journal)).at(-1);
    expect([refusal?.event, refusal?.data.code]).toEqual(['step.failed', 'REPLICA_GROUP_EXPIRY_DIFFERS']);

    // The same 30d again (a trial's): counted from now, it would be later than the primary's; refused, naming the held one.
    const counted = await keyferry(importCommand, { cwd: online, env });
    expect(counted.code).toBe(1);
    expect(counted.stderr).toContain(
      'keyferry online import: --expires 30d is counted from now, so the keys still to import would get another expiry than the key of this bundle already sent its import, which expires at',
    );
    expect(counted.stderr).toContain(`To give them the same expiry, run the import again with --expires ${held}.`);
    expect(kms.requests.filter((r) => r.action === 'import-key-material').length).toBe(taken);

    // The printed command finishes it: one material, one expiry in every region.
    const finished = await keyferry(again, { cwd: online, env });
    expect(finished.stderr).toBe('');
    expect(finished.code).toBe(0);
    const expiries = (await entriesOf(journal)).filter((e) => e.event === 'key.imported').map((e) => e.data.expiresAt);
    expect(expiries).toEqual([held, held, held]);
  }, 120_000);
});
