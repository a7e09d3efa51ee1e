/**
 * This ceremony's wraps on the media (core/ceremony/airgap/wraps-on-media.ts), and the named-journal
 * check that holds parameters naming no journal to theirs: a trial's officer ran the first
 * parameters' wrap again in a new journal in another folder, beside the finished wrap's bundle on
 * the same stick, and made a second material with no word. Real wraps by the command line (this
 * process, an air-gapped workstation's interfaces), real folders and journals.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wrapsOnMedia } from '../../../../src-main/core/ceremony/airgap/wraps-on-media';
import { airgapWrapArgs } from '../../../helpers/cli-sides';
import { OFFLINE } from '../../../helpers/workstation';
import { keyferry } from '../../../integration/cli-in-process';
import { oneAesParamsBundle } from '../../../helpers/aes-params-bundle';

const CEREMONY = 'KF-20261207-abcdef';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-wraps-on-media-'));
  await mkdir(path.join(dir, 'usb'));
  await mkdir(path.join(dir, 'first'));
  await mkdir(path.join(dir, 'second'));
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** `airgap wrap` of the parameters on the stick into `out` on it, run in `folder` with its journal there. */
const wrap = (folder: string, digest: string, out: string, ...extra: string[]) =>
  keyferry(airgapWrapArgs({ bundle: '../usb/params', out: `../usb/${out}`, digest }, ...extra), {
    cwd: path.join(dir, folder),
  });

describe('a wrap of parameters naming no journal, beside this ceremony’s finished wrap on the stick', () => {
  it('finds the finished wrap and its journal, and nothing of other ceremonies or folders without a bundle', async () => {
    const digest = await oneAesParamsBundle(path.join(dir, 'usb', 'params'), {
      ceremonyId: CEREMONY,
      keyId: '0a1b2c3d-0000-4000-8000-00000000000a',
    });
    expect((await wrap('first', digest, 'wrapped-1', '--no-backup')).code).toBe(0);
    await mkdir(path.join(dir, 'usb', 'photos'));
    const journal = JSON.parse(
      (await readFile(path.join(dir, 'first', 'airgap.jsonl'), 'utf8')).split('\n')[0] as string,
    ) as {
      hash: string;
    };
    const found = await wrapsOnMedia([{ dir: path.join(dir, 'usb', 'params'), shownAs: 'usb/params' }], CEREMONY);
    expect(found).toEqual([
      {
        folder: 'usb/wrapped-1',
        journal: {
          file: 'airgap.jsonl',
          firstEntrySha256: journal.hash,
          lastWrap: expect.objectContaining({ seq: 1 }),
        },
      },
    ]);
    expect(
      await wrapsOnMedia([{ dir: path.join(dir, 'usb', 'params'), shownAs: 'usb/params' }], 'KF-20261207-other0'),
    ).toEqual([]);
  });

  it('refuses a new journal elsewhere before anyone types; the officer’s word that the journal is lost goes past it', async () => {
    const digest = await oneAesParamsBundle(path.join(dir, 'usb', 'params'), {
      ceremonyId: CEREMONY,
      keyId: '0a1b2c3d-0000-4000-8000-00000000000a',
    });
    expect((await wrap('first', digest, 'wrapped-1', '--no-backup')).code).toBe(0);

    const second = await wrap('second', digest, 'wrapped-2', '--no-backup');
    expect(second.code).toBe(1);
    const said = second.stderr.replace(/\s+/g, ' ');
    expect(said).toContain(
      'These import parameters name no air-gapped journal, but the medium holds this ceremony’s wrapped bundle ../usb/wrapped-1, wrapped in the air-gapped journal airgap.jsonl (first entry',
    );
    expect(said).toContain(`${path.join(dir, 'second', 'airgap.jsonl')} is a new journal`);
    expect(said).toContain(
      'Never move ../usb/wrapped-1 off the medium to get past this: it is the record of that wrap.',
    );
    // Nothing was written: no journal, no bundle.
    expect(existsSync(path.join(dir, 'second', 'airgap.jsonl'))).toBe(false);
    expect(existsSync(path.join(dir, 'usb', 'wrapped-2'))).toBe(false);

    const lost = await wrap(
      'second',
      digest,
      'wrapped-2',
      '--no-backup',
      '--journal-lost',
      'first journal lost with its laptop',
    );
    expect(lost.stderr).toBe('');
    expect(lost.code).toBe(0);
    expect(lost.stdout.replace(/\s+/g, ' ')).toContain(
      'the journal of the earlier wrap whose bundle ../usb/wrapped-1 lies on the medium (--journal-lost: “first journal lost with its laptop”)',
    );
    const journal = await readFile(path.join(dir, 'second', 'airgap.jsonl'), 'utf8');
    expect(journal).toContain('"bundleOnMedia":"../usb/wrapped-1"');
  });
  it('refuses an older copy of the journal that lacks a later wrap on the stick, though it has an earlier one', async () => {
    const digest = await oneAesParamsBundle(path.join(dir, 'usb', 'params'), {
      ceremonyId: CEREMONY,
      keyId: '0a1b2c3d-0000-4000-8000-00000000000a',
    });
    expect((await wrap('first', digest, 'wrapped-1', '--no-backup')).code).toBe(0);
    // A copy of the journal after the first wrap; then the same journal wraps again.
    await mkdir(path.join(dir, 'copy'));
    await copyFile(path.join(dir, 'first', 'airgap.jsonl'), path.join(dir, 'copy', 'airgap.jsonl'));
    const again = await wrap('first', digest, 'wrapped-2', '--no-backup', '--wrap-again', 'token lost with a laptop');
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);

    const copy = await wrap('copy', digest, 'wrapped-3', '--no-backup');
    expect(copy.code).toBe(1);
    const said = copy.stderr.replace(/\s+/g, ' ');
    expect(said).toContain('../usb/wrapped-2, wrapped in the air-gapped journal airgap.jsonl');
    expect(said).toContain('is an older copy of that journal: it lacks the latest wrap that bundle names');
    expect(existsSync(path.join(dir, 'usb', 'wrapped-3'))).toBe(false);
  });
});
