/**
 * The app's software identity: version, build and the digest of the code that runs. Packaged, the
 * digest is the app.asar header's SHA-256 (read with Electron's asar redirection switched off, so
 * the archive's own bytes are read); unpacked, the app folder's commit and source digest.
 */
import { app } from 'electron';
import { currentAppIdentity } from '../core/ceremony/shared/app-identity';
import type { AppIdentity } from '../core/ceremony/shared/ceremony-record';

export function runningAppIdentity(): AppIdentity {
  const root = app.getAppPath();
  if (!app.isPackaged) return currentAppIdentity(process.env, { root });
  const previous = process.noAsar;
  process.noAsar = true;
  try {
    return currentAppIdentity(process.env, { root, asar: root });
  } finally {
    process.noAsar = previous;
  }
}
