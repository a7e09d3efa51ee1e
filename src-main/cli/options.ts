/**
 * The one way a `keyferry` command declares its options: a typed table (`OptionTable`) from which
 * the parser (`parseOptions`), the values' type (`OptionValues`), the `--help` text (cli/help.ts)
 * and tests/cli/help-options.test.ts all derive. Every refusal is a coded problem (catalogue
 * area cli-options.ts), so it prints in the CLI's language.
 */
import { nearestName } from './nearest-name';
import { GLOBAL_OPTIONS } from './cli-locale';
import { parseArgs } from 'node:util';
import { KeyferryError } from '../core/errors';
import type { MessageKey } from '../i18n/catalogue';
import { PlaceholdersLeft, type NextLinePlaceholder } from './next-line-placeholders';

/** A catalogue text: a key, or a key with the values it needs. */
export type HelpText =
  MessageKey | { readonly key: MessageKey; readonly values: Readonly<Record<string, string | number>> };

/** Where an option is listed in --help: with the command's own options, or under a group heading. */
export type OptionGroup = 'connection' | 'hsm' | 'ceremony' | 'prove' | 'replaced';

export interface OptionDef {
  readonly type: 'string' | 'boolean';
  /** May be given several times (values kept in order). Others are refused when repeated. */
  readonly multiple?: boolean;
  /** The value's placeholder in --help (FILE, DIR, N). String options only; never translated. */
  readonly arg?: string;
  /** What the option does, from the catalogue (`cli.opt.*`). */
  readonly help: HelpText;
  readonly group?: OptionGroup;
  /**
   * The value may be typed unquoted as several words, as a digest is printed in groups of four
   * (`--expect-digest 05E9 DA33 …`): the short words right after it join its value, space-separated.
   */
  readonly grouped?: true;
  /** The word the printed Next line gives in place of this (non-path) option's value, refused as left unreplaced. */
  readonly nextLinePlaceholder?: NextLinePlaceholder;
}

export type OptionTable = Readonly<Record<string, OptionDef>>;

type ValueOf<D extends OptionDef> = D['type'] extends 'boolean'
  ? boolean
  : D['multiple'] extends true
    ? string[]
    : string;

/** What `parseOptions` returns for a table: an option absent from the command line is undefined. */
export type OptionValues<T extends OptionTable> = { -readonly [K in keyof T]?: ValueOf<T[K]> };

/** A command's one positional argument (`journal verify FILE`); commands without one refuse any. */
export interface PositionalSpec {
  /** Its placeholder in --help and in the refusal (FILE, DIR). */
  readonly arg: string;
}

export interface ParsedOptions<T extends OptionTable> {
  readonly values: OptionValues<T>;
  /** The positional argument, when the command declares one (then always present). */
  readonly positional?: string;
}

/** `T`, checked as an option table, with its literal types kept (so values are typed). */
export function optionTable<const T extends OptionTable>(table: T): T {
  return table;
}

/** The --help placeholders of values that are paths: the ones a pasted Next line may hold MEDIA or SHARE-1 in. */
const PATH_ARGS = new Set(['FILE', 'DIR']);

/** A word that continues a `grouped` option's value: a group as typed (its form is the value's parser's to judge). */
const GROUP_WORD = /^[0-9A-Za-z:]{1,8}$/;

/**
 * Parses `args` against `table`: unknown options, a string option without a value, a flag given a
 * value, a single-value option repeated, a missing or extra positional argument are each refused
 * with their own code, naming the option and the command.
 */
export function parseOptions<T extends OptionTable>(
  command: string,
  table: T,
  args: readonly string[],
  positional?: PositionalSpec,
): ParsedOptions<T> {
  const { tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries(Object.entries(table).map(([name, def]) => [name, { type: def.type }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  let grouping: string | undefined;
  // The flag (a boolean option) the last token was: a stray word right after it was most likely meant as its value.
  let flag: string | undefined;
  for (const token of tokens) {
    const afterFlag = flag;
    flag = undefined;
    if (token.kind === 'positional' && grouping !== undefined && GROUP_WORD.test(token.value)) {
      values[grouping] = `${values[grouping] as string} ${token.value}`;
      continue;
    }
    grouping = undefined;
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (!positional || positionals.length > 0)
        throw new KeyferryError('CLI_ARGUMENT_UNEXPECTED', {
          command,
          value: token.value.slice(0, 60),
          // Four hex digits alone: most likely the rest of a digest typed with spaces and not quoted.
          hexGroup: /^[0-9A-Fa-f]{4}$/.test(token.value) ? 'yes' : 'no',
          afterFlag: afterFlag ?? 'none',
        });
      positionals.push(token.value);
      continue;
    }
    const option = token.rawName;
    const def = Object.prototype.hasOwnProperty.call(table, token.name) ? table[token.name] : undefined;
    if (!def || !option.startsWith('--')) {
      const meant = nearestName(token.name, [...Object.keys(table), ...GLOBAL_OPTIONS]);
      throw new KeyferryError('CLI_OPTION_UNKNOWN', {
        command,
        option: option.slice(0, 60),
        match: meant === undefined ? 'none' : 'near',
        meant: meant === undefined ? '' : `--${meant}`,
      });
    }
    if (def.type === 'boolean') {
      if (token.value !== undefined) throw new KeyferryError('CLI_OPTION_TAKES_NO_VALUE', { command, option });
      values[token.name] = true;
      flag = option;
      continue;
    }
    // `--journal --operator x` would take "--operator" as the journal: a value starting with "--" must be inline.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))
      throw new KeyferryError('CLI_OPTION_VALUE_MISSING', { command, option });
    if (def.multiple) values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), token.value];
    else if (token.name in values) throw new KeyferryError('CLI_OPTION_REPEATED', { command, option });
    else values[token.name] = token.value;
    if (def.grouped && !def.multiple) grouping = token.name;
  }
  if (positional && positionals.length === 0)
    throw new KeyferryError('CLI_ARGUMENT_MISSING', { command, arg: positional.arg });
  const left = new PlaceholdersLeft();
  for (const [name, value] of Object.entries(values)) {
    const def = table[name];
    for (const given of typeof value === 'string' ? [value] : Array.isArray(value) ? value : []) {
      if (def?.nextLinePlaceholder) left.word(given, `--${name}`, def.nextLinePlaceholder);
      if (PATH_ARGS.has(def?.arg ?? '')) left.path(given, `--${name}`);
    }
  }
  if (positional && PATH_ARGS.has(positional.arg)) left.path(positionals[0] as string);
  left.refuse();
  return positional
    ? { values: values as OptionValues<T>, positional: positionals[0] as string }
    : { values: values as OptionValues<T> };
}
