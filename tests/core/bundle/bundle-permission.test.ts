/**
 * A bundle this account may not read (a folder or file without read permission, media mounted for
 * another user) is refused as unreadable for that reason, with advice that can fix it: reconnecting
 * the media, right for an input/output error, cannot. Root reads every file, so the file system's
 * refusal is played by a spy on the one call that meets it; the bundle and every other call are real.
 */
import nodeFs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyferryError } from '../../../src-main/core/errors';
import { translator } from '../../../src-main/i18n/translate';
import { refusal, usePristineBundles } from './tamper-setup';

const bundles = usePristineBundles();

function failing(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: refused`), { code });
}

/** Opening `file` fails with `code`; every other file opens as it would. */
function failOpening(file: string, code: string): void {
  const openSync = nodeFs.openSync;
  vi.spyOn(nodeFs, 'openSync').mockImplementation(((opened: nodeFs.PathLike, ...rest: unknown[]) => {
    if (String(opened) === file) throw failing(code);
    return (openSync as (...a: unknown[]) => number)(opened, ...rest);
  }) as typeof nodeFs.openSync);
}

/** The refusal in English and in Chinese, message and advice. */
function said(error: KeyferryError): { en: string; enNext: string; zh: string; zhNext: string } {
  const en = translator('en').problem(error);
  const zh = translator('zh-CN').problem(error);
  return { en: en.message, enNext: en.nextStep, zh: zh.message, zhNext: zh.nextStep };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a bundle this account may not read', () => {
  it('a folder it may not look inside is refused for permission, naming the folder, before any file is read', async () => {
    const dir = await bundles.wrappedCopy();
    const lstat = nodeFs.promises.lstat;
    vi.spyOn(nodeFs.promises, 'lstat').mockImplementation((async (file: nodeFs.PathLike) => {
      if (path.dirname(String(file)) === dir) throw failing('EACCES');
      return lstat(file);
    }) as typeof nodeFs.promises.lstat);
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_UNREADABLE');
    expect(error.values).toMatchObject({ action: 'list', name: dir, errno: 'EACCES', cause: 'denied' });
    const text = said(error);
    expect(text.en).toBe(`This account is not allowed to look inside ${dir} (EACCES).`);
    expect(text.enNext).toMatch(/^Give this account read access to the bundle folder/);
    expect(text.enNext).not.toMatch(/Reconnect/);
    expect(text.zh).toBe(`此账户无权查看 ${dir} 中的内容（EACCES）。`);
    expect(text.zhNext).toMatch(/读取权限/);
  });

  it('a file it may not open (EPERM too) is refused for permission, naming the file', async () => {
    const dir = await bundles.wrappedCopy();
    failOpening(path.join(dir, 'manifest.json'), 'EPERM');
    const error = await refusal(dir);
    expect(error.values).toMatchObject({ action: 'open', name: 'manifest.json', errno: 'EPERM', cause: 'denied' });
    expect(said(error).en).toBe('This account is not allowed to read manifest.json (EPERM).');
    expect(said(error).zh).toBe('此账户无权读取 manifest.json（EPERM）。');
  });

  it('media that fail (EIO) are still refused as possibly removed, with the advice to reconnect them', async () => {
    const dir = await bundles.wrappedCopy();
    failOpening(path.join(dir, 'manifest.json'), 'EIO');
    const error = await refusal(dir);
    expect(error.values).toMatchObject({ action: 'open', errno: 'EIO', cause: 'media' });
    expect(said(error).en).toBe('Could not open manifest.json (EIO): the media may have been removed.');
    expect(said(error).enNext).toBe('Reconnect the media and read the bundle again.');
  });
});
