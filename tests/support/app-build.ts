/**
 * Builds the whole app (main, preload, renderer: `electron-vite build`, the build `npm start` and
 * electron-builder use) into a folder of the test's own, never into out/: out/renderer is what
 * the UI tests serve, and a full build empties it. Takes the shared build lock.
 *
 * One build serves every test that asks for one from the same inputs (the packaging test, the
 * preload test, the Electron suite, and `test:node22` after `npm test`): it is built once into
 * node_modules/.cache/keyferry-test/app-build/<digest>, keyed by the sources, configuration,
 * lock file and git commit the build reads (the commit is baked into the build id), and copied
 * into each test's folder.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withBuildLock } from './build-lock';
import { inputsDigest } from './inputs-digest';

export const ROOT = path.resolve(__dirname, '../..');

const BUILD_CACHE = path.join(ROOT, 'node_modules', '.cache', 'keyferry-test', 'app-build');
/** Everything the build reads from the tree: folders walked whole, then single files. */
const INPUT_DIRS = ['src-main', 'src-renderer', 'assets'];
const INPUT_FILES = [
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
];

/** The digest of the build's inputs, the git commit and KEYFERRY_BUILD (both end up in the build id). */
export async function appInputsDigest(): Promise<string> {
  let commit = 'no-git';
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  } catch {
    // not a git checkout: the build id is "dev" then
  }
  return inputsDigest(ROOT, INPUT_DIRS, INPUT_FILES, [commit.trim(), process.env.KEYFERRY_BUILD ?? '']);
}

function electronViteBuild(outDir: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'production', KEYFERRY_OUT_DIR: outDir },
        timeout: 300_000,
      },
      (error, stdout, stderr) =>
        error ? reject(new Error(`electron-vite build failed:\n${stdout}${stderr}`)) : resolve(),
    );
    child.stdin?.end();
  });
}

/**
 * Builds the app into `<stage>/out` (or copies the build of the same inputs) and copies
 * package.json next to it, so `stage` is an app folder Electron can run (`electron <stage>`) and
 * electron-builder can pack (--projectDir).
 */
export async function buildAppInto(stage: string): Promise<void> {
  await mkdir(stage, { recursive: true });
  const digest = await appInputsDigest();
  const built = path.join(BUILD_CACHE, digest);
  await withBuildLock(async () => {
    if (existsSync(path.join(built, 'complete'))) return;
    // Builds of other inputs are stale: only the newest is kept.
    await rm(BUILD_CACHE, { recursive: true, force: true });
    await electronViteBuild(path.join(built, 'out'));
    await writeFile(path.join(built, 'complete'), `${new Date().toISOString()}\n`);
  });
  await cp(path.join(built, 'out'), path.join(stage, 'out'), { recursive: true });
  await copyFile(path.join(ROOT, 'package.json'), path.join(stage, 'package.json'));
}
