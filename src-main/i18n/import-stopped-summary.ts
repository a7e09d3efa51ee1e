/**
 * Keys named as the CLI and the app name them, and the summary of an import that stopped part way
 * (which keys hold their material, which were sent an import not recorded as taken, which are still
 * to import from this bundle and which wait for material it does not carry), written once for both:
 * `online import` (cli/import-stopped-lines.ts) and the app's import step
 * (src-renderer/screens/online/ImportStopped.tsx). Renderer-safe: imports only i18n.
 */
import type { Translator } from './translate';
import { listText } from './list';

/** A key as the lists name it: alias and key id, and a replica's region (its alias is its primary's). */
export interface NamedKey {
  readonly alias: string;
  readonly keyId: string;
  readonly replicaOf: string | null;
  readonly region: string;
}

/** Keys named as the status lines name them, in a list as the reader's language writes one. */
export function namedKeys(translator: Pick<Translator, 't'>, keys: readonly NamedKey[]): string {
  const { t } = translator;
  return listText(
    translator,
    keys.map((k) =>
      t('online.named-key', {
        alias: k.alias,
        keyId: k.keyId,
        replica: k.replicaOf === null ? 'no' : 'yes',
        region: k.region,
      }),
    ),
  );
}

/**
 * The token values of the keys-not-imported-yet line (`partly-imported`, CLI and app): whether the
 * import tokens of those keys are valid, lapsed or unknown, and until when (core status-next-steps.ts
 * `missingTokens`; 0 when unknown, then unsaid).
 */
export function missingTokensValues(
  tokens: { readonly until: number; readonly lapsed: boolean; readonly by: 'kms' | 'computer' } | null,
): {
  tokens: 'unknown' | 'lapsed' | 'valid';
  until: number;
  tokensBy: 'kms' | 'computer';
} {
  return {
    tokens: tokens === null ? 'unknown' : tokens.lapsed ? 'lapsed' : 'valid',
    until: tokens?.until ?? 0,
    // Whose clock showed a lapse: the KMS's (its refusal, or tokens it issued since), or this computer's.
    tokensBy: tokens?.by ?? 'computer',
  };
}

/**
 * The values of a wrapped bundle refused since the keys-not-imported-yet line's parameters were
 * written (`partly-imported`, CLI and app; core status-next-steps.ts `missingWrap.refused`): its
 * entry, and what the refusal said and says to do, in the reader's words on `surface` (a trial read
 * the raw code, WRAPPED_DIGEST_MISMATCH, mid-sentence, and was told to do what that refusal said).
 */
export function wrapRefusedValues(
  translator: Pick<Translator, 'problem' | 'sentences' | 't'>,
  refused: {
    readonly seq: number;
    readonly code: string;
    readonly values: Readonly<Record<string, string | number>>;
    readonly reason: string;
    readonly recorded: boolean;
  } | null,
  surface: 'cli' | 'app',
): { wrapRefused: 'yes' | 'no'; wrapRefusedSeq: number; wrapRefusedSaid: string } {
  if (!refused) return { wrapRefused: 'no', wrapRefusedSeq: 0, wrapRefusedSaid: '' };
  const { seq, code, values, reason, recorded } = refused;
  const { message, nextStep } = translator.problem({
    code,
    message: reason,
    nextStep: '',
    values: { ...values, surface },
  });
  // An older build's entry whose values no words of today fit: its recorded (English) text, marked
  // as such, as the journal viewer and the receipt say it (unmarked, it ran on into the Chinese next step).
  const said = recorded ? translator.t('journal.recorded', { text: reason }) : message;
  return { wrapRefused: 'yes', wrapRefusedSeq: seq, wrapRefusedSaid: translator.sentences(said, nextStep) };
}

/**
 * Each key sent an import whose answer on record proves nothing, with that answer: the entry of the
 * send, the failure's code (KMS_IMPORT_OUTCOME_UNKNOWN said as a failure whose outcome is unknown)
 * and its entry, in a list (`online status` and the app's key-state lines).
 */
export function unprovenAnswers(
  translator: Pick<Translator, 't'>,
  keys: readonly (NamedKey & { readonly answer: { code: string; seq: number; sentSeq: number | null } })[],
): string {
  return listText(
    translator,
    keys.map(({ answer, ...k }) =>
      translator.t('online.status.unproven-answer', {
        key: namedKeys(translator, [k]),
        code: answer.code,
        seq: answer.seq,
        sentSeq: answer.sentSeq ?? 0,
      }),
    ),
  );
}

/** At most this many keys are named in one list of the summary; the rest are counted (where the officer sees every one says the `moreKeys` message). */
const NAMED_AT_MOST = 10;

/** The message naming the first keys of a longer list and how many more: the CLI's or the app's. */
type MoreKeysMessage = 'online.import.more-keys' | 'import.stopped.more-keys';

/**
 * A key as the summary sorts it: named, whether it holds its material, and whether an import sent to
 * it is not recorded as taken (no answer on record, or an answer that proved nothing).
 */
interface ImportingKey extends NamedKey {
  readonly imported: boolean;
  readonly importSentUnrecorded: boolean;
  readonly importAnswerUnproven: { readonly code: string; readonly seq: number } | null;
}

/** Sent and not recorded as taken: the next run asks the KMS first. */
const sentNotTaken = (k: ImportingKey) => k.importSentUnrecorded || k.importAnswerUnproven !== null;

/** How many keys fall in each part of the summary, and the summary message's values. */
interface ImportStoppedSummary {
  readonly imported: number;
  readonly unanswered: number;
  /** Keys the bundle carries that are not imported yet (running the import again imports them). */
  readonly missing: number;
  readonly values: {
    readonly imported: number;
    readonly total: number;
    readonly unanswered: number;
    readonly unansweredKeys: string;
    readonly missing: number;
    readonly missingKeys: string;
    readonly elsewhere: number;
    readonly elsewhereKeys: string;
  };
}

/**
 * The keys sorted into imported, sent an import not recorded as taken, not imported yet from this
 * bundle (`inBundle`) and waiting for material the bundle does not carry (say, a key whose material
 * lapsed: running the import again cannot finish it); each list named, at most NAMED_AT_MOST keys.
 */
export function importStoppedSummary(
  translator: Pick<Translator, 't'>,
  keys: readonly ImportingKey[],
  inBundle: (keyId: string) => boolean,
  moreKeys: MoreKeysMessage,
): ImportStoppedSummary {
  const named = (list: readonly ImportingKey[]) =>
    list.length <= NAMED_AT_MOST
      ? namedKeys(translator, list)
      : translator.t(moreKeys, {
          keys: namedKeys(translator, list.slice(0, NAMED_AT_MOST)),
          count: list.length - NAMED_AT_MOST,
        });
  const imported = keys.filter((k) => k.imported);
  const unanswered = keys.filter((k) => !k.imported && sentNotTaken(k));
  const waiting = keys.filter((k) => !k.imported && !sentNotTaken(k));
  const missing = waiting.filter((k) => inBundle(k.keyId));
  const elsewhere = waiting.filter((k) => !inBundle(k.keyId));
  return {
    imported: imported.length,
    unanswered: unanswered.length,
    missing: missing.length,
    values: {
      imported: imported.length,
      total: keys.length,
      unanswered: unanswered.length,
      unansweredKeys: named(unanswered),
      missing: missing.length,
      missingKeys: named(missing),
      elsewhere: elsewhere.length,
      elsewhereKeys: named(elsewhere),
    },
  };
}
