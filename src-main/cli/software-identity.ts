/** The CLI's software identity: version, build and the digest of the checkout it runs from. */
import path from 'node:path';
import { currentAppIdentity } from '../core/ceremony/shared/app-identity';
import type { AppIdentity } from '../core/ceremony/shared/ceremony-record';
import { describeCodeIdentity } from '../core/software/code-identity';

/** The checkout (or installed package) this CLI runs from. */
const CLI_PACKAGE_ROOT = path.resolve(__dirname, '..', '..');

export function cliAppIdentity(env: NodeJS.ProcessEnv): AppIdentity {
  return currentAppIdentity(env, { root: CLI_PACKAGE_ROOT });
}

/** What `keyferry --version` prints. */
export function versionText(identity: AppIdentity): string {
  const lines = [`keyferry ${identity.version} (build ${identity.build})`];
  if (identity.code) lines.push(`code: ${describeCodeIdentity(identity.code)}`);
  return lines.join('\n');
}
