#!/usr/bin/env node
// `npm run icons`: renders assets/icon.svg (the one drawn source) into every icon the app and
// its installers use, and writes them next to it (the generated files are committed):
//   assets/icons/<N>x<N>.png  Linux (deb, AppImage: hicolor sizes), window and About icon
//   assets/icon.ico           Windows (NSIS, the .exe), 16-256 px
//   assets/icon.icns          macOS (dmg, the .app), 16-1024 px
// Renders with Chromium (playwright-core driving /usr/bin/chromium, or CHROMIUM_PATH) on a
// transparent page, so the rounded corners stay transparent.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { encodeIcns, encodeIco, ICNS_TYPES } from './icon-containers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assets = path.join(root, 'assets');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

async function main() {
  const svg = await readFile(path.join(assets, 'icon.svg'));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  const pngs = new Map();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of PNG_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">` +
          `<img src="data:image/svg+xml;base64,${svg.toString('base64')}" width="${size}" height="${size}" style="display:block">` +
          `</body></html>`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      pngs.set(size, await page.screenshot({ omitBackground: true, type: 'png' }));
    }
  } finally {
    await browser.close();
  }
  await mkdir(path.join(assets, 'icons'), { recursive: true });
  for (const [size, png] of pngs) await writeFile(path.join(assets, 'icons', `${size}x${size}.png`), png);
  await writeFile(path.join(assets, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  await writeFile(
    path.join(assets, 'icon.icns'),
    encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size) }))),
  );
  console.log(
    `icons: ${PNG_SIZES.join(', ')} px PNG; icon.ico ${ICO_SIZES.join('/')}; icon.icns ${ICNS_TYPES.map(([t, s]) => `${t} ${s}`).join(', ')}`,
  );
}

await main();
