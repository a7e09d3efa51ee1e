/**
 * The receipt's one section model: what a receipt says, in order, built once from its input and
 * rendered by two thin renderers (render-html.ts, render-text.ts). Each renderer is a table with
 * one function per section kind (`SectionRenderers`), so a section added here does not compile
 * until both print it: the HTML and its plain-text twin cannot drift apart.
 */
import {
  checkMethods,
  ceremonyFacts,
  hsmFacts,
  keyFacts,
  parametersSealAbout,
  phrase,
  replicaGroupOf,
  replicaGroups,
  signatories,
  type Fact,
  type LOCAL_TIME,
  type ReceiptReplicaGroup,
} from './facts';
import { custodySetFact, custodySetOf, custodySets, type ReceiptCustodySet } from './custody-sets';
import { hsmLeadOf, type HsmLead } from './hsm-object-origin';
import { commandLine } from '../shell-command';
import { groupHex } from '../hex-groups';
import { visibleText } from './text-safety';
import type { ReceiptPhrase } from './language';
import type { CeremonySide, ReceiptDeviation, ReceiptInput, ReceiptKey, ReceiptPerson } from './types';

/** One key of the Keys section: its facts (with its custody set's) and its output files. */
export interface ReceiptKeyEntry {
  readonly key: ReceiptKey;
  /** 1-based, of `total`. */
  readonly n: number;
  readonly total: number;
  readonly facts: readonly Fact[];
}

/** One seal: a digest to read aloud (and scan), what it is, or (no parameters bundle recorded) only why not. */
export interface ReceiptSeal {
  readonly kind: 'parameters' | 'wrapped' | 'head';
  readonly title: ReceiptPhrase;
  readonly about: ReceiptPhrase;
  /** The digest; null when the receipt has none to show (parameters bundle not recorded). */
  readonly hex: string | null;
  /** The journal head's: the command that checks the journal against it (file, count and head), as shell words. */
  readonly verifyCommand?: readonly string[];
}

export type ReceiptSection =
  | { readonly kind: 'ceremony'; readonly facts: readonly (Fact | typeof LOCAL_TIME)[] }
  | {
      readonly kind: 'hsm';
      readonly facts: readonly Fact[];
      /** What the lead says of where the material was (hsm-object-origin.ts). */
      readonly lead: HsmLead;
    }
  | {
      readonly kind: 'deviations';
      readonly deviations: readonly ReceiptDeviation[];
      readonly journalCount: number;
    }
  | { readonly kind: 'seals'; readonly seals: readonly ReceiptSeal[] }
  | { readonly kind: 'people'; readonly people: readonly ReceiptPerson[] }
  | { readonly kind: 'keys'; readonly keys: readonly ReceiptKeyEntry[] }
  | { readonly kind: 'replicaGroups'; readonly side: CeremonySide; readonly groups: readonly ReceiptReplicaGroup[] }
  | { readonly kind: 'custody'; readonly sets: readonly ReceiptCustodySet[] }
  | { readonly kind: 'methods'; readonly facts: readonly Fact[] }
  | {
      readonly kind: 'signoff';
      readonly side: CeremonySide;
      readonly signatories: readonly { role: ReceiptPhrase; name: string }[];
      /** How many of them presented a custody share (a restore): the statement says what they confirm. */
      readonly presenters: number;
    };

export type SectionKind = ReceiptSection['kind'];
export type SectionOf<K extends SectionKind> = Extract<ReceiptSection, { kind: K }>;

/** A renderer: one function per section kind (a missing kind is a type error). */
export type SectionRenderers<Out, Context> = {
  readonly [K in SectionKind]: (section: SectionOf<K>, context: Context) => Out;
};

/** Renders every section in order with `renderers`. */
export function renderSections<Out, Context>(
  sections: readonly ReceiptSection[],
  renderers: SectionRenderers<Out, Context>,
  context: Context,
): Out[] {
  return sections.map((section) =>
    (renderers[section.kind] as (s: ReceiptSection, c: Context) => Out)(section, context),
  );
}

/**
 * The command that checks the journal against this receipt, as shell words (each quoted where it
 * must be): the journal's file name, count and head (a trial's officer met placeholders the receipt
 * could have filled in). The head's groups are given unquoted (journal verify takes them so), so the
 * command can be typed from paper as printed; a name that starts with "-" is given as ./NAME.
 */
