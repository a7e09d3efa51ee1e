/**
 * The `keyferry` bin runs the CLI as one file bundled by esbuild and kept in
 * node_modules/.cache/keyferry-cli/ (bin/keyferry.js). The global setup starts it once before the
 * test files, so that bundle exists before dozens of files start the CLI at the same moment and
 * each one would bundle it again.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'keyferry.js');

/** Runs `keyferry --version` (bundling the CLI first when its sources changed). */
export async function ensureCliBundled(): Promise<void> {
  await promisify(execFile)(process.execPath, [BIN, '--version']);
}
