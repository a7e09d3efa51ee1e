/**
 * `keyferry airgap wrap` writes only into the folders named, never through a symbolic link: a link
 * planted on the stick (`stick/out` → a folder on the air-gapped disk) sent the wrapped bundle onto
 * the workstation's disk while the tool said it was on the stick (a trial). Refused in the preflight,
 * before any witness confirms or material exists, naming the link and where it points.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { OFFLINE } from '../../helpers/workstation';
import { airgapWrapArgs } from '../../helpers/cli-sides';
import { oneAesParamsBundle } from '../../helpers/aes-params-bundle';

let dir: string;
/** The removable medium, and a folder on the workstation's own disk a link on it points to. */
let stick: string;
let disk: string;
/** The digest of the import-parameters bundle on the stick. */
let digest: string;

const wrap = (out: string, ...extra: string[]) =>
  keyferry(airgapWrapArgs({ bundle: path.join(stick, 'params'), out, digest }, ...extra), { cwd: dir });

/** The journal's events; none when the refusal came before the journal was opened. */
async function events(): Promise<string[]> {
  const text = await readFile(path.join(dir, 'airgap.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { event: string }).event);
}

async function expectNothingMade(): Promise<void> {
  const journal = await events();
  expect(journal).not.toContain('witness.confirmed');
  expect(journal).not.toContain('material.generated');
  expect(await readdir(disk, { recursive: true })).toEqual([]);
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-linked-out-'));
  stick = path.join(dir, 'stick');
  disk = path.join(dir, 'disk');
  await mkdir(stick);
  await mkdir(disk);
  digest = await oneAesParamsBundle(path.join(stick, 'params'), {
    ceremonyId: 'KF-20250301-abcdef',
    keyId: '0a1b2c3d-0000-4000-8000-00000000000a',
  });
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('keyferry airgap wrap: no writing through symbolic links', () => {
  it('refuses --out under a linked folder on the stick before any witness or material; nothing lands on the disk', async () => {
    await symlink(disk, path.join(stick, 'out'));
    const run = await wrap(path.join(stick, 'out', 'wrappedB'));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      `The wrapped-material bundle folder ${path.join(stick, 'out', 'wrappedB')} goes through the symbolic link ${path.join(stick, 'out')}, which points to ${disk}: Keyferry writes only into the folder named, not through links (on removable media a link can send the files onto this workstation’s own disk). Nothing was generated.`,
    );
    expect(run.stderr).toContain('Name the real folder on the medium itself');
    expect(run.stdout).not.toContain('are writable and have room');
    await expectNothingMade();
    expect(await events()).toContain('preflight.refused');
  });

  it('refuses --out that is itself a link to an empty folder elsewhere, saying so (not "already exists")', async () => {
    await symlink(disk, path.join(stick, 'wrappedB'));
    const run = await wrap(path.join(stick, 'wrappedB'));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      `The wrapped-material bundle folder ${path.join(stick, 'wrappedB')} is a symbolic link to ${disk}: Keyferry writes only into the folder named`,
    );
    expect(run.stderr).not.toContain('already exists');
    await expectNothingMade();
  });

  it('refuses --receipt-dir that is a link, or lies under one, before the journal opens', async () => {
    await mkdir(path.join(disk, 'receipts'));
    await symlink(disk, path.join(stick, 'out'));
    await symlink(path.join(disk, 'receipts'), path.join(stick, 'receipts'));
    for (const [receipts, link] of [
      [path.join(stick, 'out', 'receipts'), path.join(stick, 'out')],
      [path.join(stick, 'receipts'), path.join(stick, 'receipts')],
    ] as const) {
      const run = await wrap(path.join(stick, 'wrappedB'), '--receipt-dir', receipts);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(`The receipt folder ${receipts} `);
      expect(run.stderr).toContain(`symbolic link ${link === receipts ? 'to' : link}`);
      expect(run.stderr).toContain(`If nobody here made the link ${link}, someone changed the medium`);
      expect(await readdir(path.join(disk, 'receipts'))).toEqual([]);
      expect(await readdir(stick)).not.toContain('wrappedB');
      const journal = await events();
      expect(journal).not.toContain('witness.confirmed');
      expect(journal).not.toContain('material.generated');
    }
  });
});