/** A journal's file name as journalVerifyCommand prints it: one shell word, a name beginning with "-" as ./NAME. */
function journalFileWord(file: string): string {
  const visible = visibleText(file);
  return commandLine([visible.startsWith('-') ? `./${visible}` : visible]);
}

function journalVerifyCommand(journal: ReceiptInput['journal']): string[] {
  return [
    'keyferry',
    'journal',
    'verify',
    journalFileWord(journal.file ?? 'JOURNAL'),
    '--expect-count',
    String(journal.count),
    '--expect-head',
    ...groupHex(journal.headHash).split(' '),
  ];
}

/**
 * What a text receipt prints of its journal, read back from the verify command journalVerifyCommand
 * writes into its last seal (count, head in lowercase), and every hex digit it prints, run together
 * (its seals' digests among them); undefined when the text holds no such command. The command's
 * lines, broken with a trailing backslash (CRLF too) and indented, are joined first, so a file word
 * with spaces or quotes does not hide the count and head after it.
 */
export function printedJournalSeal(
  text: string,
): { readonly count: number; readonly head: string; readonly hex: string } | undefined {
  const joined = text.replace(/ \\\r?\n */g, ' ');
  const seals = [
    ...joined.matchAll(
      /keyferry journal verify .+? --expect-count (\d+) --expect-head ((?:[0-9A-F]{4} ){15}[0-9A-F]{4})/g,
    ),
  ];
  const seal = seals.at(-1);
  if (!seal) return undefined;
  return {
    count: Number(seal[1]),
    head: (seal[2] as string).replace(/ /g, '').toLowerCase(),
    hex: text.replace(/[^0-9A-F]/g, ''),
  };
}

/** The three seals: parameters bundle (when recorded), wrapped-material bundle, journal head. */

function seals(input: ReceiptInput): ReceiptSeal[] {
  return [
    {
      kind: 'parameters',
      title: phrase('receipt.seals.parameters'),
      about: parametersSealAbout(input),
      hex: input.parametersBundle?.digest ?? null,
    },
    {
      kind: 'wrapped',
      title: phrase('receipt.seals.wrapped'),
      about: phrase('receipt.seals.wrappedAbout', { name: input.bundle.name }),
      hex: input.bundle.digest,
    },
    {
      kind: 'head',
      title: phrase('receipt.seals.head'),
      about: phrase('receipt.seals.headAbout', { count: input.journal.count }),
      hex: input.journal.headHash,
      verifyCommand: journalVerifyCommand(input.journal),
    },
  ];
}

/** The receipt's sections in print order (between its title and its footer). */
export function receiptSections(input: ReceiptInput): ReceiptSection[] {
  const sets = custodySets(input.keys);
  const groups = replicaGroups(input.keys);
  const keys = input.keys.map((key, i): ReceiptKeyEntry => {
    const set = custodySetOf(sets, key);
    return {
      key,
      n: i + 1,
      total: input.keys.length,
      facts: [...keyFacts(key, input.side, replicaGroupOf(groups, key)), ...(set ? [custodySetFact(set)] : [])],
    };
  });
  return [
    { kind: 'ceremony', facts: ceremonyFacts(input) },
    ...(input.hsm
      ? [
          {
            kind: 'hsm' as const,
            facts: hsmFacts(input.hsm),
            lead: hsmLeadOf(input.hsm.keys.map((k) => k.origin)),
          },
        ]
      : []),
    { kind: 'deviations', deviations: input.deviations, journalCount: input.journal.count },
    { kind: 'seals', seals: seals(input) },
    { kind: 'people', people: input.people },
    { kind: 'keys', keys },
    ...(groups.length > 0 ? [{ kind: 'replicaGroups' as const, side: input.side, groups }] : []),
    ...(sets.length > 0 ? [{ kind: 'custody' as const, sets }] : []),
    { kind: 'methods', facts: checkMethods(input.side) },
    { kind: 'signoff', side: input.side, signatories: signatories(input), presenters: input.presenters?.length ?? 0 },
  ];
}

/** The Keys section's entries (for renderers that render them a key at a time). */
export function keyEntriesOf(sections: readonly ReceiptSection[]): readonly ReceiptKeyEntry[] {
  return sections.find((s): s is SectionOf<'keys'> => s.kind === 'keys')?.keys ?? [];
}
