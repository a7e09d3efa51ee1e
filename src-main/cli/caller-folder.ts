/**
 * The folder relative paths are resolved against: the one the officer ran the command in. The
 * `keyferry` bin runs there already; `npm run keyferry` runs in the checkout, and npm records the
 * caller's folder in INIT_CWD, which is used only for that script (a child process inheriting
 * INIT_CWD from some other npm script must not be redirected).
 */
export function callerFolder(env: NodeJS.ProcessEnv, cwd: string): string {
  return env.npm_lifecycle_event === 'keyferry' && env.INIT_CWD ? env.INIT_CWD : cwd;
}
