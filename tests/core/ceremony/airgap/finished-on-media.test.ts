/**
 * An older copy of the air-gapped journal, taken while a wrap ran (or restored from such a backup),
 * shows that wrap's session unfinished. The next session used to close it as a crash's and withdraw
 * its custody shares from the real custodian folders, though the wrap finished. The wrapped bundle
 * it wrote, still at its folder, now shows it finished: nothing is written or removed. A real wrap
 * on the command line against the simulator, the journal cut where a copy would have been taken.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keyferry } from '../../../integration/cli-in-process';
import { simAndFolderPerFile } from '../../../cli/commands/sim-folder';
import { CUSTODY_TWO_OF_TWO, wrappedCliCeremony } from '../../../cli/commands/wrapped-cli-ceremony';

const test = simAndFolderPerFile('kf-finished-on-media-');
let c: Awaited<ReturnType<typeof wrappedCliCeremony>>;
let journalFile: string;
let finished: string;
const custodians = () => ['dana', 'eli'].map((f) => path.join(c.airgap, f));
const optionValue = (option: string) => c.wrapCommand[c.wrapCommand.indexOf(option) + 1] as string;

beforeAll(async () => {
  c = await wrappedCliCeremony(
    path.join(test.dir(), 'ceremony'),
    test.kms().sim,
    [{ alias: 'app/one', spec: 'AES_256' }],
    CUSTODY_TWO_OF_TWO,
  );
  journalFile = path.join(c.airgap, optionValue('--journal'));
  finished = await readFile(journalFile, 'utf8');
}, 60_000);
// Each case puts its copy in the journal's place; the finished journal comes back after it.
afterEach(async () => writeFile(journalFile, finished));

/** The finished journal cut before its first line of `event`: a copy taken just before that entry. */
async function copyTakenBefore(event: string): Promise<string> {
  const lines = finished.split('\n');
  const cut = lines.findIndex((l) => l.includes(`"event":"${event}"`));
  expect(cut).toBeGreaterThan(0);
  const copy = `${lines.slice(0, cut).join('\n')}\n`;
  await writeFile(journalFile, copy);
  return copy;
}

describe('a journal copy older than the wrap its media show finished', () => {
  it.each([
    [
      'after the custody split, before the bundle was written (the bundle’s madeBy names the session)',
      'wrapped-bundle.written',
    ],
    ['after the bundle was staged, before the receipt (the journaled digest is the bundle’s)', 'receipt.written'],
  ])('copied %s: refused, the shares and the journal untouched', async (_, event) => {
    const copy = await copyTakenBefore(event);
    const shares = await Promise.all(custodians().map((f) => readdir(f)));
    expect(shares.flat().filter((f) => f.startsWith('keyferry-share-') && f.endsWith('.json'))).toHaveLength(2);

    const again = await keyferry(c.wrapCommand, { cwd: c.airgap, env: {} });

    expect(again.code).toBe(1);
    const said = again.stderr.replace(/\s+/g, ' ');
    expect(said).toContain(
      `The journal ${journalFile} shows its air-gapped session 1 (from entry 1) as ended without a stop, but that session finished: the wrapped bundle in ${path.resolve(c.airgap, optionValue('--out'))} is the one it wrote`,
    );
    expect(said).toContain('This journal is an older copy');
    expect(said).toContain('Use the copy of this journal that the wrap finished in');
    expect(await Promise.all(custodians().map((f) => readdir(f)))).toEqual(shares);
    expect(await readFile(journalFile, 'utf8')).toBe(copy);
  });

  it('a bundle at that folder made by another session says nothing: the session is closed as a crash’s, as before', async () => {
    await copyTakenBefore('wrapped-bundle.written');
    // Another session's bundle: its madeBy names another start entry (read unchecked, as the check reads it).
    const manifestFile = path.resolve(c.airgap, optionValue('--out'), 'manifest.json');
    const manifest = await readFile(manifestFile, 'utf8');
    expect(manifest).toMatch(/"wrapEntry":\s*\{[^}]*"seq":\s*1\b/);
    await writeFile(
      manifestFile,
      manifest.replace(/("wrapEntry":\s*\{[^}]*"seq":\s*)1\b/, (_, head: string) => `${head}2`),
    );

    const again = await keyferry(c.wrapCommand, { cwd: c.airgap, env: {} });

    expect(again.stderr).not.toContain('older copy');
    expect(again.stdout.replace(/\s+/g, ' ')).toContain('ended without stopping');
    const left = await Promise.all(custodians().map((f) => readdir(f).catch(() => [] as string[])));
    expect(left.flat().filter((f) => f.startsWith('keyferry-share-') && f.endsWith('.json'))).toEqual([]);
  });
});
