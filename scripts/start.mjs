#!/usr/bin/env node
// `npm start`: build with electron-vite, then launch Electron on the build.
// Electron 45 has no postinstall: `npm ci` leaves node_modules/electron without its binary. Where
// none is installed, this runs Electron's own installer (node_modules/electron/install.js) once,
// which downloads the runtime for this platform and checks it against the package's checksums.
// When that fails (no network), it says so in three lines and exits 1 BEFORE building.
// It never requires the `electron` package itself (that would start a download with no message).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronPackage = path.join(root, 'node_modules', 'electron');

const PLATFORM_BINARY = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

/** The Electron executable the electron package would run, if it is present; never downloads. */
function findElectronRuntime() {
  const pathFile = path.join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, relative ?? PLATFORM_BINARY[process.platform] ?? 'electron')
    : relative && path.join(electronPackage, 'dist', relative);
  return candidate && existsSync(candidate) ? candidate : null;
}

/**
 * Runs Electron's installer once. Returns null when it succeeded, else the first line it printed
 * on stderr (its error, e.g. "TypeError: fetch failed"), without the stack trace.
 */
function runElectronInstaller() {
  process.stdout.write("keyferry: no Electron runtime yet; fetching it once with Electron's installer...\n");
  const installed = spawnSync(process.execPath, [path.join(electronPackage, 'install.js')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (installed.status === 0) return null;
  const firstLine = (installed.stderr ?? '').split('\n').find((line) => line.trim() !== '');
  return firstLine?.trim() ?? installed.error?.message ?? `the installer exited with ${installed.status}`;
}

function installHint() {
  const hints = [];
  if (existsSync(path.join(electronPackage, 'install.js'))) hints.push('node node_modules/electron/install.js');
  if (
    existsSync(
      path.join(
        root,
        'node_modules',
        '.bin',
        process.platform === 'win32' ? 'install-electron.cmd' : 'install-electron',
      ),
    )
  ) {
    hints.push('npx install-electron');
  }
  return hints.length > 0 ? hints.join(' or ') : 'npm ci (with network access)';
}

function main() {
  let electron = findElectronRuntime();
  let installFailure = null;
  // ELECTRON_OVERRIDE_DIST_PATH names a runtime the user provides: never download over it.
  if (!electron && !process.env.ELECTRON_OVERRIDE_DIST_PATH && existsSync(path.join(electronPackage, 'install.js'))) {
    installFailure = runElectronInstaller();
    electron = findElectronRuntime();
  }
  if (!electron) {
    const where = process.env.ELECTRON_OVERRIDE_DIST_PATH
      ? `ELECTRON_OVERRIDE_DIST_PATH (${process.env.ELECTRON_OVERRIDE_DIST_PATH}) holds no Electron executable`
      : installFailure
        ? `downloading it failed: ${installFailure}`
        : 'node_modules/electron has no downloaded binary (dist/)';
    process.stderr.write(
      `keyferry: cannot start the desktop app: no Electron runtime is installed (${where}).\n` +
        `On a machine with network access, \`npm start\` fetches it once by itself (or run: ${installHint()}).\n` +
        'Without Electron, `npm run -s keyferry -- rehearse` runs the same ceremony headless.\n',
    );
    process.exit(1);
  }

  const viteBin = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [viteBin, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write('keyferry: the build failed (see above); nothing was started.\n');
    process.exit(build.status ?? 1);
  }

  const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`keyferry: could not launch Electron (${error.message}).\n`);
    process.exit(1);
  });
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
