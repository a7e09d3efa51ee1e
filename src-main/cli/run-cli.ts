/** Dispatches argv to a command; prints errors as one plain line, never a stack trace. */
import { refusalAndThen } from './refusal-then';
import { nearestName } from './nearest-name';
import { KeyferryError, toProblem } from '../core/errors';
import { isMessageKey } from '../i18n/catalogue';
import { DEFAULT_LOCALE, type DisplayLocale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import { listValue } from '../i18n/list';
import { cliLocale, cliTranslator, takeLangOption, takeReceiptLangOption } from './cli-locale';
import { terminalLines, terminalText } from '../core/terminal-text';
import { summaryKeyOf, type CliCommand, type CliCommandListing, type CliIo } from './command';
import { commandHelpText } from './help';

const APP_NAME = 'keyferry';

/** The `keyferry --help` text: every command's name and summary (no command is loaded for it). */
export function helpText(
  commands: readonly Pick<CliCommandListing, 'name'>[],
  locale: DisplayLocale = DEFAULT_LOCALE,
): string {
  const { t, message } = translator(locale);
  const summary = (c: Pick<CliCommandListing, 'name'>) => {
    const key = summaryKeyOf(c.name);
    return isMessageKey(key) ? message({ key }) : '';
  };
  const width = Math.max(...commands.map((c) => c.name.length), 4) + 2;
  const lines = [
    t('cli.help.title'),
    '',
    t('cli.help.usage', { app: APP_NAME }),
    t('cli.help.version', { app: APP_NAME }),
    t('cli.help.lang'),
    t('cli.help.receiptLang', { journal: 'kept' }),
    '',
    t('cli.help.commands'),
    ...commands.map((c) => `  ${c.name.padEnd(width)}${summary(c)}`.trimEnd()),
  ];
  return lines.join('\n');
}

/**
 * The commands that print receipts or custody slips: their --help names --receipt-lang, and whether
 * a journal keeps it for later sessions (custody split keeps none: it is given on each run).
 */
const RECEIPT_COMMANDS: ReadonlyMap<string, 'kept' | 'none'> = new Map([
  ['airgap wrap', 'kept'],
  ['custody split', 'none'],
  ['custody restore', 'kept'],
  ['online create-key', 'kept'],
  ['online import', 'kept'],
  ['rehearse', 'kept'],
]);

/** Finds the longest command name that prefixes argv (commands may be two words). */
function matchCommand(
  commands: readonly CliCommandListing[],
  argv: string[],
): { command: CliCommandListing; rest: string[] } | undefined {
  let best: { command: CliCommandListing; rest: string[] } | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.command.name.split(' ').length)) {
      best = { command, rest: argv.slice(words.length) };
    }
  }
  return best;
}

/** Loads a lazy registry entry (only the matched one is ever loaded); a loaded command is returned as is. */
async function loadCommand(listing: CliCommandListing): Promise<CliCommand> {
  if (!('load' in listing)) return listing;
  const command = await listing.load();
  if (command.name !== listing.name) {
    throw new KeyferryError('CLI_COMMAND_MISMATCH', { listed: listing.name, loaded: command.name });
  }
  return command;
}

/**
 * The terminal guard every command prints through: line breaks the CLI wrote stay, every other
 * control character (ESC, CR, bidi overrides) is made visible. Untrusted values are escaped where
 * they are put into a line (terminalText), which also escapes their line breaks.
 */
function guardedIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (line) => io.stdout(terminalLines(line)),
    stderr: (line) => io.stderr(terminalLines(line)),
  };
}

/**
 * Runs the command argv names and resolves to the exit code. `commands` may be loaded commands
 * or lazy registry entries; `--help` lists them without loading any, and only the matched one loads.
 */
export async function runCli(
  commands: readonly CliCommandListing[],
  argvWithLang: string[],
  rawIo: CliIo,
): Promise<number> {
  const ioIn = guardedIo(rawIo);
  let argv: string[];
  let io: CliIo;
  try {
    const taken = takeLangOption(argvWithLang);
    const receipts = takeReceiptLangOption(taken.argv);
    argv = receipts.argv;
    io = {
      ...ioIn,
      locale: taken.lang ?? cliLocale(ioIn),
      ...(receipts.receiptLanguage ? { receiptLanguage: receipts.receiptLanguage } : {}),
    };
  } catch (error) {
    ioIn.stderr(`${APP_NAME}: ${terminalText(cliTranslator(ioIn).problemLine(toProblem(error)))}`);
    return 1;
  }
  if (argv[0] === '--version' || argv[0] === '-V') {
    const { cliAppIdentity, versionText } = await import('./software-identity');
    io.stdout(versionText(cliAppIdentity(io.env)));
    return 0;
  }
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(helpText(commands, io.locale));
    return argv.length === 0 ? 1 : 0;
  }
  const match = matchCommand(commands, argv);
  if (!match) {
    const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `));
    if (group.length > 0 && (argv[1] === '--help' || argv[1] === '-h')) {
      io.stdout(helpText(group, io.locale));
      return 0;
    }
    const { t } = cliTranslator(io);
    const choices = group.map((c) => c.name.split(' ')[1] ?? '');
    // A misspelt name ("online improt", "rehaerse") is answered with the one it is closest to, if any.
    const given = (group.length > 0 ? argv[1] : argv[0]) ?? '';
    const typed = given.startsWith('-') ? '' : given;
    const tops = [...new Set(commands.map((c) => c.name.split(' ')[0] ?? ''))];
    const meant = typed === '' ? undefined : nearestName(typed, group.length > 0 ? choices : tops);
    const near = { match: meant !== undefined ? 'near' : typed === '' ? 'none' : 'unknown', meant: meant ?? '' };
    io.stderr(
      group.length > 0
        ? t('cli.command.incomplete', {
            app: APP_NAME,
            group: argv[0] ?? '',
            choicesList: listValue(choices),
            typed: terminalText(typed),
            ...near,
          })
        : t('cli.command.unknown', { app: APP_NAME, command: terminalText(argv[0] ?? ''), ...near }),
    );
    return 1;
  }
  try {
    const command = await loadCommand(match.command);
    if (match.rest.includes('--help') || match.rest.includes('-h')) {
      io.stdout(commandHelpText(command, io.locale ?? DEFAULT_LOCALE));
      const journal = RECEIPT_COMMANDS.get(command.name);
      if (journal) io.stdout(`\n${translator(io.locale ?? DEFAULT_LOCALE).t('cli.help.receiptLang', { journal })}`);
      return 0;
    }
    return await command.run(match.rest, io);
  } catch (error) {
    // A stop by the officer is reported by its own line (interrupts.ts), never as a failure.
    if (io.interrupts?.stopping) return 1;
    // Messages carry values from media, the KMS and people: one line, every control visible.
    const { refusal, then } = refusalAndThen(error);
    io.stderr(refusalLine(io, match.command.name, refusal));
    if (then !== undefined) io.stdout(then);
    return 1;
  }
}

/** A command's refusal as one line: the command, the problem and what to do; every control visible. */
export function refusalLine(io: CliIo, command: string, error: unknown): string {
  return `${APP_NAME} ${command}: ${terminalText(cliTranslator(io).problemLine(toProblem(error)))}`;
}
