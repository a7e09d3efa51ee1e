/**
 * Command-line switches a packaged Keyferry refuses to start with: each one opens a debugging
 * door (Chromium's DevTools protocol, Node's inspector) through which any local program could
 * read the main process's memory or drive the window, DevTools setting or not. Pure, so tests
 * pin it; main.ts applies it to `process.argv` when `app.isPackaged`. The unpackaged build
 * (development, Playwright's e2e suite) keeps them.
 */

const DEBUGGING_SWITCHES = new Set([
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
]);

/**
 * Returns the debugging switches present in `argv` (their names, lower-cased). Accepts the
 * spellings Chromium and Node accept: `--name`, `-name`, `--name=value`, and `/name` on Windows.
 */
export function findDebuggingSwitches(argv: readonly string[], platform: NodeJS.Platform = process.platform): string[] {
  const found = new Set<string>();
  for (const arg of argv) {
    const match = /^(?:--?|\/)([A-Za-z][A-Za-z0-9-]*)(?:=|$)/.exec(arg);
    if (!match?.[1] || (arg.startsWith('/') && platform !== 'win32')) continue;
    const name = match[1].toLowerCase();
    if (DEBUGGING_SWITCHES.has(name)) found.add(name);
  }
  return [...found];
}
