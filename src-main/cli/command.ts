/** The shape of one `keyferry` sub-command. */
import type { ReceiptLanguage } from '../core/receipt/language';
import type { DisplayLocale } from '../i18n/locale';
import type { CliInterrupts } from './interrupts';

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

export interface CliCommand {
  /** e.g. `wrap`, or `bundle verify` for grouped commands. */
  readonly name: string;
  /** One line for `keyferry --help`. */
  readonly summary: string;
  /** Full usage text for `keyferry <name> --help` (English). */
  readonly usage: string;
  /** The usage in another language, from the catalogue (`cli.<name>.usage`), where translated. */
  readonly localizedUsage?: (locale: DisplayLocale) => string;
  /** Runs the command; resolves to the process exit code. Throwing KeyferryError prints one line. */
  run(args: string[], io: CliIo): Promise<number>;
}

/**
 * A registry entry: the name and summary `keyferry --help` lists, and how to load the command.
 * Loading is deferred so a command pulls in only its own modules (the air-gapped commands must
 * never load the KMS client or a network module just because the online commands exist).
 */
export interface CliCommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<CliCommand>;
}

/** What `runCli` dispatches over: loaded commands (tests) or lazy registry entries (`keyferry`). */
export type CliCommandListing = CliCommand | CliCommandEntry;
