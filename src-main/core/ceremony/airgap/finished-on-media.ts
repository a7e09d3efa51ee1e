/**
 * A journal whose last air-gapped session looks unfinished, while the media show that it finished,
 * or that the journal went on after it: the journal is an older copy (restored from a backup, or
 * copied while that wrap ran). Closing the session as a crashed one (unfinished-session.ts) would
 * withdraw what it wrote: the custody shares of a finished wrap, which may be the only backup of
 * material a KMS key now holds. A trial took a finished wrap's shares out of the real custodian
 * folders that way. Nothing is written or removed when the media say so
 * (AIRGAP_SESSION_FINISHED_ON_MEDIA), on any of this evidence, looked for in the folders the
 * session's preflight checked:
 *  - its wrapped bundle, complete: the manifest is written only after the session's receipt is
 *    journaled (wrap.ts writeWrapped), so one whose digest the session journaled, or a bundle that
 *    verifies and names the session's start entry as its maker, means the session finished;
 *  - a manifest.json there that is neither (damaged, or another file put there), or a bundle folder
 *    that cannot be read: the officer checks it before anything is withdrawn;
 *  - its bundle folder gone after the session journaled the bundle written: it may have been
 *    carried away finished; the medium is asked for (an empty folder there says it is lost);
 *  - a text receipt of the ceremony in its receipt folder with the digests of the parameters (and
 *    bundle) the session journaled, printed at an entry count past this copy's end and a head this
 *    copy does not hold: the journal went on. Whatever journal file its verify command names: a copy
 *    restored under its backup's name is the same journal (a trial lost a set that way). A receipt of
 *    another journal with the same parameters (an earlier journal this one replaced) is moved aside
 *    by the officer to go past;
 *  - such a receipt printed at one of the session's own entries after its bundle was written, while
 *    that bundle's folder is gone or empty: the wrap reached its receipt, and its bundle was carried
 *    away (a trial's officer, told to put an empty folder there if the bundle was lost, did so while
 *    the receipt lay in the folder). A crash between the receipt and its entry leaves the bundle's
 *    files in their folder, and is closed as before.
 * A folder that holds none of these says nothing; the session is closed as before. A copy whose
 * wrap's bundle was carried away before its entry `wrapped-bundle.written`, with no receipt beside
 * it, cannot be told from a crash here (the command line's named-journal check may still refuse it).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, readBundle, readBundleClaimedMaker } from '../../bundle';
import { recordedCeremonyId } from '../../bundle/ceremony-facts';
import { KeyferryError } from '../../errors';
import type { JournalEntry } from '../../journal';
import { printedJournalSeal } from '../../receipt/sections';
import { receiptNamePattern } from './crashed-session-receipt';

/** The unfinished session as the check reads it: its journal and entries, and the folders its preflight checked. */
interface UnfinishedOnJournal {
  /** The journal's path (named in the refusal) and every entry of it. */
  readonly journal: string;
  readonly entries: readonly JournalEntry[];
  /** The session's entries, from its start. */
  readonly session: readonly JournalEntry[];
  /** Its number among the journal's air-gapped sessions (1-based). */
  readonly number: number;
  /** The wrapped-bundle folder and receipt folder its last passed preflight checked (undefined: none named). */
  readonly bundleFolder: string | undefined;
  readonly receiptFolder: string | undefined;
  /** The session journaled its receipt (cut before its manifest): that receipt printed in the session is no evidence. */
  readonly receiptJournaled?: boolean;
}

/**
 * What says the session finished, or the journal went on ('manifest': one to check first), or that it
 * cannot be closed yet: the one list of AIRGAP_SESSION_FINISHED_ON_MEDIA's evidence. `parameters`: the
 * import parameters name a wrap this copy lacks, or the session itself, as taken by the online side
 * (named-journal.ts); `missingAfterReceipt`: the bundle folder of a session sealed only by its receipt
 * is not there (unfinished-session.ts).
 */
type Evidence =
  | { readonly evidence: 'bundle' | 'manifest' | 'missing' | 'missingAfterReceipt'; readonly where: string }
  | {
      readonly evidence: 'receipt' | 'receiptInSession' | 'parameters';
      readonly where: string;
      readonly count: number;
    };

/** The session (its number and start) whose closing `found` refuses, in journal `journal`. */
export function sessionFinishedOnMedia(
  journal: string,
  session: { readonly number: number; readonly seq: number },
  found: Evidence,
): KeyferryError {
  return new KeyferryError('AIRGAP_SESSION_FINISHED_ON_MEDIA', {
    journal,
    session: session.number,
    seq: session.seq,
    where: found.where,
    evidence: found.evidence,
    count: 'count' in found ? found.count : 0,
  });
}

/** Receipt text files larger than this are not read for the check (a 100-key receipt is far smaller). */
const RECEIPT_TEXT_MAX_BYTES = 8 * 1024 * 1024;

