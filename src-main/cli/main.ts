/** Entry point of the `keyferry` command line (bin/keyferry.js, or `npm run -s keyferry --`). */
import { commands } from './commands/index';
import { runCli } from './run-cli';
import { callerFolder } from './caller-folder';
import { quietOnBrokenPipe } from './broken-pipe';

const stdout = quietOnBrokenPipe(process.stdout);
const stderr = quietOnBrokenPipe(process.stderr);

runCli(commands, process.argv.slice(2), {
  stdout: (line) => stdout(`${line}\n`),
  stderr: (line) => stderr(`${line}\n`),
  env: process.env,
  cwd: callerFolder(process.env, process.cwd()),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    stderr(`keyferry: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
