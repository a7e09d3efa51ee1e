/**
 * The renderer: its production bundle (sum of out/renderer, raw and gzip) and the time to first
 * screen in Debian's Chromium (navigation start to the start screen's heading, with the real
 * handlers answering app.info and network.status), median of several loads after a warm-up.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureRendererBuilt, RENDERER_OUT } from '../tests/ui/build-renderer';
import { openApp, PAGE_ORIGIN } from '../tests/ui/harness';
import { launchChromium } from '../tests/support/chromium';

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
  for (const file of await assets(RENDERER_OUT)) {
    const bytes = await fs.readFile(file);
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += zipped;
    print(
      `${path.relative(RENDERER_OUT, file).padEnd(28)} ${kib(bytes.length).padStart(10)} raw ${kib(zipped).padStart(10)} gzip`,
    );
  }
  print(`${'total'.padEnd(28)} ${kib(raw).padStart(10)} raw ${kib(gzip).padStart(10)} gzip`);

  const browser = await launchChromium();
  try {
    const ui = await openApp(browser);
    const heading = ui.page.getByRole('heading', { level: 1, name: 'Keyferry key ceremony' });
    await heading.waitFor();
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const start = process.hrtime.bigint();
      await ui.page.goto(`${PAGE_ORIGIN}/index.html`);
      await ui.page.getByText('Keyferry 0.1.0').waitFor();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    await ui.close();
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    print(
      `time to first screen (navigation → start screen with app info), ${LOADS} loads: median ${median.toFixed(0)} ms, min ${(times[0] ?? 0).toFixed(0)} ms, max ${(times[times.length - 1] ?? 0).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
  }
}
