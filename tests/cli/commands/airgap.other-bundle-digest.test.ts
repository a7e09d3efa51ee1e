/**
 * `online params` run twice writes two bundles on the stick, each with its own digest. When the
 * officer takes the older folder to the air-gapped side while the online side reads the newer one's
 * digest aloud, every witness types a value that differs in all 16 groups: "not a typing slip" was
 * all the refusal said (the officer trial of 2026-12-04). The folder beside it whose digest they
 * typed is on the same media: the refusal names it and says what to do, and the receipt says it.
 * A witness name given in other case ("chloé martin") is refused naming the witness meant.
 */
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { airgapWrapArgs } from '../../helpers/cli-sides';
import { OFFLINE } from '../../helpers/workstation';
import { keyferry } from '../../integration/cli-in-process';
import { oneAesParamsBundle } from '../../helpers/aes-params-bundle';
import { writeWrappedMaterialBundle } from '../../../src-main/core/bundle';
import { makeImportParameters, wrapFor } from '../../core/bundle/bundle-fixtures';

let dir: string;

/** An import-parameters bundle of one AES key written into `folder` (under the test folder); its digest. */
const paramsBundle = (folder: string) =>
  oneAesParamsBundle(path.join(dir, folder), {
    ceremonyId: 'KF-20261204-abcdef',
    keyId: '0a1b2c3d-0000-4000-8000-00000000000a',
  });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-other-bundle-'));
  await mkdir(path.join(dir, 'usb'));
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const wrap = (bundle: string, confirms: Record<string, string>, env?: Record<string, string>) =>
  keyferry(
    airgapWrapArgs(
      { bundle, out: 'usb/wrapped', witnesses: Object.keys(confirms) },
      ...Object.entries(confirms).flatMap(([w, d]) => ['--witness-confirms', `${w}=${d}`]),
    ),
    { cwd: dir, ...(env ? { env } : {}) },
  );

