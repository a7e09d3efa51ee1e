/**
 * `npm start` (scripts/start.mjs), run as a real process in a temporary copy of the project
 * layout, so the test controls whether an Electron runtime "exists" without touching node_modules.
 */
import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A project folder with the real start script, an electron package without binary, and a build tool that records its calls. */
async function projectWithoutRuntime(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'keyferry-start-'));
  folders.push(root);
  await mkdir(path.join(root, 'scripts'));
  await copyFile(path.join(repoRoot, 'scripts/start.mjs'), path.join(root, 'scripts/start.mjs'));
  const electron = path.join(root, 'node_modules/electron');
  await mkdir(electron, { recursive: true });
  await writeFile(path.join(electron, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  await writeFile(path.join(electron, 'install.js'), 'throw new Error("the test must never download Electron");');
  await mkdir(path.join(root, 'node_modules/.bin'));
  await writeFile(path.join(root, 'node_modules/.bin/install-electron'), '');
  const viteBin = path.join(root, 'node_modules/electron-vite/bin');
  await mkdir(viteBin, { recursive: true });
  await writeFile(
    path.join(viteBin, 'electron-vite.js'),
    `require('node:fs').appendFileSync(${JSON.stringify(path.join(root, 'calls.log'))}, 'build ' + process.argv.slice(2).join(' ') + '\\n');`,
  );
  return root;
}

function runStart(root: string, env: Record<string, string> = {}) {
  const started = Date.now();
  return new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: root, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

async function calls(root: string): Promise<string> {
  return readFile(path.join(root, 'calls.log'), 'utf8').catch(() => '');
}

describe('npm start without an Electron runtime', () => {
  it('exits non-zero within seconds, before building, with three plain lines', async () => {
    const root = await projectWithoutRuntime();
    const result = await runStart(root);
    expect(result.code).not.toBe(0);
    expect(result.ms).toBeLessThan(10_000);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/no Electron runtime is installed/);
    expect(lines[1]).toContain('node node_modules/electron/install.js');
    expect(lines[1]).toContain('npx install-electron');
    expect(lines[2]).toContain('npm run -s keyferry -- rehearse');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await calls(root)).toBe('');
  });

  it('says the same when path.txt exists but the binary was never downloaded', async () => {
    const root = await projectWithoutRuntime();
    await writeFile(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    const result = await runStart(root);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/no Electron runtime is installed/);
    expect(await calls(root)).toBe('');
  });

  it('names ELECTRON_OVERRIDE_DIST_PATH when it points at a folder without Electron', async () => {
    const root = await projectWithoutRuntime();
    const empty = path.join(root, 'empty-dist');
    await mkdir(empty);
    const result = await runStart(root, { ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`ELECTRON_OVERRIDE_DIST_PATH (${empty})`);
    expect(await calls(root)).toBe('');
  });
});

describe.skipIf(process.platform === 'win32')('npm start with an Electron runtime', () => {
  it('builds first, then launches the runtime on the project and passes its exit code through', async () => {
    const root = await projectWithoutRuntime();
    const dist = path.join(root, 'node_modules/electron/dist');
    await mkdir(dist);
    await writeFile(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    // A stand-in executable where the Electron binary would be: records its arguments, exits 7.
    await writeFile(
      path.join(dist, 'electron'),
      `#!/bin/sh\necho "launch $*" >> "${path.join(root, 'calls.log')}"\nexit 7\n`,
    );
    await chmod(path.join(dist, 'electron'), 0o755);
    const result = await runStart(root);
    expect(result.code).toBe(7);
    expect(await calls(root)).toBe('build build\nlaunch .\n');
  });
});
