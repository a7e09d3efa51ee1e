/** The CLI's software identity: version, build and the digest of the checkout it runs from. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { currentAppIdentity } from '../core/ceremony/shared/app-identity';
import type { AppIdentity } from '../core/ceremony/shared/ceremony-record';
import { describeCodeIdentity } from '../core/software/code-identity';

/**
 * The checkout (or installed package) this CLI runs from: the nearest folder at or above `from`
 * whose package.json names Keyferry. From the sources that is src-main/cli/../..; from the bundle
 * bin/keyferry.js runs, node_modules/.cache/keyferry-cli/../../..
 */
function packageRootAbove(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      if (
        (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'keyferry'
      ) {
        return dir;
      }
    } catch {
      // no package.json here, or not JSON: look further up
    }
    if (path.dirname(dir) === dir) return path.resolve(from, '..', '..');
  }
}

const CLI_PACKAGE_ROOT = packageRootAbove(__dirname);

export function cliAppIdentity(env: NodeJS.ProcessEnv): AppIdentity {
  return currentAppIdentity(env, { root: CLI_PACKAGE_ROOT });
}

/** What `keyferry --version` prints. */
export function versionText(identity: AppIdentity): string {
  const lines = [`keyferry ${identity.version} (build ${identity.build})`];
  if (identity.code) lines.push(`code: ${describeCodeIdentity(identity.code)}`);
  return lines.join('\n');
}
