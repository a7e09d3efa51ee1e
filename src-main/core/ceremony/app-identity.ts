/** The running Keyferry's version and build, recorded on every journal and receipt. */
import packageJson from '../../../package.json';
import type { AppIdentity } from './ceremony-record';

/** Version from package.json; build from KEYFERRY_BUILD (set by packaging) or "dev". */
export function currentAppIdentity(env: NodeJS.ProcessEnv = process.env): AppIdentity {
  const build = env.KEYFERRY_BUILD && /^[\w.+-]{1,64}$/.test(env.KEYFERRY_BUILD) ? env.KEYFERRY_BUILD : 'dev';
  return { version: packageJson.version, build };
}
