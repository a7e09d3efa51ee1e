/** Dispatches argv to a command; prints errors as one plain line, never a stack trace. */
import { toProblem } from '../core/errors';
import type { CliCommand, CliIo } from './command';

export const APP_NAME = 'keyferry';

export function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4) + 2;
  const lines = [
    'Keyferry: BYOK key ceremonies across an air gap.',
    '',
    `Usage: ${APP_NAME} <command> [options]     (${APP_NAME} <command> --help for details)`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
  ];
  return lines.join('\n');
}

/** Finds the longest command name that prefixes argv (commands may be two words). */
function matchCommand(commands: readonly CliCommand[], argv: string[]): { command: CliCommand; rest: string[] } | undefined {
  let best: { command: CliCommand; rest: string[] } | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.command.name.split(' ').length)) {
      best = { command, rest: argv.slice(words.length) };
    }
  }
  return best;
}

export async function runCli(commands: readonly CliCommand[], argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(helpText(commands));
    return argv.length === 0 ? 1 : 0;
  }
  const match = matchCommand(commands, argv);
  if (!match) {
    const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `));
    if (group.length > 0) {
      io.stderr(`${APP_NAME} ${argv[0]}: choose one of: ${group.map((c) => c.name.split(' ')[1]).join(', ')}`);
    } else {
      io.stderr(`${APP_NAME}: unknown command "${argv[0]}". Run "${APP_NAME} --help" for the list.`);
    }
    return 1;
  }
  if (match.rest.includes('--help') || match.rest.includes('-h')) {
    io.stdout(match.command.usage);
    return 0;
  }
  try {
    return await match.command.run(match.rest, io);
  } catch (error) {
    const problem = toProblem(error);
    io.stderr(`${APP_NAME} ${match.command.name}: ${problem.message} ${problem.nextStep}`);
    return 1;
  }
}
