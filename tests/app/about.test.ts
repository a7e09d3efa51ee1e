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
