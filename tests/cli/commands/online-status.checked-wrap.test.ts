/**
 * `online status` before any import, after a wrapped bundle was checked here, as a trial met it:
 * - an OLD wrapped bundle given to `online import` again after newer parameters were written and
 *   wrapped, whose tokens the KMS refused as expired before: the status named that old bundle and sent
 *   the officer to fetch fresh parameters again (a third material); the import now refuses it at the
 *   check, nothing sent, naming the parameters written since, and the status names the next step of
 *   the bundle written last (its wrap, or the import of its wrap checked already);
 * - the import of a checked bundle stopped before any key took its material (the KMS unreachable):
 *   the status sent the officer back to the air-gapped side to wrap; it now says that import is
 *   unfinished and prints the import that resumes it (which checks the bundle again first);
 * - then parameters for each key alone (the bundle plan, bundle-plan.ts): the second round warned
 *   "import that wrap" beside "keep params-2 for the first key"; both keys take that wrap, the later
 *   bundles are destroyed, online params says not to wrap its own, and the status says that import.
 * Two folders as two machines, the real CLI against the simulator over 127.0.0.1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { onlineAt } from '../../helpers/cli-sides';
import { journalFileEntries } from '../../helpers/journal-entries';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { airgapConfirmations } from './witness-args';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';
import { networkGoesAfterFirstImport } from '../../helpers/network-goes';

let dir: string;
let kms: SimSetup;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-status-checked-wrap-'));
  kms = await startSimWithClient();
});
afterEach(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

const DAY = 24 * 3600_000;

/** The import stops before any key takes its material: the KMS unreachable for the import's first look at a key. */
function kmsGoneBeforeFirstImport(): void {
  kms.sim.faults.dropConnection('describe-key', 'before', 1000);
}

/** `words` (an import as printed) with its --expect-digest DIGEST placeholder given `digest`. */
function withDigest(words: readonly string[], digest: string): string[] {
  return words.map((w) => (w === 'DIGEST' ? digest : w));
}

/** The import command a status line gives ("…: keyferry online import … --expect-digest DIGEST"). */
function importIn(line: string): string[] {
  return nextCommand(`Next: ${line.slice(line.lastIndexOf('keyferry online import'))}`);
}

/**
 * One AES key wrapped from its first parameters, whose import the KMS refused for expired tokens
 * (its clock a day on); fresh parameters written and wrapped on the air-gapped side: the ceremony,
 * the second wrap's import command and the folders of both wraps.
 */
async function newerWrapAfterTokensLapsed() {
  const c = await wrappedCliCeremony(path.join(dir, 'ceremony'), kms.sim, [{ alias: 'app/one', spec: 'AES_256' }]);
  const { args } = onlineAt(kms.sim);
  const on = (words: string[]) => keyferry([...words, ...args], { cwd: c.online, env: c.env });
  kms.sim.clock.advance(DAY + 3600_000);
  const lapsed = await keyferry(c.importCommand, { cwd: c.online, env: c.env });
  expect(lapsed.code).toBe(1);
  expect(lapsed.stderr).toContain('The import token has expired');
  const params = await on(['online', 'params', '--out', 'params-2']);
  expect(params.code).toBe(0);
  const wrap = await keyferry(
    [...nextCommand(onPrintedMedia(params.stdout)), ...airgapConfirmations(params.stdout, ['Ben']), '--allow-network'],
    { cwd: c.airgap, env: {} },
  );
  expect(wrap.stderr).toBe('');
  expect(wrap.code).toBe(0);
  const oldFolder = path.resolve(c.online, c.importCommand[c.importCommand.indexOf('--bundle') + 1] as string);
  const newImport = nextCommand(onPrintedMedia(wrap.stdout));
  const newFolder = path.resolve(c.online, newImport[newImport.indexOf('--bundle') + 1] as string);
  return { c, on, newImport, oldFolder, newFolder, params2: path.join(c.online, 'params-2') };
}

