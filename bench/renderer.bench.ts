/**
 * The renderer: its production bundle (sum of out/renderer, raw and gzip) and the time to first
 * screen in Debian's Chromium (navigation start to the start screen's heading, with the real
 * handlers answering app.info and network.status), median of several loads after a warm-up, in
 * each language (English, and Simplified Chinese, whose glyphs come from the shipped Noto Sans SC).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureRendererBuilt, RENDERER_OUT } from '../tests/ui/build-renderer';
import { openApp, PAGE_ORIGIN } from '../tests/ui/harness';
import { launchChromium } from '../tests/support/chromium';
import { translator } from '../src-main/i18n/translate';

export const name = 'renderer';

const LOADS = 9;

async function assets(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export async function run(print: (line: string) => void): Promise<void> {
  const built = await ensureRendererBuilt();
  print(`out/renderer ${built ? 'built now' : 'up to date'}`);
  let raw = 0;
  let gzip = 0;
  let fontRaw = 0;
  let fontFiles = 0;
  for (const file of await assets(RENDERER_OUT)) {
    const bytes = await fs.readFile(file);
    if (file.endsWith('.woff2')) {
      // The Noto Sans SC chunks (already compressed): summed, not listed one by one.
      fontRaw += bytes.length;
      fontFiles += 1;
      continue;
    }
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += zipped;
    print(
      `${path.relative(RENDERER_OUT, file).padEnd(28)} ${kib(bytes.length).padStart(10)} raw ${kib(zipped).padStart(10)} gzip`,
    );
  }
  print(`${'total without fonts'.padEnd(28)} ${kib(raw).padStart(10)} raw ${kib(gzip).padStart(10)} gzip`);
  print(`${`Noto Sans SC (${fontFiles} woff2)`.padEnd(28)} ${kib(fontRaw).padStart(10)} raw (loaded per chunk on use)`);

  const browser = await launchChromium();
  try {
    for (const locale of ['en', 'zh-CN'] as const) {
      const ui = await openApp(browser, { locale });
      const heading = ui.page.getByRole('heading', { level: 1, name: translator(locale).t('start.heading') });
      await heading.waitFor();
      const times: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const start = process.hrtime.bigint();
        await ui.page.goto(`${PAGE_ORIGIN}/index.html`);
        await ui.page.getByText(/Keyferry 0\.1\.0/).waitFor();
        // The screen counts as shown once its fonts (Noto Sans SC chunks for Chinese) have loaded.
        await ui.page.evaluate('document.fonts.ready.then(() => true)');
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      await ui.close();
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] ?? 0;
      print(
        `time to first screen [${locale}] (navigation → start screen with app info and fonts), ${LOADS} loads: median ${median.toFixed(0)} ms, min ${(times[0] ?? 0).toFixed(0)} ms, max ${(times[times.length - 1] ?? 0).toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
  }
}
