/**
 * Runs once before the suite: builds the renderer the UI tests load (out/renderer), when UI tests
 * are part of the run and the renderer's sources changed since the last build (the UI harness
 * checks again, cheaply, so a UI test file run on its own is never served a stale build); and,
 * at the same time, checks the committed test wrapping keys (tests/support/test-wrapping-keys.ts),
 * and makes the `keyferry` bin's bundle of the CLI unless it is up to
 * date (tests/support/cli-bundle.ts); and the run's one Chromium, as a browser server every test process
 * connects to (tests/support/chromium.ts), when the run includes a file that drives a browser. First
 * of all it points TMPDIR at the run's own temporary folder (tests/support/run-temp-folder.ts). The
 * teardown stops Chromium and removes that folder.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { anyDrivesABrowser, CHROMIUM_ENDPOINT, startChromiumServer } from './support/chromium';
import { ensureCliBundled } from './support/cli-bundle';
import { useRunTempFolder } from './support/run-temp-folder';
import { ensureTestWrappingKeys } from './support/test-wrapping-keys';
import { ensureRendererBuilt } from './ui/build-renderer';

/** The run's name filters (none: the whole suite). */
function filtersOf(project: TestProject): string[] {
  return (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? [];
}

/** The test files under `folder` (relative to tests/) that the run's filters select. */
function selectedFiles(project: TestProject, folder: string): string[] {
  const filters = filtersOf(project);
  return readdirSync(path.join(__dirname, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(__dirname, folder, f))
    .filter((file) =>
      filters.some((filter) => file.includes(filter) || path.relative(process.cwd(), file).includes(filter)),
    );
}

/** True when the run includes a file of tests/ui (no filter: the whole suite). */
function runsUiTests(project: TestProject): boolean {
  return filtersOf(project).length === 0 || selectedFiles(project, 'ui').length > 0;
}

/** True when the run includes a file that drives a browser (no filter: the whole suite). */
function drivesABrowser(project: TestProject): boolean {
  return filtersOf(project).length === 0 || anyDrivesABrowser(selectedFiles(project, '.'));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const removeRunTempFolder = useRunTempFolder();
  ensureTestWrappingKeys();
  const [, , browserServer] = await Promise.all([
    runsUiTests(project) ? ensureRendererBuilt() : undefined,
    ensureCliBundled(),
    drivesABrowser(project) ? startChromiumServer() : undefined,
  ]);
  if (browserServer) project.provide(CHROMIUM_ENDPOINT, browserServer.wsEndpoint());
  return async () => {
    await browserServer?.close();
    removeRunTempFolder();
  };
}