describe('online status after an old wrapped bundle was given again and refused', () => {
  it('puts the old bundle aside and names the wrap of the bundle written last, not fresh parameters', async () => {
    const { c, on, newImport, oldFolder, params2 } = await newerWrapAfterTokensLapsed();
    // The old bundle given again: the KMS refused its tokens as expired before, so it is refused at the
    // check, nothing sent, and the way on is the wrap of the parameters written since (not fresh ones).
    const sending = async () =>
      (await journalFileEntries(c.journal)).filter((e) => e.event === 'key.import-sending').length;
    const sentBefore = await sending();
    const replay = await keyferry(c.importCommand, { cwd: c.online, env: c.env });
    expect(replay.code).toBe(1);
    expect(await sending()).toBe(sentBefore);
    const refused = replay.stderr.replace(/\s+/g, ' ');
    expect(refused).toContain('The KMS refused the import tokens of this wrapped-material bundle as expired (KMS.2601');
    expect(refused).toContain(`Import the bundle wrapped from the import-parameters bundle written since (${params2})`);
    expect(refused).not.toContain('keyferry online params');

    const status = await on(['online', 'status']);
    expect(status.code).toBe(3);
    expect(status.stdout).toContain(`on the air-gapped workstation: wrap with the import-parameters bundle ${params2}`);
    // Not the old bundle's refusal as the next step: the fresh parameters it would send the officer to fetch again.
    expect(status.stdout).not.toContain('Next, fresh wrapping keys and import tokens');
    expect(status.stdout).not.toContain(`The import of the wrapped-material bundle ${oldFolder} was refused`);

    // The step named is the right one: the newer wrap imports.
    const imported = await keyferry(newImport, { cwd: c.online, env: c.env });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  }, 120_000);

  it('names the unfinished import of the newer wrap checked before the old one was given again', async () => {
    const { c, on, newImport, newFolder } = await newerWrapAfterTokensLapsed();
    kmsGoneBeforeFirstImport();
    const stopped = await keyferry(newImport, { cwd: c.online, env: c.env });
    expect(stopped.code).not.toBe(0);
    kms.sim.faults.clear();
    const replay = await keyferry(c.importCommand, { cwd: c.online, env: c.env });
    expect(replay.code).toBe(1);
    expect(replay.stderr).toContain(`import-parameters bundle written since`);

    const status = await on(['online', 'status']);
    expect(status.code).toBe(3);
    const line = status.stdout.split('\n').find((l) => l.startsWith(`The wrapped-material bundle ${newFolder}, made`));
    expect(line, status.stdout).toBeDefined();
    expect(line).toContain('but its import did not finish: no key holds its material yet');
    expect(status.stdout).not.toContain('Next, fresh wrapping keys and import tokens');
    const digest = newImport[newImport.indexOf('--expect-digest') + 1] as string;
    const resumed = await keyferry(withDigest(importIn(line as string), digest), { cwd: c.online, env: c.env });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
  }, 120_000);
});

describe('online status after an import stopped part way, fresh parameters written and an old bundle given again', () => {
  it('names the wrap of the fresh parameters for the key not reached, before and after the old bundle came back', async () => {
    const c = await wrappedCliCeremony(path.join(dir, 'ceremony'), kms.sim, [
      { alias: 'app/one', spec: 'AES_256' },
      { alias: 'app/two', spec: 'AES_256' },
    ]);
    const { args } = onlineAt(kms.sim);
    const on = (words: string[]) => keyferry([...words, ...args], { cwd: c.online, env: c.env });
    const importCommand = [...c.importCommand, '--concurrency', '1'];
    networkGoesAfterFirstImport(kms.sim);
    expect((await keyferry(importCommand, { cwd: c.online, env: c.env })).code).not.toBe(0);
    kms.sim.faults.clear();
    // A day on by the KMS's clock: the same import is refused for the key not reached; fresh parameters for it, wrapped.
    kms.sim.clock.advance(DAY + 3600_000);
    const lapsed = await keyferry(importCommand, { cwd: c.online, env: c.env });
    expect(lapsed.code).toBe(1);
    expect(lapsed.stderr).toContain('The import token has expired');
    // The key imported is proven first (its proof was cut off with the network), as status says.
    expect((await on(['online', 'status'])).stdout).toContain('fetch new import parameters for it');
    const params = await on(['online', 'params', '--out', 'params-2']);
    expect(params.code).toBe(0);
    const wrap = await keyferry(
      [
        ...nextCommand(onPrintedMedia(params.stdout)),
        ...airgapConfirmations(params.stdout, ['Ben']),
        '--allow-network',
      ],
      { cwd: c.airgap, env: {} },
    );
    expect(wrap.code).toBe(0);
    const wrapLine = `Fresh import parameters for it were written since that import, to ${path.join(c.online, 'params-2')} (journal entry`;

    const before = await on(['online', 'status']);
    expect(before.code).toBe(3);
    expect(before.stdout).toContain(wrapLine);
    expect(before.stdout).not.toContain('fetch new import parameters for it');

    // The old bundle given again: refused at the check (the KMS refused its tokens before); the same step next.
    const replay = await keyferry(importCommand, { cwd: c.online, env: c.env });
    expect(replay.code).toBe(1);
    expect(replay.stderr).toContain('The KMS refused the import tokens of this wrapped-material bundle as expired');
    const after = await on(['online', 'status']);
    expect(after.code).toBe(3);
    expect(after.stdout).toContain(wrapLine);
    expect(after.stdout).not.toContain('fetch new import parameters for it');

    const finished = await keyferry(nextCommand(onPrintedMedia(wrap.stdout)), { cwd: c.online, env: c.env });
    expect(finished.stderr).toBe('');
    expect(finished.code).toBe(0);
  }, 120_000);
});

