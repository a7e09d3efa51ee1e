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
  /** The branch the values pick, in the test's name, where a code has several cases. */
  readonly branch?: string;
}

/** A replica never imported offered other material than its group holds (WRAPPED_MATERIAL_NOT_THE_GROUPS). */
const groupMaterial = {
  alias: 'g/aes',
  keyId: 'k-2',
  replica: 'yes',
  region: 'cn-east-3',
  holderId: 'k-1',
  kind: 'kcv',
  bound: 'A1B2C3',
  held: 'D4E5F6',
  seq: 9,
};
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
    values: {
      count: 1,
      last: 's-1',
      known: 'yes',
      until: Date.UTC(2027, 0, 1),
      part: 'some',
      partOf: 's-1',
      covered: 1,
      held: 3,
      coveredList: listValue(['app/rsa (k-2)']),
    },
    cli: '--wrap-again',
  },
  { code: 'WRAP_AGAIN_REASON_INVALID', values: { max: 200 }, cli: '--wrap-again' },
  { code: 'AIRGAP_NETWORK_LIVE', values: { interfacesList: listValue(['eth0 10.0.0.2']) }, cli: '--allow-network' },
  { code: 'MATERIAL_PASSPHRASE_MISSING', values: {}, cli: '--passphrase-env' },
  { code: 'NOTHING_TO_IMPORT', values: {}, cli: 'keyferry online status' },
  { code: 'KMS.2602', values: {}, cli: 'kms-sim advance' },
  { code: 'KMS.2601', values: {}, cli: 'keyferry online params' },
  {
    code: 'WRAPPED_TOKENS_REFUSED_BEFORE',
    values: { dir: '/m/params-1', seq: 7, code: 'KMS.2601', newer: 'yes', latestDir: '/m/params-2' },
    cli: 'keyferry airgap wrap',
    branch: 'newer parameters written',
  },
  {
    code: 'WRAPPED_TOKENS_REFUSED_BEFORE',
    values: { dir: '/m/params-1', seq: 7, code: 'KMS.2601', newer: 'no', latestDir: '' },
    cli: 'keyferry online params',
    branch: 'none written since',
  },
  {
    code: 'CUSTODIAN_ON_WORKSTATION_VOLUME',
    values: { index: 2, folder: '/work/c2', on: 'receipts', place: '/work', command: 'wrap' },
    cli: '--shares-on-one-volume',
  },
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
  ...(['bundle', 'parameters', 'receipt'] as const).map((role) => ({
    code: 'PREFLIGHT_FOLDER_NOT_EMPTY',
    values: { role, index: 1, folder: '/media/usb/out', count: 2, first: 'manifest.json' },
    cli: 'keyferry bundle verify',
    branch: role,
    // The app cannot tell which bundle a folder holds.
    allowed: ['keyferry bundle verify'],
  })),
  ...(
    [
      ['DIGEST_TYPED_EMPTY', {}],
      ['DIGEST_TYPED_NOT_HEX', { character: 'x', group: 3 }],
      ['DIGEST_TYPED_GROUP_LENGTH', { group: 3, digits: 3, groups: 16 }],
      ['DIGEST_TYPED_LENGTH', { digits: 60 }],
    ] as const
  ).map(([code, values]) => ({
    code,
    values: { by: 'witness', typist: 'Ann', subject: 'parameters', ...values },
    cli: 'keyferry online params',
  })),
  ...(['option', 'prompt'] as const).map((given) => ({
    code: 'WITNESS_TYPED_FINGERPRINT',
    values: { witness: 'Ann', keyId: 'k-1', given },
    cli: 'keyferry online params',
    branch: given,
  })),
  ...(
    [
      ['wrapped', 'no'],
      ['parameters', 'yes'],
      ['parameters', 'no'],
    ] as const
  ).map(([kind, other]) => ({
    code: 'WITNESS_TYPED_OTHER_BUNDLE',
    values: { witness: 'Ann', kind, folder: '/media/usb/p', other, bundleCeremony: 'KF-2', ceremonyId: 'KF-1' },
    cli: 'keyferry online',
    branch: `${kind} other=${other}`,
  })),
  { code: 'HSM_CUSTODY_IS_TOKEN', values: { token: 'ceremony' }, cli: '--hsm-existing-keys' },
  { code: 'HSM_OPERATION_FAILED', values: { operation: 'login', ckr: 'CKR_DEVICE_ERROR' }, cli: 'keyferry hsm info' },
  {
    code: 'HSM_MECHANISM_REFUSED',
    values: { operation: 'wrap', ckr: 'CKR_MECHANISM_INVALID' },
    cli: 'keyferry hsm info',
  },
  { code: 'HSM_ANSWER_INVALID', values: { detail: 'no CKA_VALUE_LEN' }, cli: 'keyferry hsm info' },
  {
    code: 'HSM_KEY_NOT_FOUND',
    values: { token: 'ceremony', kind: 'secret', by: 'id', key: '6b2d', idText: 'no', keyText: '' },
    cli: '--hsm-key-label',
  },
  {
    code: 'HSM_WRAP_PAD_NOT_EXACT',
    values: { token: 'ceremony', mechanism: 'CKM_AES_KEY_WRAP_PAD', sent: 1217, returned: 1224 },
    cli: '--hsm-accept-zero-filled-pad',
  },
  {
    code: 'HSM_RESTORE_TOKEN_DIFFERS',
    values: { token: 'ceremony', found: '1234', recorded: '5678' },
    cli: '--hsm-token',
  },
  {
    code: 'HSM_RESTORE_NOT_RECORDED',
    values: { journal: 'air-gapped-journal.jsonl', keyId: 'k-1' },
    cli: '--hsm-journal',
  },
  {
    code: 'HSM_RESTORE_JOURNAL_INVALID',
    values: { file: 'air-gapped-journal.jsonl', line: 4, reasonPhrase: 'its hash does not match' },
    cli: 'keyferry journal verify',
  },
  ...(['slip', 'backup', 'html'] as const).map((reason) => ({
    code: 'CUSTODY_SHARE_FILE_INVALID',
    values: { file: 'share-1.txt', reason, version: 1, fieldCount: 1, fieldsList: 'share' },
    cli: { slip: '--typed', backup: '--backup', html: '--typed' }[reason],
    branch: reason,
  })),
  {
    code: 'MATERIAL_NOT_THE_BOUND',
    values: { keyId: 'k-1', kind: 'kcv', held: 'A1B2C3', bound: 'D4E5F6', seq: 3 },
    cli: 'keyferry custody restore',
  },
  {
    code: 'WRAPPED_MATERIAL_NOT_THE_IMPORTED',
    values: {
      alias: 'alias/a',
      keyId: 'k-1',
      kind: 'kcv',
      held: 'A1B2C3',
      bound: 'D4E5F6',
      seq: 3,
      sameParameters: 'no',
      boundDigest: 'ab12',
    },
    cli: 'keyferry custody restore',
  },
  {
    code: 'JOURNAL_BROKEN',
    values: { reason: 'unwritten', name: 'online-journal.jsonl', errno: 'EIO' },
    cli: 'keyferry journal verify',
  },
  {
    code: 'JOURNAL_TORN_LINE_UNRECORDED',
    values: {
      file: 'online-journal.jsonl',
      sideFile: 'online-journal.jsonl.torn-line',
      path: '/ceremony/online-journal.jsonl',
    },
    cli: 'keyferry journal set-aside-torn-line',
    // The app cannot record a line set aside: the command line does, with Keyferry closed.
    allowed: ['keyferry journal set-aside-torn-line', '--operator'],
  },
  {
    code: 'PLAN_INVALID',
    values: { issuesPhrases: 'keys[0].spec: unknown', more: 0, source: 'plan' },
    cli: '--example-plan',
    // The app has no example plan to start from.
    allowed: ['keyferry online create-key', '--example-plan'],
  },
  { code: 'AIRGAP_JOURNAL_IS_ONLINE', values: { file: 'online-journal.jsonl', title: 'Q3' }, cli: '--journal' },
  { code: 'CUSTODY_BACKUP_MISSING', values: { file: 'backup' }, cli: '--backup' },
  {
    code: 'CUSTODY_BACKUP_KEY_UNKNOWN',
    values: { keyId: 'k-1', ceremonyId: 'KF-1', chosenBy: 'bundle' },
    cli: 'keyferry online status',
  },
  {
    code: 'CUSTODY_SPLIT_REFUSED',
    values: { reason: 'custodians', m: 2, n: 3, min: 2, max: 16, actual: '', spec: '', value: '', count: 2 },
    cli: '--custodian',
  },
  {
    code: 'CUSTODY_SHARES_WRITE_FAILED',
    values: {
      reason: 'failed',
      cause: '',
      removed: 1,
      left: 0,
      leftoversList: listValue([]),
      moved: 0,
      movedList: listValue([]),
      command: 'wrap',
    },
    cli: 'keyferry airgap wrap',
  },
  {
    code: 'MATERIAL_NO_BACKUP_UNACKNOWLEDGED',
    values: { count: 1, expiresAt: Date.UTC(2027, 0, 1) },
    cli: '--no-backup',
  },
  ...(['yes', 'no'] as const).map((simulator) => ({
    code: 'REPLICA_REGION_NOT_SERVED',
    values: { region: 'ap-southeast-1', projectId: 'p-1', endpoint: 'https://127.0.0.1:9443', simulator },
    cli: simulator === 'yes' ? 'keyferry kms-sim' : '',
    branch: `simulator=${simulator}`,
  })),
  ...(
    [
      ['override', 'yes', 'none'],
      ['bundle', 'no', 'none'],
      ['bundle', 'no', 'some'],
    ] as const
  ).map(([source, requestedHeld, others]) => ({
    code: 'REPLICA_GROUP_EXPIRY_DIFFERS',
    values: {
      keyId: 'k-2',
      alias: 'alias/a',
      decided: 'at',
      decidedAt: Date.UTC(2027, 0, 1),
      source,
      holderKeyId: 'k-1',
      held: 'at',
      heldAt: Date.UTC(2027, 5, 1),
      requestedHeld,
      others,
      heldIso: '2027-06-01T00:00:00Z',
      othersList: listValue(['alias/b']),
    },
    cli: '--expires',
    branch: `${source} ${requestedHeld} ${others}`,
  })),
  ...(['bundle', 'wrap', 'wrapKms'] as const).map((reason) => ({
    code: 'EXPIRY_IN_PAST',
    values: { reason, keyId: 'k-1', at: Date.UTC(2026, 0, 1), now: Date.UTC(2026, 11, 7) },
    cli: '--expires',
    branch: reason,
  })),
  ...(['given', 'bundle'] as const).map((how) => ({
    code: 'EXPIRY_SPLITS_IMPORT',
    values: {
      imported: 1,
      held: 'at',
      heldAt: Date.UTC(2027, 5, 1),
      how,
      count: 1,
      keyId: 'k-2',
      decided: 'never',
      decidedAt: 0,
      source: 'override',
      heldIso: '2027-06-01T00:00:00Z',
    },
    cli: '--expires',
    branch: how,
  })),
  {
    code: 'PLAN_ADDS_KEYS_TOO_LATE',
    values: { count: 1, aliasList: listValue(['alias/c']), created: 2, later: 'parameters' },
    cli: '--journal',
  },
  {
    code: 'PLAN_OF_ANOTHER_CEREMONY',
    values: { aliasList: listValue(['alias/c']), planTitle: 'Q4', title: 'Q3', ceremonyId: 'KF-1' },
    cli: '--journal',
  },
  {
    code: 'KEY_ALIAS_TAKEN',
    values: {
      alias: 'alias/a',
      keyId: 'k-9',
      state: 'ENABLED',
      origin: 'kms',
      created: Date.UTC(2026, 0, 1),
      more: 0,
      moreList: listValue([]),
    },
    cli: '--journal',
  },
  { code: 'CEREMONY_NOT_STARTED', values: {}, cli: 'keyferry online create-key' },

  ...(['wrappingAlgorithm', 'materialExpiry', 'title'] as const).map((field) => ({
    code: 'START_DIFFERS_FROM_JOURNAL',
    values: { field, journaled: 'a', alias: 'none', journaledAt: 0, given: 'b', givenAt: 0 },
    cli: { wrappingAlgorithm: '--wrapping-algorithm', materialExpiry: '--expires', title: '--journal' }[field],
    branch: field,
  })),
  {
    code: 'IMPORT_LANDED_FROM_OTHER_BUNDLE',
    values: { keyId: 'k-1', sentSeq: 12, folder: '/media/usb/w1', digest: 'ab12', checkSeq: 11 },
    cli: 'keyferry online import',
  },
  {
    code: 'IMPORT_LANDED_FROM_OTHER_BUNDLE',
    values: {
      keyId: 'k-1',
      sentSeq: 12,
      folder: '/media/usb/w1',
      digest: 'ab12',
      checkSeq: 11,
      memberOutside: 'yes',
      carried: 'k-2',
    },
    cli: 'keyferry online import',
    branch: 'memberOutside',
  },
  {
    code: 'WRAPPED_FINGERPRINT_MISMATCH',
    values: { keyId: 'k-1', others: 0, used: 'aa11', issued: 'bb22' },
    cli: 'keyferry online params',
  },
  {
    code: 'WRAPPED_RESTORE_UNPROVEN',
    values: { keyId: 'k-1', others: 0, source: 'shares', refused: 'no', refusedSeq: 0 },
    cli: '--wrap-again',
  },
  {
    code: 'WRAPPED_MATERIAL_EXPOSED',
    values: { keyId: 'k-1', seq: 9, wrappedUnder: 'aa11', by: 'custody', setTag: 'x1', keyCheckValue: 'A1B2C3' },
    cli: 'keyferry airgap wrap',
  },
  { code: 'WRAPPED_KEY_ALREADY_IMPORTED', values: { keyId: 'k-1' }, cli: 'keyferry online status' },
  {
    code: 'WRAPPED_REPLICA_GROUP_SPLIT',
    values: { alias: 'g/aes', keyId: 'k-1', digest: 'AA11', membersList: listValue(['g/aes (k-2)']), count: 1 },
    cli: 'keyferry online params',
  },
  {
    code: 'WRAPPED_MATERIAL_NOT_THE_GROUPS',
    values: { ...groupMaterial, again: 'no', againFolder: '', againDigest: '', until: 0 },
    cli: 'keyferry online params --key-id k-2',
    branch: 'restore',
  },
  {
    code: 'WRAPPED_MATERIAL_NOT_THE_GROUPS',
    values: {
      ...groupMaterial,
      again: 'yes',
      againFolder: '/media/usb/wrapped-material-1',
      againDigest: 'AA11 BB22',
      until: Date.parse('2026-12-09T10:00:00Z'),
    },
    cli: 'keyferry online import with --bundle /media/usb/wrapped-material-1',
    branch: 'import again',
  },
  {
    code: 'PARAMETERS_AFTER_PROOF',
    values: { count: 1, keysList: listValue(['k-1']) },
    cli: 'keyferry online status',
  },
  {
    code: 'PARAMETERS_CHOICE_LEAVES_UNFETCHED',
    values: { count: 1, keysList: listValue(['k-2']) },
    cli: '--key-id',
  },
  ...(
    [
      ['online_new', 'keyferry online create-key'],
      ['online_keysCreated', 'keyferry online params'],
      ['online_parametersWritten', 'keyferry online import'],
      ['online_imported', 'keyferry online status'],
      ['online_finished', 'keyferry online status'],
    ] as const
  ).map(([next, cli]) => ({
    code: 'CEREMONY_STEP_OUT_OF_ORDER',
    values: {
      reason: 'order',
      keyId: 'k-1',
      step: 'importKeyMaterial',
      side: 'online',
      statePhrase: 'keys created',
      next,
    },
    cli,
    branch: next,
  })),
  {
    code: 'BUNDLE_WRONG_KIND',
    values: { dir: '/media/usb/w', found: 'wrapped', pick: 'restore' },
    cli: 'keyferry online params',
    branch: 'restore',
  },
  ...(['yes', 'no'] as const).map((other) => ({
    code: 'WRAPPED_BUNDLE_ONE_FOLDER_DOWN',
    values: { dir: '/media/usb', folder: '/media/usb/w1', other, named: 'KF-2', own: 'KF-1' },
    cli: '--bundle',
    branch: `other=${other}`,
  })),
  ...(['none', 'airgap-KF-1.jsonl'] as const).map((existing) => ({
    code: 'AIRGAP_JOURNAL_OTHER_CEREMONY',
    values: {
      journal: '/ceremony/air-gapped-journal.jsonl',
      recorded: 'KF-2',
      ceremonyId: 'KF-1',
      named: 'no',
      existing,
      suggested: 'airgap-KF-1.jsonl',
    },
    cli: '--journal',
    branch: existing === 'none' ? 'new journal' : 'existing journal',
    // The app cannot continue a journal of another name than its own in the ceremony folder.
    allowed: ['keyferry airgap wrap', '--journal'],
  })),
];

/** The commands and options a text names: `--option`, `keyferry …` (its words), kms-sim, and "the same command". */
function commandLineWords(text: string): string[] {
  return [
    ...text.matchAll(/--[a-z][a-z-]*|\bkeyferry(?: [a-z][a-z-]*)+|\bkms-sim\b|same command|同一(?:条)?命令/g),
  ].map((m) => m[0]);
}

/** The code, and the value that picks the branch where a code has several cases. */
function caseName({ code, values, branch: named }: Case): string {
  const branch =
    named ??
    values['evidence'] ??
    values['cleanup'] ??
    (code === 'PARAMETERS_KEY_NOT_WAITING' ? values['reason'] : undefined);
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
