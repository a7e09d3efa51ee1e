/**
 * Withdrawing a wrapped bundle whose session was abandoned (core/bundle/abandoned-bundle.ts): what
 * the person who opens the folder on the online workstation finds, and what the reader does with
 * it. A real bundle (the keys of fixtures/wrapped-v1, written by today's writer) gets ABANDONED.txt
 * saying why, when and which journal (a hostile reason's control characters made plain), and its
 * manifest moved aside; it is refused as abandoned even after someone moves the manifest back. A
 * folder whose manifest never got written is refused too; on a read-only medium, where nothing can
 * be marked or removed, the withdrawal says so and tells the officer to delete the folder by hand.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ABANDONED_MARKER,
  stageWrappedMaterialBundle,
  withdrawWrappedBundle,
  writeWrappedMaterialBundle,
  type WrappedKeyMaterial,
} from '../../../src-main/core/bundle';
import { KeyferryError, toProblem } from '../../../src-main/core/errors';
import { translator } from '../../../src-main/i18n/translate';
import { fillUp, MOUNTS_AVAILABLE, mountTmpfs } from '../../support/tmpfs-mount';
import { NOW, tempDir } from './bundle-fixtures';
import { fixtureWrappedKeys, readRefusal } from './fixture-copies';

const AT = new Date('2030-01-02T03:10:00.000Z');
const JOURNAL = '/media/airgap/journals/air-gapped.jsonl';

let keys: readonly WrappedKeyMaterial[];
let ceremonyId: string;
beforeAll(async () => {
  ({ keys, ceremonyId } = await fixtureWrappedKeys());
});

describe('an abandoned wrapped bundle', () => {
  it('says in ABANDONED.txt why and when it was withdrawn, and is refused even with its manifest moved back', async () => {
    const dir = path.join(await tempDir('kf-abandoned-'), 'wrapped-material');
    await writeWrappedMaterialBundle(dir, { ceremonyId, keys }, { now: NOW });
    const withdrawn = await withdrawWrappedBundle(dir, {
      reason: 'receipt folder full\u001b[2J\r\nDigest 0000',
      at: AT,
      journal: JOURNAL,
    });
    expect(withdrawn).toEqual({
      dir,
      marker: path.join(dir, ABANDONED_MARKER),
      manifestRenamed: true,
      manifestWritten: true,
      manifestRemoved: false,
    });
    const files = await readdir(dir);
    expect(files).toContain('manifest.json.abandoned');
    expect(files).not.toContain('manifest.json');
    const text = await readFile(path.join(dir, ABANDONED_MARKER), 'utf8');
    expect(text.split('\n').slice(0, 6)).toEqual([
      'THIS IS NOT A BUNDLE TO IMPORT.',
      '',
      'The air-gapped session that wrote this folder was abandoned at 2030-01-02 03:10 UTC',
      'before this bundle became whole, so no valid receipt names it (any receipt written for it is voided).',
      'Reason: receipt folder full [2J  Digest 0000',
      'Journal: air-gapped.jsonl',
    ]);
    // The same notice in Chinese, for whoever opens the folder next (the reason as it was given).
    const chinese = text.slice(text.indexOf('这不是可导入的包。')).split('\n');
    expect(chinese.slice(0, 6)).toEqual([
      '这不是可导入的包。',
      '',
      '写入此文件夹的离线会话已于 2030年1月2日 03:10 UTC 放弃，',
      '当时此包尚未完整，因此没有任何有效回执注明它（为它写出的任何回执均已作废）。',
      '原因：receipt folder full [2J  Digest 0000',
      '日志：air-gapped.jsonl',
    ]);

    const e = await readRefusal(dir);
    expect(e.code).toBe('BUNDLE_ABANDONED');
    expect(e.message).toBe(
      `${dir} is from an air-gapped session that was abandoned before its bundle became whole (see ABANDONED.txt in it); no valid receipt names it (any written for it is voided), so it must not be imported.`,
    );
    // Someone "repairs" the folder by moving the manifest back: the marker still refuses it.
    await rename(path.join(dir, 'manifest.json.abandoned'), path.join(dir, 'manifest.json'));
    expect((await readRefusal(dir)).code).toBe('BUNDLE_ABANDONED');
  });

  it('gives a problem that stopped the session as its reason in English and in Chinese', async () => {
    const dir = path.join(await tempDir('kf-abandoned-'), 'wrapped-material');
    await writeWrappedMaterialBundle(dir, { ceremonyId, keys }, { now: NOW });
    const problem = toProblem(new KeyferryError('BUNDLE_DUPLICATE_FILE', { file: 'manifest.json' }));
    await withdrawWrappedBundle(dir, { reason: problem.message, problem, at: AT, journal: JOURNAL });
    const text = await readFile(path.join(dir, ABANDONED_MARKER), 'utf8');
    const zh = translator('zh-CN').problem(problem).message;
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toContain(`Reason: ${translator('en').problem(problem).message}\n`);
    expect(text).toContain(`原因：${zh}\n`);
  });

  it('is refused when the session stopped before its manifest was written', async () => {
    const dir = path.join(await tempDir('kf-abandoned-'), 'wrapped-material');
    await stageWrappedMaterialBundle(dir, { ceremonyId, keys }, { now: NOW });
    expect(await readdir(dir)).not.toContain('manifest.json');
    const withdrawn = await withdrawWrappedBundle(dir, { reason: 'interrupted', at: AT, journal: JOURNAL });
    expect(withdrawn).toMatchObject({ manifestRenamed: false, manifestWritten: false });
    expect((await readRefusal(dir)).code).toBe('BUNDLE_ABANDONED');
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'on a full medium, where no marker fits: removes the manifest and says so, claiming no marker',
    async () => {
      const mount = path.join(await tempDir('kf-abandoned-full-'), 'stick');
      const unmount = mountTmpfs(mount, { sizeKiB: 256 });
      try {
        const dir = path.join(mount, 'wrapped-material');
        await writeWrappedMaterialBundle(dir, { ceremonyId, keys }, { now: NOW });
        fillUp(mount);
        const withdrawn = await withdrawWrappedBundle(dir, { reason: 'interrupted', at: AT, journal: JOURNAL });
        expect(withdrawn).toEqual({
          dir,
          marker: null,
          manifestRenamed: false,
          manifestWritten: true,
          manifestRemoved: true,
        });
        const files = await readdir(dir);
        expect(files).not.toContain(ABANDONED_MARKER);
        expect(files).not.toContain('manifest.json');
      } finally {
        unmount();
      }
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)(
    'on a read-only medium, cannot be marked: the officer is told to delete the folder by hand',
    async () => {
      const mount = path.join(await tempDir('kf-abandoned-ro-'), 'stick');
      const written = path.join(await tempDir('kf-abandoned-src-'), 'wrapped-material');
      await writeWrappedMaterialBundle(written, { ceremonyId, keys }, { now: NOW });
      const unmount = mountTmpfs(mount, {
        sizeKiB: 256,
        readOnly: true,
        prepare: (dir) => execFileSync('cp', ['-a', written, dir]),
      });
      try {
        const dir = path.join(mount, 'wrapped-material');
        const error = await withdrawWrappedBundle(dir, { reason: 'interrupted', at: AT, journal: JOURNAL }).then(
          () => new Error('withdrawn'),
          (e: unknown) => e,
        );
        if (!(error instanceof KeyferryError)) throw error;
        expect(error.code).toBe('WRAPPED_WITHDRAW_FAILED');
        expect(error.message).toBe(`The abandoned wrapped-material bundle in ${dir} could not be marked or disabled.`);
        expect(error.nextStep).toBe(
          `Delete the folder ${dir} by hand before anyone carries it to the online workstation.`,
        );
        expect(await readdir(dir)).toContain('manifest.json');
      } finally {
        unmount();
      }
    },
  );
});
