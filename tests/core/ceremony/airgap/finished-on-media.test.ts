/**
 * An older copy of the air-gapped journal, taken while a wrap ran (or restored from such a backup),
 * shows that wrap's session unfinished. The next session used to close it as a crash's and withdraw
 * its custody shares from the real custodian folders, though the wrap finished (a trial did it with
 * the bundle still there, then with the bundle carried to the online side, then with its manifest
 * damaged). Now the media are read first: the wrap's bundle at its folder, a manifest there that is
 * not that wrap's, the bundle carried away after the journal recorded it written, a receipt printed
 * from a later state of the journal. Each refuses with nothing written or removed, and says what to
 * do; an empty folder where the bundle was is the officer's word that it is lost. A real wrap on the
 * command line against the simulator, the journal cut where a copy would have been taken.
 */
import { cp, mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keyferry } from '../../../integration/cli-in-process';
import { simAndFolderPerFile } from '../../../cli/commands/sim-folder';
import { CUSTODY_TWO_OF_TWO, wrappedCliCeremony } from '../../../cli/commands/wrapped-cli-ceremony';

const test = simAndFolderPerFile('kf-finished-on-media-');
let c: Awaited<ReturnType<typeof wrappedCliCeremony>>;
let journalFile: string;
let bundle: string;
let receipt: string;
let finished: string;
/**
 * The wrap's command with the parameters read from a copy on a stick of their own, and where the
 * bundle goes when carried away: apart from the wrap's output folder, so the media check before the
 * journal opens (wraps-on-media.ts) finds no wrap beside them, and the closing's evidence is what
 * refuses or lets the copy through.
 */
let wrapAgain: string[];
let carried: string;
const custodians = () => ['dana', 'eli'].map((f) => path.join(c.airgap, f));
const shareFiles = async () =>
  (await Promise.all(custodians().map((f) => readdir(f).catch(() => [] as string[]))))
    .flat()
    .filter((f) => f.startsWith('keyferry-share-') && f.endsWith('.json'));

