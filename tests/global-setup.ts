/**
 * Runs once before the suite: builds the renderer the UI tests load (out/renderer), when UI tests
 * are part of the run and the renderer's sources changed since the last build (the UI harness
 * checks again, cheaply, so a UI test file run on its own is never served a stale build); and,
 * at the same time, makes the run's pool of test wrapping keys unless the cache holds it already
 * (tests/support/test-wrapping-keys.ts), and the `keyferry` bin's bundle of the CLI unless it is up to
 * date (tests/support/cli-bundle.ts).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureCliBundled } from './support/cli-bundle';
import { ensureTestWrappingKeys } from './support/test-wrapping-keys';
import { ensureRendererBuilt } from './ui/build-renderer';

/** True when the run includes a file of tests/ui (no filter: the whole suite). */
function runsUiTests(project: TestProject): boolean {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!filters || filters.length === 0) return true;
  const uiFiles = readdirSync(path.join(__dirname, 'ui'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(__dirname, 'ui', f));
  return uiFiles.some((file) =>
    filters.some((filter) => file.includes(filter) || path.relative(process.cwd(), file).includes(filter)),
  );
}

export default async function setup(project: TestProject): Promise<void> {
  await Promise.all([
    runsUiTests(project) ? ensureRendererBuilt() : undefined,
    ensureTestWrappingKeys(),
    ensureCliBundled(),
  ]);
}
