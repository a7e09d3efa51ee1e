/** Entry point of the `keyferry` command line (bin/keyferry.js, or `npm run -s keyferry --`). */
import { commands } from './commands/index';
import { terminalLines, terminalText } from '../core/terminal-text';
import { runCli } from './run-cli';
import { callerFolder } from './caller-folder';
import { quietOnBrokenPipe } from './broken-pipe';
import { cliTranslator } from './cli-locale';
import { listenForStops } from './interrupts';
import { endProcessOnceWritten } from './process-end';
import { warmUpIntl } from '../i18n/intl-warm-up';
import { lockCreationsSettled } from '../core/journal/lock';

// Before any ceremony step: the first Intl formatter's data load would otherwise stall the first step that counts or dates.
warmUpIntl();

const stdout = quietOnBrokenPipe(process.stdout);
const stderr = quietOnBrokenPipe(process.stderr);
const endProcess = endProcessOnceWritten([process.stdout, process.stderr], (code) => process.exit(code));
// A stop may come while a journal's lock file is being created: the exit waits for it, so the lock is known and removed.
const endAfterLocks = (code: number) => void lockCreationsSettled().then(() => endProcess(code));

const interrupts = listenForStops(
  process,
  // On a terminal the stop may cut a prompt line: start the stop line on a line of its own. Through
  // the same terminal guard as every command's output: the lines name paths the officer gave.
  (line) => stderr(`${process.stderr.isTTY ? '\n' : ''}${terminalLines(line)}\n`),
  (signal) => cliTranslator({ env: process.env }).t('cli.stopped-outside-ceremony', { signal }),
  endAfterLocks,
);

runCli(commands, process.argv.slice(2), {
  stdout: (line) => stdout(`${line}\n`),
  stderr: (line) => stderr(`${line}\n`),
  env: process.env,
  cwd: callerFolder(process.env, process.cwd()),
  interrupts,
}).then(
  (code) => interrupts.commandEnded(code),
  (error: unknown) => {
    stderr(`keyferry: ${terminalText(error instanceof Error ? error.message : String(error))}
`);
    interrupts.commandEnded(1);
  },
);
