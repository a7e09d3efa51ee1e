/**
 * The order test files start in when Vitest has not timed them (a fresh clone): the files expected
 * to be long (they drive a browser, walk ceremonies across processes or pack the app) first, within
 * each project, so no long file is left to run alone at the end.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedLong, longFirst } from './sequencer';

const TESTS = path.resolve(__dirname, '..');
const inTests = (file: string) => path.join(TESTS, file);

describe('the order test files start in', () => {
  it('expects the Chromium, integration and packaging files of this suite to be long, and unit files not', () => {
    for (const file of [
      'ui/rehearsal.test.ts',
      'ui/hundred-keys.test.ts',
      'core/receipt/cjk-font.print.test.ts',
      'core/custody/backup-print.test.ts',
      'integration/plaintext-hygiene.test.ts',
      'packaging/pack.test.ts',
    ])
      expect([file, expectedLong(inTests(file), TESTS)]).toEqual([file, true]);
    for (const file of ['core/hex-groups.test.ts', 'core/journal/journal.test.ts', 'support/isolation.test.ts'])
      expect([file, expectedLong(inTests(file), TESTS)]).toEqual([file, false]);
  });

  it('starts the long files first within each project, keeping projects in turn and each part in its order', () => {
    const files = [
      { project: 'isolated', name: 'mocks-big', long: false },
      { project: 'isolated', name: 'hsm-ui', long: true },
      { project: 'shared', name: 'unit-big', long: false },
      { project: 'shared', name: 'unit-small', long: false },
      { project: 'shared', name: 'rehearsal-ui', long: true },
      { project: 'shared', name: 'print', long: true },
    ];
    const order = longFirst(
      files,
      (f) => f.project,
      (f) => f.long,
    ).map((f) => f.name);
    expect(order).toEqual(['hsm-ui', 'mocks-big', 'rehearsal-ui', 'print', 'unit-big', 'unit-small']);
  });
});
