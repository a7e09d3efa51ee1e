/**
 * electron-builder packs the app for real here: `electron-builder --linux dir deb` on a fresh
 * build of this tree, against a stand-in Electron dist (./stand-in-electron.ts: no download) and
 * with fpm (the deb writer electron-builder would download) replaced by a recorder of the
 * arguments electron-builder gives it. Asserts what a security team receives: the asar's exact
 * contents, the flipped fuses, the licence, the deb's metadata and icons, and that every icon
 * exists at every size the installers declare.
 */
import { execFile } from 'node:child_process';
import { systemTempDir } from '../support/system-temp-dir';
import { chmod, cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asarHeaderDigest } from '../../src-main/core/software/code-identity';
import { buildAppInto, ROOT } from '../support/app-build';
import { writeStandInElectronDist } from './stand-in-electron';

const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const { getCurrentFuseWire } = fromBuilder('@electron/fuses') as {
  getCurrentFuseWire(file: string): Promise<Record<string, number | string>>;
};
const { computeData } = fromBuilder('./out/asar/integrity.js') as {
  computeData(options: {
    resourcesPath: string;
    resourcesRelativePath: string;
  }): Promise<Record<string, { algorithm: string; hash: string }>>;
};
const ELECTRON_VERSION = (
  JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  }
).devDependencies.electron as string;

interface AsarTool {
  asarIntegrityHash(file: string): Promise<string>;
  listAsarFiles(file: string): Promise<string[]>;
}

let work: string;
let stage: string;
let unpacked: string;
let fpmArgs: string[];
let packMs: number;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: stage, env, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${command} failed:\n${stdout}${stderr}`)) : resolve(stdout + stderr),
    );
  });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'keyferry-pack-'));
  stage = path.join(work, 'app');
  await buildAppInto(stage);
  for (const file of ['electron-builder.yml', 'LICENSE']) await cp(path.join(ROOT, file), path.join(stage, file));
  await cp(path.join(ROOT, 'assets'), path.join(stage, 'assets'), { recursive: true });
  // Runtime dependencies (pkcs11js, the native PKCS#11 binding) are collected from here.
  await symlink(path.join(ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  const dist = path.join(work, 'electron-dist');
  await writeStandInElectronDist(dist, ELECTRON_VERSION);
  // fpm stand-in: records its arguments and writes the package file it was asked for.
  const fpm = path.join(work, 'fpm');
  await writeFile(
    fpm,
    `#!${process.execPath}\nconst args = process.argv.slice(2);\nrequire('node:fs').writeFileSync(${JSON.stringify(
      path.join(work, 'fpm-args.json'),
    )}, JSON.stringify(args));\nrequire('node:fs').writeFileSync(args[args.indexOf('--package') + 1], 'deb');\n`,
  );
  await chmod(fpm, 0o755);
  const started = Date.now();
  await run(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      'deb',
      '--projectDir',
      stage,
      `-c.electronDist=${dist}`,
      `-c.electronVersion=${ELECTRON_VERSION}`,
    ],
    // The system's temporary folder, as `npm run package:linux` sees it (run-temp-folder.ts says why).
    { ...process.env, TMPDIR: systemTempDir(), CUSTOM_FPM_PATH: fpm, CI: 'true' },
  );
  packMs = Date.now() - started;
  unpacked = path.join(stage, 'release/linux-unpacked');
  fpmArgs = JSON.parse(await readFile(path.join(work, 'fpm-args.json'), 'utf8')) as string[];
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const asarTool = () => import(path.join(ROOT, 'scripts/asar-integrity.mjs')) as Promise<AsarTool>;
/** The value following `--name` in fpm's arguments. */
const fpmOption = (name: string) => fpmArgs[fpmArgs.indexOf(`--${name}`) + 1];

describe('the packaged app (electron-builder --linux dir, stand-in Electron)', () => {
  it('app.asar holds only the build output, package.json and pkcs11js (no sources or build leftovers): no maps', async () => {
    const files = await (await asarTool()).listAsarFiles(path.join(unpacked, 'resources/app.asar'));
    console.info(`app.asar: ${files.length} files, packed in ${packMs} ms`);
    expect(files).toContain('package.json');
    expect(files).toEqual(
      expect.arrayContaining(['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']),
    );
    const outside = files.filter((file) => !/^out\/(main|preload|renderer)\//.test(file) && file !== 'package.json');
    // The one runtime dependency, the PKCS#11 binding: listed in the header, stored unpacked (next test).
    expect(outside.sort()).toEqual([
      'node_modules/pkcs11js/LICENSE',
      'node_modules/pkcs11js/build/Release/pkcs11.node',
      'node_modules/pkcs11js/index.js',
      'node_modules/pkcs11js/package.json',
    ]);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    // Besides the build, only the Noto Sans SC chunks (woff2, one per Unicode range) the renderer ships.
    const fontChunks = files.filter((file) => /^out\/renderer\/assets\/noto-sans-sc-[\w-]+\.woff2$/.test(file));
    expect(fontChunks.length).toBeGreaterThan(90);
    expect(files.length - fontChunks.length).toBeLessThan(24);
  });

  it('unpacks pkcs11js next to the asar, its addon byte for byte the one npm ci built, and it loads by path and talks to a PKCS#11 module', async () => {
    const unpackedDir = path.join(unpacked, 'resources/app.asar.unpacked');
    const shipped = (await readdir(unpackedDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(unpackedDir, path.join(e.parentPath, e.name)));
    // electron-builder unpacks the whole package of a native file (the asar header marks them unpacked).
    expect(shipped.sort()).toEqual([
      'node_modules/pkcs11js/LICENSE',
      'node_modules/pkcs11js/build/Release/pkcs11.node',
      'node_modules/pkcs11js/index.js',
      'node_modules/pkcs11js/package.json',
    ]);
    const addon = path.join(unpackedDir, 'node_modules/pkcs11js/build/Release/pkcs11.node');
    expect(await readFile(addon)).toEqual(
      await readFile(path.join(ROOT, 'node_modules/pkcs11js/build/Release/pkcs11.node')),
    );
    // A fresh Node process loads the shipped file by its path (as Electron does through the asar's
    // unpacked redirect) and drives SoftHSM's library with it: the addon is complete and N-API.
    const probe = `const { PKCS11 } = require(${JSON.stringify(addon)});