/** Refuses to close `unfinished` when the media show the session finished or the journal went on (see the file comment). */
export async function refuseSessionFinishedOnMedia(unfinished: UnfinishedOnJournal): Promise<void> {
  const start = unfinished.session[0];
  if (!start) return;
  const bundle = unfinished.bundleFolder === undefined ? undefined : await bundleEvidence(unfinished, start);
  // Certain evidence first (the bundle the session wrote, a receipt printed later), then what is asked about.
  const bundleGone = unfinished.bundleFolder !== undefined && (await holdsNothing(unfinished.bundleFolder));
  const found =
    bundle?.evidence === 'bundle'
      ? bundle
      : ((unfinished.receiptFolder === undefined ? undefined : await receiptEvidence(unfinished, bundleGone)) ??
        bundle);
  if (!found) return;
  throw sessionFinishedOnMedia(unfinished.journal, { number: unfinished.number, seq: start.seq }, found);
}

/** Whether `folder` is gone or empty (a folder that does not read holds something unknown: false). */
async function holdsNothing(folder: string): Promise<boolean> {
  return fs.readdir(folder).then(
    (names) => names.length === 0,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  );
}

/** What the session's bundle folder says: finished, to check, carried away, or nothing. */
async function bundleEvidence(unfinished: UnfinishedOnJournal, start: JournalEntry): Promise<Evidence | undefined> {
  const folder = unfinished.bundleFolder as string;
  const journaled = journaledDigest(unfinished.session, 'wrapped-bundle.written');
  const names = await fs.readdir(folder).then(
    (read) => read,
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : undefined),
  );
  if (names === undefined) return { evidence: 'manifest', where: folder };
  if (names === null) return journaled === undefined ? undefined : { evidence: 'missing', where: folder };
  if (!names.includes(MANIFEST_FILE)) return undefined;
  const claim = await readBundleClaimedMaker(folder).catch(() => undefined);
  if (claim && claim.digest === journaled) return { evidence: 'bundle', where: folder };
  const made = claim?.madeBy;
  const namesThisSession =
    made !== undefined &&
    made.journalFirstEntrySha256 === unfinished.entries[0]?.hash &&
    made.wrapEntry.seq === start.seq &&
    made.wrapEntry.sha256 === start.hash;
  // Only a bundle that verifies is taken at its word (a line forged on the medium is not).
  const verified =
    namesThisSession &&
    (await readBundle(folder, { now: new Date() }).then(
      () => true,
      () => false,
    ));
  return { evidence: verified ? 'bundle' : 'manifest', where: folder };
}

/** The digest (`manifestSha256`, lowercase hex) the session's last `event` entry journaled (undefined: none). */
function journaledDigest(session: readonly JournalEntry[], event: string): string | undefined {
  const digest = session.findLast((e) => e.event === event)?.data['manifestSha256'];
  return typeof digest === 'string' && /^[0-9a-f]{64}$/.test(digest) ? digest : undefined;
}

/**
 * A receipt in the session's receipt folder printed from this journal past this copy's end (see the
 * file comment), and of this session's parameters: its seals carry the parameters bundle digest the
 * session read and, when the session journaled its wrapped bundle written, that bundle's digest.
 */
async function receiptEvidence(unfinished: UnfinishedOnJournal, bundleGone: boolean): Promise<Evidence | undefined> {
  const folder = unfinished.receiptFolder as string;
  const ceremonyId = recordedCeremonyId(unfinished.entries);
  const parameters = journaledDigest(unfinished.session, 'parameters.read');
  if (ceremonyId === undefined || parameters === undefined) return undefined;
  const seals = [parameters, journaledDigest(unfinished.session, 'wrapped-bundle.written')].flatMap((d) =>
    d === undefined ? [] : [d.toUpperCase()],
  );
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const hashes = new Set(unfinished.entries.map((e) => e.hash));
  // The session's entries from its bundle's (a receipt is printed after the bundle is written).
  const written = unfinished.session.findIndex((e) => e.event === 'wrapped-bundle.written');
  const afterBundle = new Set(written < 0 ? [] : unfinished.session.slice(written).map((e) => e.hash));
  // This ceremony's air-gapped text receipts only.
  const ofCeremony = receiptNamePattern(ceremonyId);
  for (const name of names) {
    if (ofCeremony.exec(name)?.[2] !== 'txt') continue;
    const printed = await receiptFileSeal(path.join(folder, name));
    if (!printed || !seals.every((d) => printed.hex.includes(d))) continue;
    const where = path.join(folder, name);
    if (printed.count > unfinished.entries.length && !hashes.has(printed.head))
      return { evidence: 'receipt', where, count: printed.count };
    if (bundleGone && !unfinished.receiptJournaled && afterBundle.has(printed.head))
      return { evidence: 'receiptInSession', where, count: printed.count };
  }
  return undefined;
}

/** What a text receipt file prints of its journal (receipt/sections.ts printedJournalSeal); undefined when it does not read or is too large. */
async function receiptFileSeal(file: string): Promise<ReturnType<typeof printedJournalSeal>> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat?.isFile() || stat.size > RECEIPT_TEXT_MAX_BYTES) return undefined;
  return printedJournalSeal(await fs.readFile(file, 'utf8').catch(() => ''));
}