beforeAll(async () => {
  c = await wrappedCliCeremony(
    path.join(test.dir(), 'ceremony'),
    test.kms().sim,
    [{ alias: 'app/one', spec: 'AES_256' }],
    CUSTODY_TWO_OF_TWO,
  );
  const option = (name: string) => c.wrapCommand[c.wrapCommand.indexOf(name) + 1] as string;
  journalFile = path.join(c.airgap, option('--journal'));
  bundle = path.resolve(c.airgap, option('--out'));
  receipt = path.join(
    c.airgap,
    (await readdir(c.airgap)).find((f) => f.startsWith('receipt-air-gapped-') && f.endsWith('.txt')) as string,
  );
  finished = await readFile(journalFile, 'utf8');
  const params = path.resolve(c.airgap, option('--bundle'));
  const stick = path.join(test.dir(), 'params-stick', path.basename(params));
  await cp(params, stick, { recursive: true });
  wrapAgain = c.wrapCommand.map((word, i) => (c.wrapCommand[i - 1] === '--bundle' ? stick : word));
  await mkdir(path.join(test.dir(), 'online-side'));
  carried = path.join(test.dir(), 'online-side', path.basename(bundle));
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

/** The wrap run again on the copy: refused, its words (one line) returned; the shares and the copy untouched. */
async function refusedOn(copy: string): Promise<string> {
  const shares = await shareFiles();
  expect(shares).toHaveLength(2);
  const again = await keyferry(wrapAgain, { cwd: c.airgap, env: {} });
  expect(again.code).toBe(1);
  expect(await shareFiles()).toEqual(shares);
  expect(await readFile(journalFile, 'utf8')).toBe(copy);
  return again.stderr.replace(/\s+/g, ' ');
}

const SESSION = (file: string) =>
  `The journal ${file} shows its air-gapped session 1 (from entry 1) as ended without a stop, but `;

describe('a journal copy older than what the media show', () => {
  it.each([
    [
      'after the custody split, before the bundle was written (the bundle verifies and names the session)',
      'wrapped-bundle.written',
    ],
    ['after the bundle was staged, before the receipt (the journaled digest is the bundle’s)', 'receipt.written'],
  ])('copied %s: the wrap’s bundle at its folder refuses it', async (_, event) => {
    const said = await refusedOn(await copyTakenBefore(event));
    expect(said).toContain(
      `${SESSION(journalFile)}that session finished: the wrapped bundle in ${bundle} is the one it wrote`,
    );
    expect(said).toContain('This journal is an older copy');
    expect(said).toContain('Use the copy of this journal that the wrap finished in');
  });

  it('a manifest there that is not that wrap’s (damaged or forged): refused until the officer checks it', async () => {
    const copy = await copyTakenBefore('wrapped-bundle.written');
    const manifestFile = path.join(bundle, 'manifest.json');
    const manifest = await readFile(manifestFile, 'utf8');
    // The receipt printed from the finished journal is not beside this copy (the folder restored whole).
    await rename(receipt, `${receipt}.away`);
    try {
      // Another session's start entry, as a forged line on the medium would name it.
      await writeFile(
        manifestFile,
        manifest.replace(/("wrapEntry":\s*\{[^}]*"seq":\s*)1\b/, (_, head: string) => `${head}2`),
      );
      const said = await refusedOn(copy);
      expect(said).toContain(`${SESSION(journalFile)}${bundle} cannot be read as that session’s bundle`);
      expect(said).toContain(
        `Check that folder: keyferry bundle verify ${bundle}. If it is this ceremony’s wrapped bundle, or you cannot tell, keep it`,
      );
    } finally {
      await writeFile(manifestFile, manifest);
      await rename(`${receipt}.away`, receipt);
    }
  });

  it('the bundle carried away after the journal recorded it written: the medium is asked for', async () => {
    const copy = await copyTakenBefore('receipt.written');
    // The receipt printed from the finished journal is not beside this copy either (the folder restored whole).
    await rename(receipt, `${receipt}.away`);
    await rename(bundle, carried);
    try {
      const said = await refusedOn(copy);
      expect(said).toContain(`${SESSION(journalFile)}the wrapped bundle it wrote, ${bundle}, is not there`);
      expect(said).toContain(
        'Only if the bundle is lost for good and the wrap did not finish: create that folder, empty, and run again',
      );
    } finally {
      await rename(carried, bundle);
      await rename(`${receipt}.away`, receipt);
    }
  });

  it('a receipt beside it printed from a later state of the journal refuses it, the bundle carried away', async () => {
    const copy = await copyTakenBefore('wrapped-bundle.written');
    await rename(bundle, carried);
    try {
      const said = await refusedOn(copy);
      expect(said).toMatch(
        new RegExp(
          `this journal went on after this copy of it: the receipt ${receipt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was printed from it at entry \\d+, past this copy’s last entry`,
        ),
      );
    } finally {
      await rename(carried, bundle);
    }
  });

  it('nothing on the media (an empty folder where the bundle was, no receipt): closed as a crash’s, as before', async () => {
    await copyTakenBefore('receipt.written');
    const before = await shareFiles();
    await rename(receipt, `${receipt}.away`);
    await rename(bundle, carried);
    await mkdir(bundle);
    try {
      const again = await keyferry(wrapAgain, { cwd: c.airgap, env: {} });
      expect(again.stderr).not.toContain('older copy');
      expect(again.stdout.replace(/\s+/g, ' ')).toContain('ended without stopping');
      expect(again.stdout).toContain('were removed from 2 custodian folders');
      // That wrap's shares are gone; the run went on and wrapped again, into the empty folder, with a set of its own.
      expect((await shareFiles()).filter((f) => before.includes(f))).toEqual([]);
    } finally {
      await rename(`${receipt}.away`, receipt);
    }
  });
});
