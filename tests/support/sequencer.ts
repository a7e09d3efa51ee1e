/**
 * The order test files start in (vitest.config.ts's sequence.sequencer): the long ones first, so
 * that the run does not end with one long file on one core while the other core has nothing left.
 * Vitest orders a file it has timed by its last duration (longest first), but a fresh clone (the
 * CI) has no timings and Vitest then starts the largest files first: a 40-second Chromium file of
 * 150 lines started among the last and ran on alone. A file expected to be long is one that drives
 * a browser (tests/support/chromium.ts), walks whole ceremonies across processes
 * (tests/integration) or packs the app (tests/packaging): read from the file, so a new file is
 * placed without anyone listing it. Long files go first within each project, each part in Vitest's
 * own order (projects in turn, timed files by duration, the others by size); a run whose every file
 * Vitest has timed keeps Vitest's order.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { drivesABrowser } from './chromium';

/** Folders (under tests/) whose files walk whole ceremonies across processes or pack the app. */
const LONG_FOLDERS = ['integration', 'packaging'];

/** True when the test file at `file` (absolute) is expected to be among the long ones. */
export function expectedLong(file: string, testsDir: string): boolean {
  const [folder] = path.relative(testsDir, file).split(path.sep);
  return LONG_FOLDERS.includes(folder ?? '') || drivesABrowser(readFileSync(file, 'utf8'));
}

/** `files` with those `isLong` picks first, each part in its given order, projects kept in turn. */
export function longFirst<T>(files: readonly T[], project: (file: T) => string, isLong: (file: T) => boolean): T[] {
  const rank = new Map(files.map((file) => [file, isLong(file) ? 0 : 1]));
  const projects = [...new Set(files.map(project))];
  return [...files].sort(
    (a, b) => projects.indexOf(project(a)) - projects.indexOf(project(b)) || (rank.get(a) ?? 1) - (rank.get(b) ?? 1),
  );
}

/** Vitest's order when it has timed every file; otherwise the files expected to be long first. */
export class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { root } = this.ctx.config;
    const sorted = await super.sort(files);
    const timed = (spec: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${spec.project.name}:${path.relative(root, spec.moduleId)}`) !== undefined;
    if (sorted.every(timed)) return sorted;
    const testsDir = path.join(root, 'tests');
    return longFirst(
      sorted,
      (spec) => spec.project.name,
      (spec) => expectedLong(spec.moduleId, testsDir),
    );
  }
}
