/**
 * A problem shown in the app (the IPC router adds `surface: 'app'` to its values) says the app's way
 * on: its texts name no command-line option and no `keyferry` command, which the app's user cannot
 * type, except where the app has no way for that step and the command line is the honest advice
 * (listed per case). The command line's texts (no surface: the CLI's) keep their words.
 */
import { describe, expect, it } from 'vitest';
import { listValue } from '../../src-main/i18n/list';
import { translator, type ProblemLike } from '../../src-main/i18n/translate';

interface Case {
  readonly code: string;
  readonly values: Readonly<Record<string, string | number>>;
  /** A command or option the command line's English text names ('' where it names none, only "run again"). */
  readonly cli: string;
  /** Commands and options the app's text may name: the app has no way for that step. */
  readonly allowed?: readonly string[];
}

const folders = listValue(['/media/usb/wrapped-material-1/key-1']);
const finishedOnMedia = {
  journal: 'air-gapped-journal.jsonl',
  session: 's-1',
  seq: 4,
  where: '/media/usb/w',
  count: 2,
};
const otherJournal = {
  airGapJournal: 'other.jsonl',
  airGapJournalFirstEntry: 'aa11',
  earlierSeq: 7,
  earlierAirGapJournal: 'air-gapped-journal.jsonl',
  earlierAirGapJournalFirstEntry: 'bb22',
};

const CASES: readonly Case[] = [
  {
    code: 'WRAP_AGAIN_NOT_CHOSEN',
    values: { count: 1, last: 's-1', known: 'yes', until: Date.UTC(2027, 0, 1) },
    cli: '--wrap-again',
  },
  { code: 'WRAP_AGAIN_REASON_INVALID', values: { max: 200 }, cli: '--wrap-again' },
  { code: 'AIRGAP_NETWORK_LIVE', values: { interfacesList: listValue(['eth0 10.0.0.2']) }, cli: '--allow-network' },
  { code: 'MATERIAL_PASSPHRASE_MISSING', values: {}, cli: '--passphrase-env' },
  { code: 'NOTHING_TO_IMPORT', values: {}, cli: 'keyferry online status' },
  { code: 'KMS.2602', values: {}, cli: 'kms-sim advance' },
  { code: 'KMS.2601', values: {}, cli: 'keyferry online params' },
  {
    code: 'IMPORT_TOKEN_EXPIRED',
    values: { known: 'yes', keyId: 'k-1', at: Date.UTC(2026, 0, 1) },
    cli: 'keyferry online params',
  },
  { code: 'KMS_IMPORT_TOKEN_EXPIRED', values: {}, cli: 'keyferry online params' },
  { code: 'WRAPPED_TOKEN_MISSING', values: { keyId: 'k-1' }, cli: 'keyferry online params' },
  {
    code: 'MATERIAL_BOUND_GENERATE_REFUSED',
    values: { alias: 'alias/a', keyId: 'k-1', seq: 3, kind: 'kcv', bound: 'A1B2C3', count: 1 },
    cli: 'keyferry custody restore',
  },
  {
    code: 'JOURNAL_LAST_LINE_TORN',
    values: { file: 'online-journal.jsonl', line: 9, path: '/ceremony/online-journal.jsonl' },
    cli: 'keyferry journal set-aside-torn-line',
    // The app cannot set a torn line aside: the command line does, with Keyferry closed.
    allowed: ['keyferry journal set-aside-torn-line', '--operator'],
  },
  {
    code: 'PARAMETERS_KEY_NOT_WAITING',
    values: { reason: 'alias', keyId: 'alias/a', aliasKeysList: listValue(['k-1']), count: 0, keysList: listValue([]) },
    cli: '--key-id',
  },
  {
    code: 'PARAMETERS_KEY_NOT_WAITING',
    values: { reason: 'holdsMaterial', keyId: 'k-1', aliasKeysList: listValue([]), count: 0, keysList: listValue([]) },
    cli: 'keyferry online status',
  },
  ...(['removed', 'partial', 'moved'] as const).map((cleanup) => ({
    code: 'BUNDLE_WRITE_FAILED',
    values: {
      dir: '/media/usb/b',
      errno: 'ENOSPC',
      cause: '',
      cleanup,
      removedFiles: 2,
      full: 'yes',
      leftoversList: folders,
    },
    cli: 'the same command',
  })),
  ...(
    ['missingAfterReceipt', 'missing', 'parameters', 'manifest', 'receipt', 'receiptInSession', 'bundle'] as const
  ).map((evidence) => ({
    code: 'AIRGAP_SESSION_FINISHED_ON_MEDIA',
    values: { ...finishedOnMedia, evidence },
    cli: { missing: '', parameters: '--journal-lost' }[evidence as string] ?? 'keyferry ',
    // The app cannot go past the journal the parameters name, nor verify any bundle on the air-gapped side.
    allowed: ['keyferry airgap wrap', '--journal-lost', 'keyferry bundle verify'],
  })),
  {
    code: 'WRAPPED_OTHER_AIRGAP_JOURNAL',
    values: {
      ...otherJournal,
      copies: 'shares',
      threshold: 2,
      total: 3,
      custodianList: listValue(['Ann', 'Bo']),
      setTag: 'x1',
    },
    cli: '--accept-other-airgap-journal',
  },
  { code: 'WRAPPED_MADE_BY_MISSING', values: otherJournal, cli: '--accept-other-airgap-journal' },
  {
    code: 'WRAPPED_PEOPLE_DIFFER_FROM_JOURNAL',
    values: {
      airGapJournal: 'a.jsonl',
      madeOperator: 'Eve',
      madeWitnessList: listValue(['Mal']),
      journalOperator: 'Ann',
      journalWitnessList: listValue(['Bo']),
      role: 'operator',
    },
    cli: 'keyferry online params',
  },
  {
    code: 'WRAPPED_OLDER_AIRGAP_JOURNAL_COPY',
    values: {
      airGapJournal: 'a.jsonl',
      airGapJournalFirstEntry: 'aa11',
      lists: 'yes',
      missingSeq: 5,
      missingAt: Date.UTC(2026, 5, 1),
      takenSeq: 8,
    },
    cli: '--accept-other-airgap-journal',
    allowed: ['keyferry airgap wrap', '--journal-lost'],
  },
  {
    code: 'HSM_NO_TOKEN',
    values: { module: '/usr/lib/softhsm/libsofthsm2.so', emptySlots: 1 },
    cli: 'keyferry hsm info',
  },
];

