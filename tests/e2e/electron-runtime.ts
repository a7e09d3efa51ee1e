/**
 * Finds an installed Electron runtime the way scripts/start.mjs does (ELECTRON_OVERRIDE_DIST_PATH,
 * or node_modules/electron/path.txt plus its dist binary), without ever requiring the electron
 * package: that would start its lazy binary download.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PLATFORM_BINARY: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

export function findElectronRuntime(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const electronPackage = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, relative ?? PLATFORM_BINARY[process.platform] ?? 'electron')
    : relative && path.join(electronPackage, 'dist', relative);
  return candidate && existsSync(candidate) ? candidate : null;
}

/** Why the Electron suite cannot run here, or null when it can. */
export function electronUnavailableReason(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!findElectronRuntime(root, env)) {
    return 'no Electron runtime installed (node_modules/electron has no dist/ binary, ELECTRON_OVERRIDE_DIST_PATH unset); fetch it with `node node_modules/electron/install.js` on a connected machine';
  }
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return 'no display (DISPLAY/WAYLAND_DISPLAY unset); run the suite under `xvfb-run -a`';
  }
  return null;
}

/**
 * Runs Electron's own installer (node_modules/electron/install.js: downloads this platform's
 * runtime, checked against the package's checksums) when no runtime is there yet; used only when
 * KEYFERRY_REQUIRE_ELECTRON=1 asks for the real suite. Returns whether a runtime exists afterwards.
 */
export function installElectronRuntime(root: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (findElectronRuntime(root, env)) return true;
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (env.ELECTRON_OVERRIDE_DIST_PATH || !existsSync(installer)) return false;
  spawnSync(process.execPath, [installer], { cwd: root, stdio: 'inherit', env });
  return findElectronRuntime(root, env) !== null;
}
