/**
 * The ceremony facts an import-parameters bundle carries (title, the plan's material expiry, the
 * online journal's name), read before the ceremony starts so the air-gapped side uses the same
 * title and expiry as the online side. A bundle that cannot be read yields none here: the
 * ceremony's own read of the bundle, a step later, reports the exact problem.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { KeyferryError } from '../errors';
import { GENERATED_CEREMONY_ID_PATTERN } from '../identifiers';
import type { JournalEntry } from '../journal/entry';
import { entriesBeforeOpening } from '../journal/journal';
import { journalsOfCeremony } from '../journal/journals-of-ceremony';
import { commandLine } from '../shell-command';
import type { ImportParameters } from './import-parameters';
import { readBundle } from './read-bundle';
import type { CeremonyFacts } from './import-parameters-manifest';

export async function ceremonyFactsOf(dir: string, now: Date = new Date()): Promise<CeremonyFacts | undefined> {
  return (await bundleCeremonyOf(dir, now))?.facts;
}

/** The ceremony an import-parameters bundle belongs to, its facts and keys; undefined when it does not read. */
export async function bundleCeremonyOf(
  dir: string,
  now: Date = new Date(),
): Promise<{ ceremonyId: string; facts: CeremonyFacts | undefined; keys: readonly ImportParameters[] } | undefined> {
  try {
    const bundle = await readBundle(dir, { now });
    return bundle.kind === 'import-parameters'
      ? { ceremonyId: bundle.manifest.ceremonyId, facts: bundle.manifest.ceremony, keys: bundle.keys }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The ceremony an air-gapped journal records: the ceremony id of its first `parameters.read`; undefined before one. */
export function recordedCeremonyId(entries: readonly JournalEntry[]): string | undefined {
  const recorded = entries.find((e) => e.event === 'parameters.read')?.data['ceremonyId'];
  return typeof recorded === 'string' ? recorded : undefined;
}

/**
 * One journal, one ceremony: refuses (AIRGAP_JOURNAL_OTHER_CEREMONY) when `journal` records
 * another ceremony than `ceremonyId`; a journal that records none yet, or this one, passes.
 */
export function refuseJournalOfOtherCeremony(
  journal: { readonly path: string; readonly entries: readonly JournalEntry[] },
  ceremonyId: string,
): void {
  const recorded = recordedCeremonyId(journal.entries);
  if (recorded === undefined || recorded === ceremonyId) return;
  throw new KeyferryError('AIRGAP_JOURNAL_OTHER_CEREMONY', {
    journal: journal.path,
    recorded,
    ceremonyId,
    // The journal named for this ceremony already took another's bundle (a swapped stick): name a free one.
    named: path.basename(journal.path) === airGapJournalName(ceremonyId) ? 'yes' : 'no',
    suggested: freeJournalName(path.dirname(journal.path), ceremonyId),
    // This ceremony's own journal beside it is the one meant: a new journal would not know its wraps
    // (a trial followed the suggested new name and made other material without the wrap-again question).
    existing: existingJournal(journal.path, ceremonyId),
  });
}

/**
 * The ceremony an air-gapped journal's file name names, as the online side prints it
 * (`airgap-<id>.jsonl`, or `airgap-<id>-<n>.jsonl` for a further one), when that is an id Keyferry made.
 */
function ceremonyNamedBy(journalFile: string): string | undefined {
  const middle = /^airgap-(.+)\.jsonl$/.exec(path.basename(journalFile))?.[1];
  if (middle === undefined) return undefined;
  const stripped = middle.replace(/-\d+$/, '');
  return [middle, stripped].find((id) => GENERATED_CEREMONY_ID_PATTERN.test(id));
}

/**
 * The same before the journal at `file` opens (the CLI): a stick of another ceremony given with a
 * journal that already records one is said first, not as other people than the bundle names. A
 * journal that is missing or does not read passes; opening it says why.
 */
export async function refuseJournalFileOfOtherCeremony(
  file: string,
  ceremonyId: string,
  entries: Promise<readonly JournalEntry[] | undefined> = entriesBeforeOpening(file),
): Promise<void> {
  const read = await entries;
  if (read) refuseJournalOfOtherCeremony({ path: file, entries: read }, ceremonyId);
}

/**
 * A new journal (`file` does not exist yet) for ceremony `ceremonyId` while an air-gapped journal of
 * that ceremony lies beside it (a trial: a second journal name, or a mistyped one, wrapped the same
 * parameters again with no wrap-again question, a second custody set, and the online side, which
 * had not seen the first wrap, imported it). Refused (AIRGAP_JOURNAL_NEW_BESIDE) before the journal
 * is created, naming the journal to continue with. A journal in another folder is not seen.
 */
export function refuseNewJournalBesideCeremony(file: string, ceremonyId: string): void {
  if (existsSync(file)) return;
  const existing = existingJournal(file, ceremonyId);
  if (existing === 'none') return;
  throw new KeyferryError('AIRGAP_JOURNAL_NEW_BESIDE', { journal: file, existing, ceremonyId, state: 'new' });
}

/**
 * The same for a journal that exists but records no ceremony yet: the app's, which its first step
 * creates in the ceremony folder before any parameters are read (a review wrapped the parameters of
 * a finished command-line wrap again in the app, in that wrap's folder: new material, no question).
 * Refused (AIRGAP_JOURNAL_NEW_BESIDE) when the parameters are read, before anyone types.
 */
export function refuseUnboundJournalBesideCeremony(
  journal: { readonly path: string; readonly entries: readonly JournalEntry[] },
  ceremonyId: string,
): void {
  if (recordedCeremonyId(journal.entries) !== undefined) return;
  const existing = existingJournal(journal.path, ceremonyId);
  if (existing === 'none') return;
  throw new KeyferryError('AIRGAP_JOURNAL_NEW_BESIDE', {
    journal: journal.path,
    existing,
    ceremonyId,
    state: 'unbound',
  });
}

/**
 * A stick of another ceremony given to the command printed for this one: the journal's name (as the
 * online side prints it) names ceremony B while the import-parameters bundle is ceremony F's. Refused
 * (AIRGAP_JOURNAL_NAMED_FOR_OTHER_CEREMONY) before the journal takes a session or F's bundle, so the
 * journal named for B is never bound to F and no witness types a value for the wrong stick.
 */
export function refuseJournalNamedForOtherCeremony(
  journalFile: string,
  bundle: { readonly dir: string; readonly ceremonyId: string; readonly title: string | undefined },
): void {
  const named = ceremonyNamedBy(journalFile);
  if (named === undefined || named === bundle.ceremonyId) return;
  throw new KeyferryError('AIRGAP_JOURNAL_NAMED_FOR_OTHER_CEREMONY', {
    journal: path.basename(journalFile),
    named,
    ceremonyId: bundle.ceremonyId,
    dir: bundle.dir,
    titled: bundle.title === undefined ? 'no' : 'yes',
    title: bundle.title ?? '',
    // Ids of one length differing in a character or two: the name was mistyped, not the stick swapped (a trial).
    slip: typingSlip(named, bundle.ceremonyId) ? 'yes' : 'no',
  });
}

/** Whether `a` and `b` are of one length and differ in one or two characters. */
function typingSlip(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differing = [...a].filter((c, i) => c !== b[i]).length;
  return differing > 0 && differing <= 2;
}

/**
 * The air-gapped journal name the online side prints for `ceremonyId` (n > 1: a further one), which
 * refuseJournalNamedForOtherCeremony reads back: one rule for both.
 */
export function airGapJournalName(ceremonyId: string, n = 1): string {
  return n === 1 ? `airgap-${ceremonyId}.jsonl` : `airgap-${ceremonyId}-${n}.jsonl`;
}

/** An air-gapped journal of `ceremonyId` beside `journal`, as --journal takes it (quoted for the shell), or 'none'. */
function existingJournal(journal: string, ceremonyId: string): string {
  const found = journalsOfCeremony(path.dirname(journal), ceremonyId, 'air-gapped', journal);
  // The name the online side prints for it first (its wraps are there), else the first found.
  const named = found.find((name) => name === airGapJournalName(ceremonyId)) ?? found[0];
  // Its full path: a bare name would mean the current folder, which may be another.
  return named === undefined ? 'none' : commandLine([path.join(path.dirname(journal), named)]);
}

/** The first of airgap-ID.jsonl, airgap-ID-2.jsonl, … that does not exist in `dir`. */
function freeJournalName(dir: string, ceremonyId: string): string {
  for (let n = 1; ; n++) {
    const name = airGapJournalName(ceremonyId, n);
    if (!existsSync(path.join(dir, name))) return name;
  }
}
