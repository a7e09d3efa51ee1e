/**
 * Builds the renderer (out/renderer) for the UI tests and the bench, with the renderer section
 * of electron.vite.config.ts (the same config the app is built with), only when its inputs
 * changed since the last build. The shared build lock (tests/support/build-lock.ts) keeps two
 * test processes from building at once.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { withBuildLock } from '../support/build-lock';
import { inputsDigest } from '../support/inputs-digest';
import { RENDERER_ENTRIES, RENDERER_INPUT_DIRS, RENDERER_SAFE_CORE } from '../support/renderer-sources';

export const ROOT = path.resolve(__dirname, '../..');
export const RENDERER_OUT = path.join(ROOT, 'out', 'renderer');
const STAMP = path.join(ROOT, 'out', '.renderer-inputs.sha256');
/** The src-main files the renderer compiles outside RENDERER_INPUT_DIRS, and the build's own settings. */
const INPUT_FILES = [...RENDERER_ENTRIES, ...RENDERER_SAFE_CORE, 'electron.vite.config.ts', 'package-lock.json'];

/** SHA-256 over the names and contents of everything the renderer build reads. */
export function rendererInputsDigest(): Promise<string> {
  return inputsDigest(ROOT, RENDERER_INPUT_DIRS, INPUT_FILES);
}

/**
 * Runs the Vite build of the renderer section of electron.vite.config.ts in THIS process. It must
 * run with NODE_ENV=production (Vitest sets NODE_ENV=test, which would give React's development
 * JSX runtime), so tests call ensureRendererBuilt, which runs it in a child process.
 */
export async function buildRenderer(): Promise<void> {
  const [{ build }, configModule] = await Promise.all([import('vite'), import('../../electron.vite.config')]);
  const config = configModule.default as { renderer?: Record<string, unknown> };
  if (!config.renderer) throw new Error('electron.vite.config.ts has no renderer section.');
  await build({ ...config.renderer, mode: 'production', configFile: false, logLevel: 'warn' });
}

/** Builds out/renderer unless it was built from exactly the current inputs. Returns whether it built. */
export async function ensureRendererBuilt(): Promise<boolean> {
  return withBuildLock(async () => {
    const digest = await rendererInputsDigest();
    const stamp = await fs.readFile(STAMP, 'utf8').catch(() => '');
    if (stamp.trim() === digest && existsSync(path.join(RENDERER_OUT, 'index.html'))) return false;
    await new Promise<void>((resolve, reject) => {
      const child = execFile(
        path.join(ROOT, 'node_modules', '.bin', 'tsx'),
        [path.join(__dirname, 'build-renderer-main.ts')],
        { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, timeout: 300_000 },
        (error, _stdout, stderr) =>
          error ? reject(new Error(`The renderer build failed: ${stderr || error.message}`)) : resolve(),
      );
      child.stdin?.end();
    });
    await fs.writeFile(STAMP, `${digest}\n`);
    return true;
  });
}
