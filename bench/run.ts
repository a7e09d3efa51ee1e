/**
 * `npm run bench`: runs every bench/*.bench.ts module in turn and prints its figures.
 * A bench module exports `name` and `run(print)`; figures are printed, never asserted.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { warmUpIntl } from '../src-main/i18n/intl-warm-up';

interface BenchModule {
  name: string;
  run(print: (line: string) => void): Promise<void>;
}

async function main(): Promise<void> {
  // The benches stand for the app's main process, which does this at start-up (src-main/app/main.ts).
  warmUpIntl();
  const only = process.argv.slice(2);
  const dir = path.resolve(__dirname);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  console.log(`Keyferry bench on Node ${process.version}, ${process.platform}/${process.arch}`);
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as BenchModule;
    console.log(`\n## ${mod.name}`);
    await mod.run((line) => console.log(`  ${line}`));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
