/** The shape of one `keyferry` sub-command, and `defineCommand`, the one way to declare one. */
import type { ReceiptLanguage } from '../core/receipt/language';
import type { MessageKey } from '../i18n/catalogue';
import type { DisplayLocale } from '../i18n/locale';
import type { Translator } from '../i18n/translate';
import type { CliInterrupts } from './interrupts';
import { parseOptions, type HelpText, type OptionTable, type ParsedOptions, type PositionalSpec } from './options';

export interface CliIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** The language to print in (`--lang`, else LC_ALL/LC_MESSAGES/LANG); see cli-locale.ts. */
  readonly locale?: DisplayLocale;
  /** `--receipt-lang en|zh-CN|both` when given; see cli-locale.ts `ceremonyReceiptLanguage`. */
  readonly receiptLanguage?: ReceiptLanguage;
  /** Where a command registers what to do when the officer stops it (Ctrl-C); absent in tests run in-process. */
  readonly interrupts?: CliInterrupts;
}

/** What `keyferry <name> --help` prints, in the CLI's language (rendered by cli/help.ts). */
interface CommandHelp {
  /** Each usage form after `keyferry <name> `: option names and placeholders only (never translated). */
  readonly synopsis: readonly string[];
  /** What the command does (catalogue `cli.about.*`). */
  readonly about: HelpText;
  /** Every option the command accepts; the parser uses the same table. */
  readonly options: OptionTable;
  readonly positional?: PositionalSpec;
  /** Paragraphs after the options (catalogue `cli.note.*`). */
  readonly notes?: readonly HelpText[];
  /** Lines computed per language after the notes (e.g. the plan's fields). */
  readonly extra?: (t: Translator['t']) => readonly string[];
}

export interface CliCommand {
  /** e.g. `wrap`, or `bundle verify` for grouped commands. */
  readonly name: string;
  readonly help: CommandHelp;
  /** Runs the command; resolves to the process exit code. Throwing KeyferryError prints one line. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** What a command declares: its help but what it does, which its name gives (`DescribedName`), and how it runs. */
export type CommandSpec<N extends string, T extends OptionTable> = Omit<CommandHelp, 'about' | 'options'> & {
  readonly name: N & DescribedName<N>;
  readonly options: T;
  run(parsed: ParsedOptions<T>, io: CliIo): Promise<number>;
};

/**
 * A command from its declaration: `run` receives the options already parsed against `options`
 * (typed from the table), so no command parses its own arguments; what it does, in `--help`, is
 * the catalogue's `cli.about.<name, spaces as dashes>`.
 */
export function defineCommand<const N extends string, const T extends OptionTable>(
  spec: CommandSpec<N, T>,
): CliCommand {
  const { name, run, ...help } = spec;
  return {
    name,
    help: { ...help, about: `cli.about.${dashed(name)}` as MessageKey },
    run: (args, io) => run(parseOptions(name, spec.options, args, spec.positional), io),
  };
}

/** `online create-key` → `online-create-key`. */
type Dashed<S extends string> = S extends `${infer A} ${infer B}` ? `${A}-${Dashed<B>}` : S;

function dashed(name: string): string {
  return name.replace(/ /g, '-');
}

/**
 * A command name whose one-line summary the catalogues hold (`cli.summary.<name, spaces as
 * dashes>`); any other name does not compile. The summary is written only there.
 */
export type SummarizedName<N extends string> = `cli.summary.${Dashed<N>}` extends MessageKey ? N : never;

/** A command name whose description the catalogues hold (`cli.about.<name, spaces as dashes>`); any other does not compile. */
type DescribedName<N extends string> = `cli.about.${Dashed<N>}` extends MessageKey ? N : never;

/** The catalogue key of the summary `keyferry --help` lists for `name`. */
export function summaryKeyOf(name: string): string {
  return `cli.summary.${dashed(name)}`;
}

/**
 * A registry entry: the name `keyferry --help` lists (with its summary from the catalogue, see
 * `SummarizedName`), and how to load the command.
 * Loading is deferred so a command pulls in only its own modules (the air-gapped commands must
 * never load the KMS client or a network module just because the online commands exist).
 */
export interface CliCommandEntry {
  readonly name: string;
  load(): Promise<CliCommand>;
}

/** What `runCli` dispatches over: loaded commands (tests) or lazy registry entries (`keyferry`). */
export type CliCommandListing = CliCommand | CliCommandEntry;
