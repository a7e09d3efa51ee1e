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

/** Electron's installer (node_modules/electron/install.js), stubbed: what it does on a connected machine or without network. */
type Installer = 'never-called' | 'connected' | 'offline';

/** A stand-in runtime at dist/electron: records its arguments, exits 7. */
function standInRuntime(calls: string): string {
  return `#!/bin/sh\necho "launch $*" >> "${calls}"\nexit 7\n`;
}

function installerStub(kind: Installer, root: string): string {
  const calls = path.join(root, 'calls.log');
  const record = `require('node:fs').appendFileSync(${JSON.stringify(calls)}, 'install\\n');`;
  switch (kind) {
    case 'never-called':
      return 'throw new Error("the test must never download Electron");';
    case 'connected': // as install.js does after downloading: dist/<binary> and path.txt
      return `${record}
const fs = require('node:fs'); const path = require('node:path');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), ${JSON.stringify(standInRuntime(calls))}, { mode: 0o755 });
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
console.log('Downloaded Electron 45.5.0');`;
    case 'offline': // what @electron/get prints without network, then exit 1
      return `${record}
console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async FetchDownloader.download');
process.exit(1);`;
  }
}

/** A project folder with the real start script, an electron package without binary, and a build tool that records its calls. */
async function projectWithoutRuntime(installer: Installer = 'never-called'): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'keyferry-start-'));
  folders.push(root);
  await mkdir(path.join(root, 'scripts'));
  await copyFile(path.join(repoRoot, 'scripts/start.mjs'), path.join(root, 'scripts/start.mjs'));
  const electron = path.join(root, 'node_modules/electron');
  await mkdir(electron, { recursive: true });
  await writeFile(path.join(electron, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  await writeFile(path.join(electron, 'install.js'), installerStub(installer, root));
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

describe('npm start without an Electron runtime and without network', () => {
  it('tries Electron’s installer once, then exits non-zero before building, with three plain lines', async () => {
    const root = await projectWithoutRuntime('offline');
    const result = await runStart(root);
    expect(result.code).not.toBe(0);
    expect(result.ms).toBeLessThan(10_000);
    expect(result.stdout).toMatch(/fetching it once with Electron's installer/);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/no Electron runtime is installed \(downloading it failed: TypeError: fetch failed\)/);
    expect(lines[1]).toContain('node node_modules/electron/install.js');
    expect(lines[1]).toContain('npx install-electron');
    expect(lines[2]).toContain('npm run -s keyferry -- rehearse');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await calls(root)).toBe('install\n');
  });

  it('names ELECTRON_OVERRIDE_DIST_PATH when it points at a folder without Electron, and downloads nothing', async () => {
    const root = await projectWithoutRuntime('never-called');
    const empty = path.join(root, 'empty-dist');
    await mkdir(empty);
    const result = await runStart(root, { ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(3);
    expect(result.stderr).toContain(`ELECTRON_OVERRIDE_DIST_PATH (${empty})`);
    expect(await calls(root)).toBe('');
  });
});

describe.skipIf(process.platform === 'win32')('npm start without an Electron runtime, with network', () => {
  it('fetches the runtime once with Electron’s installer, builds, and launches it', async () => {
    const root = await projectWithoutRuntime('connected');
    const result = await runStart(root);
    expect(result.code).toBe(7);
    expect(result.stdout).toContain('Downloaded Electron 45.5.0');
    expect(await calls(root)).toBe('install\nbuild build\nlaunch .\n');
  });

  it('fetches it also when path.txt exists but the binary was never downloaded', async () => {
    const root = await projectWithoutRuntime('connected');
    await writeFile(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    const result = await runStart(root);
    expect(result.code).toBe(7);
    expect(await calls(root)).toBe('install\nbuild build\nlaunch .\n');
  });

  it('a second start finds the runtime and does not run the installer again', async () => {
    const root = await projectWithoutRuntime('connected');
    await runStart(root);
    const second = await runStart(root);
    expect(second.code).toBe(7);
    expect(await calls(root)).toBe('install\nbuild build\nlaunch .\nbuild build\nlaunch .\n');
  });
});

describe.skipIf(process.platform === 'win32')('npm start with an Electron runtime', () => {
  it('builds first, then launches the runtime on the project and passes its exit code through', async () => {
    const root = await projectWithoutRuntime('never-called');
    const dist = path.join(root, 'node_modules/electron/dist');
    await mkdir(dist);
    await writeFile(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    await writeFile(path.join(dist, 'electron'), standInRuntime(path.join(root, 'calls.log')));
    await chmod(path.join(dist, 'electron'), 0o755);
    const result = await runStart(root);
    expect(result.code).toBe(7);
    expect(result.stdout).toBe('');
    expect(await calls(root)).toBe('build build\nlaunch .\n');
  });
});
