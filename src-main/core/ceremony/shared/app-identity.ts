/** The running Keyferry's version, build and code digest, recorded on every journal and receipt. */
import packageJson from '../../../../package.json';
import { currentCodeIdentity } from '../../software/code-identity';
import type { AppIdentity } from './ceremony-record';

/** Where the running code is: the checkout (or app folder) `root`, and the packaged `app.asar` if any. */
interface CodeLocation {
  readonly root: string;
  readonly asar?: string;
}

/**
 * Version from package.json; build from KEYFERRY_BUILD (set by packaging) or "dev"; with `code`,
 * the digest of the code that runs (see software/code-identity.ts).
 */
export function currentAppIdentity(env: NodeJS.ProcessEnv = process.env, code?: CodeLocation): AppIdentity {
  const build = env.KEYFERRY_BUILD && /^[\w.+-]{1,64}$/.test(env.KEYFERRY_BUILD) ? env.KEYFERRY_BUILD : 'dev';
  return { version: packageJson.version, build, ...(code ? { code: currentCodeIdentity(code) } : {}) };
}
