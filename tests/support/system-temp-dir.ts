/**
 * The system's temporary folder while the test run points TMPDIR at its own
 * (tests/support/run-temp-folder.ts): for a child that must see the machine as a user's command
 * would. Reads only, so a test file importing it still shares its worker (tests/support/isolation.ts).
 */
import os from 'node:os';

/** The variable that names the system's temporary folder (as it was before the run's). */
export const SYSTEM_TMPDIR = 'KEYFERRY_TESTS_SYSTEM_TMPDIR';

/**
 * The system's temporary folder, not the run's. electron-builder allows files outside the package
 * only under the temporary folder (and home), so packaging a checkout that lies under /tmp, as a
 * clean CI clone may, is refused when TMPDIR names the run's folder instead.
 */
export function systemTempDir(): string {
  return process.env[SYSTEM_TMPDIR] ?? os.tmpdir();
}