describe('witness values and names an officer gets wrong', () => {
  it('names that folder and the way on; the right folder then wraps, and the receipt says what was refused', async () => {
    await paramsBundle('usb/params');
    const newer = await paramsBundle('usb/params-2');
    // A folder that is no bundle and one whose digest nobody typed are left alone.
    await mkdir(path.join(dir, 'usb', 'photos'));
    const unrelated = await paramsBundle('usb/params-0');
    expect(unrelated).not.toBe(newer);

    const both = await wrap('usb/params', { Ben: newer, Cleo: newer });
    expect(both.code).toBe(1);
    expect(both.stderr.replace(/\s+/g, ' ')).toContain(
      'The values of 2 witnesses were refused: Ben typed a value that is the digest of the bundle in usb/params-2, not of the one read here; Cleo typed a value that is the digest of the bundle in usb/params-2, not of the one read here.',
    );
    // Both heard the newer digest: the way on is that folder (a trial found only "read it aloud again").
    expect(both.stderr.replace(/\s+/g, ' ')).toContain(
      'if it is usb/params-2, run the command again with --bundle usb/params-2, every witness typing the digest again.',
    );
    expect(await readdir(path.join(dir, 'usb'))).not.toContain('wrapped');

    const one = await wrap('usb/params', { Ben: newer });
    expect(one.code).toBe(1);
    expect(one.stderr.replace(/\s+/g, ' ')).toContain(
      'Ben typed the digest of the import-parameters bundle in usb/params-2, beside the one read here: not the digest of this bundle. Refused (the refusal is journaled); no confirmation was recorded for Ben.',
    );
    expect(one.stderr.replace(/\s+/g, ' ')).toContain(
      'if it is usb/params-2, start again from that bundle and have every witness type the digest again: run the command again with --bundle usb/params-2, or in the app start this ceremony again from Setup with the same journal and read the bundle in usb/params-2.',
    );
    const zh = await wrap('usb/params', { Ben: newer }, { LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toContain('Ben 输入的是 usb/params-2 中导入参数包的摘要');
    expect(zh.stderr).toContain('或在应用中从“设置”用同一日志重新开始本仪式，并读取 usb/params-2 中的参数包。');

    // A value of no bundle here is the plain mismatch, as before.
    const other = await wrap('usb/params', { Ben: 'ab'.repeat(32) });
    expect(other.stderr).toMatch(/Ben typed a value that differs from the digest of the import-parameters bundle/);

    const right = await wrap('usb/params-2', { Ben: newer });
    expect(right.stderr).toBe('');
    expect(right.code).toBe(0);
    const receipt = (await readdir(dir)).find((f) => /^receipt-air-gapped-.*\.txt$/.test(f)) as string;
    const text = (await readFile(path.join(dir, receipt), 'utf8')).replace(/\s+/g, ' ');
    expect(text).toMatch(
      /entry \d+: typed the digest of another import-parameters bundle, in usb\/params-2 beside the one read; refused/,
    );
    // Under Deviations the entry is named in its heading: the note does not name it again.
    expect(text).toMatch(
      /\(witness\.refused\)[^!]*? Typed the digest of another import-parameters bundle, in usb\/params-2/,
    );
    expect(text).not.toMatch(/\(witness\.refused\)[^!]*? entry \d+: typed/);
  });

  it('a digest typed from a bundle of another ceremony beside it is named as that, without advice to wrap it here', async () => {
    await paramsBundle('usb/params');
    const theirs = await oneAesParamsBundle(path.join(dir, 'usb', 'params-b'), {
      ceremonyId: 'KF-20261204-bbbbbb',
      keyId: '0a1b2c3d-0000-4000-8000-00000000000b',
    });
    const run = await wrap('usb/params', { Ben: theirs });
    expect(run.code).toBe(1);
    const said = run.stderr.replace(/\s+/g, ' ');
    expect(said).toContain(
      'Ben typed the digest of the import-parameters bundle in usb/params-b, beside the one read here, a bundle of another ceremony (KF-20261204-bbbbbb): not the digest of this bundle.',
    );
    expect(said).toContain(
      'The online workstation read the digest of ceremony KF-20261204-bbbbbb’s bundle; the bundle read here is of ceremony KF-20261204-abcdef. Check with the online workstation which ceremony it runs.',
    );
    expect(said).not.toContain('--bundle usb/params-b');
    // Every witness typed it (they all heard the same): said for each, and the same next step.
    const both = (await wrap('usb/params', { Ben: theirs, Cleo: theirs })).stderr.replace(/\s+/g, ' ');
    expect(both).toContain(
      'Ben typed a value that is the digest of the bundle in usb/params-b, of another ceremony (KF-20261204-bbbbbb), not of the one read here',
    );
    expect(both).toContain('Check with the online workstation which ceremony it runs.');
  });

  it('a digest typed from a wrapped-material bundle beside it is named as that, never as one to wrap or type', async () => {
    await paramsBundle('usb/params');
    const material = makeImportParameters(1, new Date(), ['AES_256']).map((k) => wrapFor(k));
    const wrapped = await writeWrappedMaterialBundle(path.join(dir, 'usb', 'wrapped-1'), {
      ceremonyId: 'KF-20261204-abcdef',
      keys: material,
    });
    const run = await wrap('usb/params', { Ben: wrapped.digest });
    expect(run.code).toBe(1);
    const said = run.stderr.replace(/\s+/g, ' ');
    expect(said).toContain(
      'Ben typed the digest of the wrapped-material bundle in usb/wrapped-1, beside the one read here: not the digest of this bundle.',
    );
    expect(said).toContain(
      'usb/wrapped-1 holds a wrapped-material bundle, written on an air-gapped workstation: its digest is printed on an air-gapped receipt and is never the value to type here.',
    );
    // Not "the online workstation read the digest of the bundle in usb/wrapped-1 … online params writes a bundle".
    expect(said).not.toContain('--bundle usb/wrapped-1');
    expect(said).not.toContain('online params');
    const zh = (await wrap('usb/params', { Ben: wrapped.digest }, { LANG: 'zh_CN.UTF-8' })).stderr;
    expect(zh).toContain('Ben 输入的是 usb/wrapped-1 中已包装密钥材料包的摘要');
    // Every witness typed it: each said so, and the way on is the digest read again, not that folder.
    const both = (await wrap('usb/params', { Ben: wrapped.digest, Cleo: wrapped.digest })).stderr.replace(/\s+/g, ' ');
    expect(both).toContain(
      'Cleo typed a value that is the digest of the wrapped-material bundle in usb/wrapped-1, not of the one read here',
    );
    expect(both).toContain('Have the online workstation read the import-parameters bundle digest aloud again');
    expect(both).not.toContain('--bundle usb/wrapped-1');
  });

  it('a witness name given in other case or without its accent is refused naming the witness meant', async () => {
    const digest = await paramsBundle('usb/params');
    const args = airgapWrapArgs({ bundle: 'usb/params', out: 'usb/wrapped', witnesses: ['Chloé Martin'] });
    const run = await keyferry([...args, '--witness-confirms', `chloé  martin=${digest}`], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr.replace(/\s+/g, ' ')).toContain(
      '"chloé martin" is not a witness of this ceremony. Confirmations come from the named witnesses: Chloé Martin. A name is matched exactly, case and accents included: write Chloé Martin as the ceremony names the witness.',
    );
    // Its accent left out (a keyboard without it, a trial's case): the witness meant is named too.
    const unaccented = await keyferry([...args, '--witness-confirms', `Chloe Martin=${digest}`], { cwd: dir });
    expect(unaccented.stderr.replace(/\s+/g, ' ')).toContain('write Chloé Martin as the ceremony names the witness.');
    const stranger = await keyferry([...args, '--witness-confirms', `Dana=${digest}`], { cwd: dir });
    expect(stranger.stderr).toContain('Confirmations come from the named witnesses: Chloé Martin.');
    expect(stranger.stderr).not.toContain('matched exactly');
  });
});
