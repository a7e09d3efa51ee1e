/** What a person reads in the About panel, and where they find it in the menu. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aboutPanelOptions } from '../../src-main/app/about';
import { menuTemplate } from '../../src-main/app/menu-template';

const root = path.resolve(__dirname, '../..');

describe('About Keyferry', () => {
  const about = aboutPanelOptions({
    name: 'Keyferry',
    version: '0.1.0',
    build: 'git.0123456789ab',
    iconPath: '/i.png',
  });

  it('names the app, its version and build, and the licence shipped with it', async () => {
    expect(about).toMatchObject({ applicationName: 'Keyferry', applicationVersion: '0.1.0 (build git.0123456789ab)' });
    expect(about.copyright).toMatch(/Licensed under the Apache License 2\.0; the full text is LICENSE\.txt/);
    expect(await readFile(path.join(root, 'LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
  });

  it('shows the project address and maintainers from package.json, and the app icon', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      homepage: string;
      license: string;
      author: { name: string };
    };
    expect(pkg.license).toBe('Apache-2.0');
    expect(about).toMatchObject({ website: pkg.homepage, authors: [pkg.author.name], iconPath: '/i.png' });
    expect(about.credits).toContain(pkg.homepage);
  });

  it('speaks the language the officer chose: the version, licence and description in Chinese', () => {
    const zh = aboutPanelOptions(
      { name: 'Keyferry', version: '0.1.0', build: 'git.0123456789ab', iconPath: '/i.png' },
      'zh-CN',
    );
    expect(zh.applicationVersion).toBe('0.1.0（构建 git.0123456789ab）');
    expect(zh.copyright).toContain('依据 Apache License 2.0 授权');
    expect(zh.copyright).toContain('LICENSE.txt');
    expect(zh.credits).toMatch(/^跨物理隔离将自带密钥/);
    expect(zh.credits).toContain(about.website);
    // Names, addresses and the build stay as they are; every sentence around them is Chinese.
    for (const text of [zh.applicationVersion, zh.copyright, zh.credits])
      expect(text?.replace(/Apache License 2\.0|LICENSE\.txt|https:\S+|Keyferry|KMS|BYOK/g, '')).not.toMatch(
        /[A-Za-z]{3,}\s+[A-Za-z]{3,}/,
      );
  });

  it('is reachable from the menu on every platform: Help on Windows and Linux, the app menu on macOS', () => {
    const roles = (platform: NodeJS.Platform) =>
      menuTemplate(platform).flatMap((menu) =>
        Array.isArray(menu.submenu) ? menu.submenu.map((item) => `${menu.label}/${item.role ?? ''}`) : [],
      );
    expect(roles('linux')).toContain('Help/about');
    expect(roles('win32')).toContain('Help/about');
    expect(roles('darwin')).toContain('Keyferry/about');
  });
});
