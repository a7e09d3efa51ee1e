/**
 * Builds the whole app (main, preload, renderer: `electron-vite build`, the build `npm start` and
 * electron-builder use) into a folder of the test's own, never into out/: out/renderer is what
 * the UI tests serve, and a full build empties it. Takes the shared build lock.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { withBuildLock } from './build-lock';

export const ROOT = path.resolve(__dirname, '../..');

/**
 * Builds the app into `<stage>/out` and copies package.json next to it, so `stage` is an app
 * folder Electron can run (`electron <stage>`) and electron-builder can pack (--projectDir).
 */
export async function buildAppInto(stage: string): Promise<void> {
  await mkdir(stage, { recursive: true });
  await withBuildLock(
    () =>
      new Promise<void>((resolve, reject) => {
        const child = execFile(
          process.execPath,
          [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
          {
            cwd: ROOT,
            env: { ...process.env, NODE_ENV: 'production', KEYFERRY_OUT_DIR: path.join(stage, 'out') },
            timeout: 300_000,
          },
          (error, stdout, stderr) =>
            error ? reject(new Error(`electron-vite build failed:\n${stdout}${stderr}`)) : resolve(),
        );
        child.stdin?.end();
      }),
  );
  await copyFile(path.join(ROOT, 'package.json'), path.join(stage, 'package.json'));
}
