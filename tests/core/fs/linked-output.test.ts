import { lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refuseOutputThroughLink, type OutputRole } from '../../../src-main/core/fs/linked-output';
import { toProblem } from '../../../src-main/core/errors';
import { translator } from '../../../src-main/i18n/translate';

let dir: string;
/** The removable medium, and the workstation's own disk. */
let stick: string;
let disk: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-linked-output-'));
  stick = path.join(dir, 'stick');
  disk = path.join(dir, 'disk');
  await mkdir(stick);
  await mkdir(disk);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bundle = (folder: string) => refuseOutputThroughLink({ role: 'bundle', folder });

describe('refuseOutputThroughLink: writing only into the folder named', () => {
  it('lets a real folder through, existing or still to be made, and creates nothing', async () => {
    await expect(bundle(stick)).resolves.toBeUndefined();
    await expect(bundle(path.join(stick, 'new', 'deeper'))).resolves.toBeUndefined();
    expect(await readdir(stick)).toEqual([]);
  });

  it('refuses a folder still to be made under a linked folder, naming the link and where it points', async () => {
    await symlink(disk, path.join(stick, 'out'));
    await expect(bundle(path.join(stick, 'out', 'wrappedB', 'keys'))).rejects.toMatchObject({
      code: 'OUTPUT_THROUGH_LINK',
      values: { role: 'bundle', at: 'above', link: path.join(stick, 'out'), target: disk },
      message: `The wrapped-material bundle folder ${path.join(stick, 'out', 'wrappedB', 'keys')} goes through the symbolic link ${path.join(stick, 'out')}, which points to ${disk}: Keyferry writes only into the folder named, not through links (on removable media a link can send the files onto this workstation’s own disk). Nothing was generated.`,
    });
  });

  it('refuses the folder itself when it is a link: to an empty folder, a full one, or nowhere; a relative target is named absolute', async () => {
    await mkdir(path.join(disk, 'empty'));
    await mkdir(path.join(disk, 'full'));
    await writeFile(path.join(disk, 'full', 'notes.txt'), 'x');
    await symlink(path.join(disk, 'empty'), path.join(stick, 'to-empty'));
    await symlink(path.join('..', 'disk', 'full'), path.join(stick, 'to-full'));
    await symlink(path.join(disk, 'nowhere'), path.join(stick, 'dangling'));
    for (const [name, target] of [
      ['to-empty', path.join(disk, 'empty')],
      ['to-full', path.join(disk, 'full')],
      ['dangling', path.join(disk, 'nowhere')],
    ] as const)
      await expect(bundle(path.join(stick, name))).rejects.toMatchObject({
        values: { at: 'itself', link: path.join(stick, name), target },
        message: expect.stringContaining(`${path.join(stick, name)} is a symbolic link to ${target}:`),
      });
  });

  it('names the deepest link when there are several on the way', async () => {
    await mkdir(path.join(disk, 'inner'));
    await symlink(disk, path.join(stick, 'outer'));
    await symlink(path.join(disk, 'inner'), path.join(disk, 'link'));
    await expect(bundle(path.join(stick, 'outer', 'link', 'wrapped'))).rejects.toMatchObject({
      values: { link: path.join(stick, 'outer', 'link'), target: path.join(disk, 'inner') },
    });
  });

  it('words each kind of folder and what was not done, in both languages', async () => {
    await symlink(disk, path.join(stick, 'out'));
    const folder = path.join(stick, 'out', 'x');
    const refusal = async (role: OutputRole, index?: number) =>
      toProblem(
        await refuseOutputThroughLink({ role, folder, ...(index ? { index } : {}) }).then(
          () => undefined,
          (error: unknown) => error,
        ),
      );
    expect((await refusal('custodian', 2)).message).toMatch(/^The folder of custodian 2 .* Nothing was generated\.$/);
    expect((await refusal('parameters')).message).toMatch(
      /^The import-parameters bundle folder .* Nothing was written\.$/,
    );
    expect((await refusal('onlineReceipt')).message).toMatch(/^The receipt folder .* Nothing was imported\.$/);
    expect((await refusal('restored')).message).toMatch(
      /^The folder for the restored key material .* Nothing was written\.$/,
    );
    const zh = translator('zh-CN').problem(await refusal('receipt'));
    expect(zh.message).toContain(`经过符号链接 ${path.join(stick, 'out')}，该链接指向 ${disk}`);
    expect(zh.nextStep).toContain('请指定介质上真实的文件夹');
  });

  it('allows root-owned links in the first component only (macOS /tmp → private/tmp, /var → private/var)', async () => {
    const rootLinks = [];
    for (const name of await readdir('/')) {
      const found = await lstat(path.join('/', name)).catch(() => undefined);
      if (found?.isSymbolicLink() && found.uid === 0) rootLinks.push(name);
    }
    // Where the system has one (usr-merged Linux: /bin → usr/bin), a folder under it is not refused.
    for (const name of rootLinks) await expect(bundle(path.join('/', name, 'kf-none', 'out'))).resolves.toBeUndefined();
  });
});