const lib = new PKCS11();
lib.load('/usr/lib/softhsm/libsofthsm2.so');
lib.C_Initialize();
const info = lib.C_GetInfo();
lib.C_Finalize();
process.stdout.write(JSON.stringify({ manufacturer: info.manufacturerID.trim(), cryptoki: info.cryptokiVersion }));`;
    const out = await run(process.execPath, ['-e', probe], { ...process.env });
    expect(JSON.parse(out)).toEqual({ manufacturer: 'SoftHSM', cryptoki: { major: 2, minor: 40 } });
  });

  it('flips the security fuses in the packaged executable', async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked, 'keyferry'));
    const on = '1'.charCodeAt(0);
    const off = '0'.charCodeAt(0);
    expect(wire).toEqual({
      version: '1',
      0: off, // runAsNode
      1: on, // enableCookieEncryption
      2: off, // enableNodeOptionsEnvironmentVariable
      3: off, // enableNodeCliInspectArguments
      4: on, // enableEmbeddedAsarIntegrityValidation
      5: on, // onlyLoadAppFromAsar
      6: off, // loadBrowserProcessSpecificV8Snapshot
      7: off, // grantFileProtocolExtraPrivileges
    });
  });

  it('the asar integrity hash: scripts/asar-integrity.mjs, electron-builder (embedded on macOS/Windows) and the receipts agree', async () => {
    const computed = await computeData({
      resourcesPath: path.join(unpacked, 'resources'),
      resourcesRelativePath: 'Resources',
    });
    const ours = await (await asarTool()).asarIntegrityHash(path.join(unpacked, 'resources/app.asar'));
    expect(computed['Resources/app.asar']).toEqual({ algorithm: 'SHA256', hash: ours });
    expect(ours).toMatch(/^[0-9a-f]{64}$/);
    // …and the digest the app records on journals and receipts when packaged (software identity).
    expect(asarHeaderDigest(path.join(unpacked, 'resources/app.asar'))).toBe(ours);
  });

  it('ships the Chinese receipt font and its subsetter next to the asar, and they cut a glyph', async () => {
    const fonts = path.join(unpacked, 'resources/fonts');
    const css = await readFile(path.join(fonts, '400.css'), 'utf8');
    const chunks = [...css.matchAll(/url\(\.\/files\/([\w-]+\.woff)\)/g)].map((m) => m[1] as string);
    expect(chunks.length).toBeGreaterThan(90);
    const shipped = new Set(await readdir(path.join(fonts, 'files')));
    expect(chunks.filter((c) => !shipped.has(c))).toEqual([]);
    expect(await readFile(path.join(fonts, 'LICENSE'), 'utf8')).toContain('SIL Open Font License');
    // What cjk-font.ts does with them when packaged: the chunk holding 张, unpacked and cut to it.
    const covers = (rule: string, cp: number) =>
      (/unicode-range:\s*([^;]+);/.exec(rule)?.[1] ?? '').split(',').some((part) => {
        const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
        return cp >= parseInt(from ?? '', 16) && cp <= parseInt(to ?? from ?? '', 16);
      });
    const rule = css.split('@font-face').find((r) => covers(r, 0x5f20));
    expect(rule).toBeDefined();
    const { woffToSfnt, subsetFont } = await import('../../src-main/core/receipt/cjk-font');
    const file = /url\(\.\/files\/([\w-]+\.woff)\)/.exec(rule ?? '')?.[1] ?? '';
    const cut = subsetFont(woffToSfnt(await readFile(path.join(fonts, 'files', file))), [0x5f20]);
    expect(cut.readUInt32BE(0)).toBe(0x00010000);
    expect(
      (await readFile(path.join(fonts, 'harfbuzz-subset.wasm')).then((b) => b.subarray(0, 4))).toString('latin1'),
    ).toBe('\0asm');
  });

  it('ships the licence next to the asar', async () => {
    expect(await readFile(path.join(unpacked, 'resources/LICENSE.txt'), 'utf8')).toBe(
      await readFile(path.join(ROOT, 'LICENSE'), 'utf8'),
    );
  });
});

describe('the deb electron-builder writes (fpm arguments)', () => {
  it('names the package, maintainer, homepage, licence, and describes it', () => {
    expect(fpmOption('name')).toBe('keyferry');
    expect(fpmOption('maintainer')).toBe('Keyferry maintainers <maintainers@keyferry.io>');
    expect(fpmOption('vendor')).toBe('Keyferry maintainers');
    expect(fpmOption('url')).toBe('https://github.com/keyferry/keyferry');
    expect(fpmOption('license')).toBe('Apache-2.0');
    expect(fpmOption('version')).toMatch(/^\d+\.\d+\.\d+/);
    expect(fpmOption('deb-priority')).toBe('optional');
    expect(fpmOption('category')).toBe('utils');
    expect(fpmOption('description')).toMatch(/^BYOK key ceremonies across an air gap\n .*air gap into a cloud KMS/s);
  });

  it('depends on the libraries Electron needs, libsecret included (the OS keychain for remembered credentials)', () => {
    const depends = fpmArgs.flatMap((arg, index) => (arg === '-d' ? [fpmArgs[index + 1]] : []));
    expect(depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libsecret-1-0']));
  });

  it('installs the app under /opt and an icon at every hicolor size, plus a desktop entry', () => {
    const mappings = fpmArgs.filter((arg) => arg.includes('=/'));
    expect(mappings).toContain(`${path.join(stage, 'release/linux-unpacked')}/=/opt/Keyferry`);
    const icons = mappings.filter((arg) => arg.includes('/usr/share/icons/hicolor/')).map((arg) => arg.split('=')[1]);
    expect(icons.sort()).toEqual(
      [16, 24, 32, 48, 64, 128, 256, 512, 1024]
        .map((size) => `/usr/share/icons/hicolor/${size}x${size}/apps/keyferry.png`)
        .sort(),
    );
    expect(mappings.some((arg) => arg.endsWith('=/usr/share/applications/keyferry.desktop'))).toBe(true);
  });
});