describe('online status after the import of a checked bundle stopped before any key took its material', () => {
  it('says that import is unfinished and prints the import that resumes it, not a wrap again', async () => {
    const c = await wrappedCliCeremony(path.join(dir, 'ceremony'), kms.sim, [
      { alias: 'app/one', spec: 'AES_256' },
      { alias: 'app/two', spec: 'AES_256' },
    ]);
    kmsGoneBeforeFirstImport();
    const stopped = await keyferry(c.importCommand, { cwd: c.online, env: c.env });
    expect(stopped.code).not.toBe(0);
    const entries = await journalFileEntries(c.journal);
    const check = entries.find((e) => e.event === 'wrapped-bundle.checked');
    expect(check).toBeDefined();
    expect(entries.filter((e) => e.event === 'key.imported' || e.event === 'key.import-sending')).toEqual([]);
    kms.sim.faults.clear();

    const { args } = onlineAt(kms.sim);
    const status = await keyferry(['online', 'status', ...args], { cwd: c.online, env: c.env });
    expect(status.code).toBe(3);
    const folder = check?.data.folder as string;
    const line = status.stdout.split('\n').find((l) => l.startsWith(`The wrapped-material bundle ${folder}, made`));
    expect(line, status.stdout).toBeDefined();
    expect(line).toContain(
      `made from the import-parameters bundle ${path.join(c.online, 'params')}, was checked at journal entry ${check?.seq}, but its import did not finish: no key holds its material yet`,
    );
    expect(line).toContain('That wrap stands, so the air-gapped side does not wrap again.');
    expect(line).toContain('a new run checks the bundle again before it imports');
    expect(line).toMatch(
      /Next, before its import tokens expire \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by the KMS’s clock\), run the import/,
    );
    expect(line).toMatch(/: keyferry online import --journal online\.jsonl --bundle \S+ --expect-digest DIGEST$/);
    // Not the air-gapped wrap of the bundle already wrapped and checked.
    expect(status.stdout).not.toContain('on the air-gapped workstation: wrap with the import-parameters bundle');

    // The command given, DIGEST typed from the air-gapped receipt, finishes the ceremony.
    const digest = c.importCommand[c.importCommand.indexOf('--expect-digest') + 1] as string;
    const resumed = await keyferry(withDigest(importIn(line as string), digest), { cwd: c.online, env: c.env });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect((await journalFileEntries(c.journal)).filter((e) => e.event === 'key.imported')).toHaveLength(2);
  }, 120_000);
});

describe('online status after a wrap of both keys was checked, then parameters for each key alone', () => {
  it('takes that wrap for both keys: the later bundles are destroyed, never wrapped, and the status says that import', async () => {
    const c = await wrappedCliCeremony(path.join(dir, 'ceremony'), kms.sim, [
      { alias: 'app/one', spec: 'AES_256' },
      { alias: 'app/two', spec: 'AES_256' },
    ]);
    kmsGoneBeforeFirstImport();
    expect((await keyferry(c.importCommand, { cwd: c.online, env: c.env })).code).not.toBe(0);
    kms.sim.faults.clear();
    const { args } = onlineAt(kms.sim);
    const on = (...words: string[]) => keyferry([...words, ...args], { cwd: c.online, env: c.env });
    const ids = (await journalFileEntries(c.journal)).flatMap((e) =>
      e.event === 'key.created' ? [e.data.keyId as string] : [],
    );
    const [one, two] = ids as [string, string];
    expect((await on('online', 'params', '--out', 'params-2', '--key-id', one)).code).toBe(0);
    const third = await on('online', 'params', '--out', 'params-3', '--key-id', two);
    expect(third.code).toBe(0);
    const folder = (await journalFileEntries(c.journal)).find((e) => e.event === 'wrapped-bundle.checked')?.data
      .folder as string;
    // The warning: import that wrap for both keys; params-2 and params-3 destroyed; nothing to keep for one key alone.
    expect(third.stdout).toContain(
      `(key → wrapped-material bundle): app/one (${one}) → ${folder}; app/two (${two}) → ${folder}. Import that wrap`,
    );
    expect(third.stdout).toMatch(
      /Destroy these 2 bundles and every copy, and never wrap them .*params-2 \(.*params-3 \(/,
    );
    expect(third.stdout).not.toContain('keep');
    // And its Next line is not the air-gapped wrap of the bundle it has just written.
    expect(third.stdout).not.toContain('on the air-gapped workstation with this bundle');
    expect(third.stdout).toContain(`Next: not the air-gapped wrap of this bundle (${path.join(c.online, 'params-3')})`);

    const status = await on('online', 'status');
    expect(status.stdout).toContain(
      `destroy them and every copy, and never wrap them: ${path.join(c.online, 'params-2')} (`,
    );
    const line = status.stdout.split('\n').find((l) => l.startsWith(`The wrapped-material bundle ${folder}, made`));
    expect(line, status.stdout).toContain(`made from the import-parameters bundle ${path.join(c.online, 'params')},`);
    expect(line).toMatch(/: keyferry online import --journal online\.jsonl --bundle \S+ --expect-digest DIGEST$/);
    expect(status.stdout).not.toContain('on the air-gapped workstation: wrap with the import-parameters bundle');
  }, 120_000);
});
