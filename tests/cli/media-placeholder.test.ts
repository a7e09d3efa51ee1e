/**
 * A Next line pasted with MEDIA (the removable media's placeholder) left in a path: refused before the
 * command runs, saying to replace it, with nothing written; other values (an alias) and ./MEDIA/… are
 * taken as given.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/bundle/bundle-fixtures';
import { keyferry } from '../integration/cli-in-process';

/** A fresh empty working folder, removed after the file. */
const folder = () => tempDir('kf-media-placeholder-');

const WRAP = [
  'airgap',
  'wrap',
  '--journal',
  'airgap.jsonl',
  '--operator',
  'Ana',
  '--witness',
  'Ben',
  '--allow-network',
];

describe('MEDIA left in a pasted command line', () => {
  it('is refused before anything runs, naming the value and what to replace it with; nothing is written', async () => {
    const dir = await folder();
    const run = await keyferry([...WRAP, '--bundle', 'MEDIA/import-parameters-KF-1', '--out', 'MEDIA/wrapped-KF-1'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'keyferry airgap wrap: MEDIA/import-parameters-KF-1 still starts with MEDIA, the placeholder the printed Next line gives for the removable media’s folder. Nothing was run. Replace MEDIA with the folder where this workstation mounts the media (e.g. /media/usb), then run the line again (a folder really named MEDIA here: write ./MEDIA/…).',
    );
    // Not even the journal: the command never started.
    expect(await readdir(dir)).toEqual([]);
  });

  it('in an --option=value word too, and in Chinese', async () => {
    const dir = await folder();
    const run = await keyferry(
      ['--lang', 'zh-CN', 'online', 'import', '--journal', 'online.jsonl', '--bundle=MEDIA/wrapped-KF-1'],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('keyferry online import: MEDIA/wrapped-KF-1 仍以 MEDIA 开头');
    expect(run.stderr).toContain('请将 MEDIA 替换为本工作站挂载该介质的文件夹');
    expect(await readdir(dir)).toEqual([]);
  });

  it('a folder really named MEDIA is reached as ./MEDIA/…, which is taken as given (the command reports its own problem)', async () => {
    const dir = await folder();
    await mkdir(path.join(dir, 'MEDIA'));
    const run = await keyferry(
      [...WRAP, '--bundle', './MEDIA/import-parameters-KF-1', '--out', './MEDIA/wrapped-KF-1'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('still starts with MEDIA');
    expect(run.stderr).toContain(path.join(dir, 'MEDIA', 'import-parameters-KF-1'));
  });

  it('only path values are looked at: a key alias, a title or a witness may start with MEDIA', async () => {
    const dir = await folder();
    const run = await keyferry(
      [
        'online',
        'create-key',
        '--journal',
        'j.jsonl',
        '--alias',
        'MEDIA/signing',
        '--spec',
        'AES_256',
        '--operator',
        'MEDIA',
        '--witness',
        'Bob',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('still starts with MEDIA');
    // It went on to the next thing the command needs (credentials), past the alias and the operator.
    expect(run.stderr).toContain('No KMS credentials were given');
  });

  it('a positional path and a Windows separator are looked at too; an unknown option is refused first', async () => {
    const dir = await folder();
    const verify = await keyferry(['journal', 'verify', 'MEDIA\\airgap.jsonl'], { cwd: dir });
    expect(verify.stderr).toContain('keyferry journal verify: MEDIA\\airgap.jsonl still starts with MEDIA');
    const bogus = await keyferry([...WRAP, '--bundle', 'MEDIA/x', '--bogus'], { cwd: dir });
    expect(bogus.stderr).toContain('This command has no option --bogus.');
  });
});