/** The commands and options a text names: `--option`, `keyferry …` (its words), kms-sim, and "the same command". */
function commandLineWords(text: string): string[] {
  return [
    ...text.matchAll(/--[a-z][a-z-]*|\bkeyferry(?: [a-z][a-z-]*)+|\bkms-sim\b|same command|同一(?:条)?命令/g),
  ].map((m) => m[0]);
}

/** The code, and the value that picks the branch where a code has several cases. */
function caseName({ code, values }: Case): string {
  const branch =
    values['evidence'] ?? values['cleanup'] ?? (code === 'PARAMETERS_KEY_NOT_WAITING' ? values['reason'] : undefined);
  return branch === undefined ? code : `${code} ${branch}`;
}

function rendered(locale: 'en' | 'zh-CN', { code, values }: Case, surface?: string): string {
  const problem: ProblemLike = {
    code,
    message: 'untranslated',
    nextStep: 'untranslated',
    values: surface === undefined ? values : { ...values, surface },
  };
  const { message, nextStep } = translator(locale).problem(problem);
  expect(nextStep).not.toBe('untranslated');
  return `${message} ${nextStep}`;
}

describe('problems shown in the app', () => {
  it.each(CASES.flatMap((c) => (['en', 'zh-CN'] as const).map((locale) => [caseName(c), locale, c] as const)))(
    'say the app’s way on, naming only what the app has (%s, %s); the command line keeps its words',
    (_code, locale, c) => {
      const app = rendered(locale, c, 'app');
      const allowed = c.allowed ?? [];
      const stray = commandLineWords(app).filter(
        (word) => !allowed.some((a) => word === a || word.startsWith(`${a} `)),
      );
      expect(stray, app).toEqual([]);
      const cli = rendered(locale, c);
      expect(rendered(locale, c, 'cli')).toBe(cli);
      expect(app).not.toBe(cli);
      if (c.cli === '') return;
      if (locale === 'en') expect(cli).toContain(c.cli);
      else expect(commandLineWords(cli)).not.toEqual([]);
    },
  );
});
