/**
 * The application icon in every size and format the installers declare (electron-builder.yml):
 * the PNG set (Linux hicolor sizes, the window and About icon), icon.ico (Windows) and icon.icns
 * (macOS), each image checked by its own pixel size, read from the files as committed.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const yaml = fromBuilder('js-yaml') as { load: (text: string) => unknown };

interface BuilderIcons {
  linux: { icon: string };
  win: { icon: string };
  nsis: { installerIcon: string; uninstallerIcon: string };
  mac: { icon: string };
}

const config = async () => yaml.load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderIcons;

/** Width and height of a PNG, from its IHDR chunk; throws on anything that is not a PNG. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || png.subarray(12, 16).toString('latin1') !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The images of an ICO file: declared size and the size of the PNG it holds. */
function icoImages(ico: Buffer) {
  expect(ico.readUInt16LE(2)).toBe(1);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + 16 * index;
    const declared = ico.readUInt8(entry) || 256;
    const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
    return { declared, actual: pngSize(png).width };
  });
}

/** The entries of an ICNS file: type and the PNG's pixel size. */
function icnsImages(icns: Buffer) {
  expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const images: { type: string; size: number }[] = [];
  for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
    images.push({
      type: icns.subarray(at, at + 4).toString('latin1'),
      size: pngSize(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4))).width,
    });
  }
  return images;
}

describe('application icon', () => {
  it('has a drawn vector source', async () => {
    const svg = await readFile(path.join(root, 'assets/icon.svg'), 'utf8');
    expect(svg).toMatch(/<svg[^>]*viewBox="0 0 1024 1024"/);
  });

  it('Linux: a square PNG at every hicolor size, in the folder electron-builder.yml names', async () => {
    const folder = path.join(root, (await config()).linux.icon);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(await readFile(path.join(folder, `${size}x${size}.png`))), `${size}x${size}.png`).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it('Windows: the .ico holds 16 to 256 px, each image the size its entry declares', async () => {
    const { win, nsis } = await config();
    expect([nsis.installerIcon, nsis.uninstallerIcon]).toEqual([win.icon, win.icon]);
    const images = icoImages(await readFile(path.join(root, win.icon)));
    expect(images.map((image) => image.declared)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const image of images) expect(image.actual).toBe(image.declared);
  });

  it('macOS: the .icns holds every type from 16 to 1024 px (Retina included) at its size', async () => {
    const images = icnsImages(await readFile(path.join(root, (await config()).mac.icon)));
    expect(images).toEqual([
      { type: 'icp4', size: 16 },
      { type: 'icp5', size: 32 },
      { type: 'icp6', size: 64 },
      { type: 'ic07', size: 128 },
      { type: 'ic08', size: 256 },
      { type: 'ic09', size: 512 },
      { type: 'ic10', size: 1024 },
      { type: 'ic11', size: 32 },
      { type: 'ic12', size: 64 },
      { type: 'ic13', size: 256 },
      { type: 'ic14', size: 512 },
    ]);
  });
});
