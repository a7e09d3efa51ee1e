/**
 * Step 7 of both air-gapped ceremonies, writing the wrapped-material bundle: into the folder the
 * preflight checked, with each key's expiry the preflight fixed, all but its manifest. The folder
 * becomes a bundle only when `complete()` writes the manifest, after the receipt naming its digest
 * (receipt-step.ts), so a stop in between, even a SIGKILL, leaves nothing `online import` accepts.
 * The manifest names who made the material and in which journal (`madeBy`), for the online side
 * to check against its own journal: since format version 4 also the session that made it and every
 * earlier session of the journal that was sealed (its receipt written, or its bundle completed:
 * finishedWrapStarts), each by the entry that started it,
 * so that a bundle of an older copy of the journal (one that lacks a wrap the online side took) shows.
 */
import path from 'node:path';
import { BUNDLE_LIMITS } from '../../bundle/bundle-limits';
import type { CustodyArrangement, WrappedMadeBy } from '../../bundle';
import type { Journal } from '../../journal';
import { finishedWrapStarts } from './earlier-wraps';
import { isRestoreStart, RESTORE_PURPOSE, startsAirGappedSession } from './receipt-session';
import type { MaterialExpiry } from '../shared/ceremony-plan';
import { stepOutOfOrder } from '../shared/step-guard';
import type { SessionPreflight } from './session-preflight';
import { writeWrapped, type WrapContext, type WrappedKey, type WrittenWrappedBundle } from './wrap';

/** What goes into the bundle: the session's ceremony, its wrapped keys and who keeps a copy. */
interface WrappedBundleContent {
  readonly ceremonyId: string;
  readonly wrapped: readonly WrappedKey[];
  readonly custody: CustodyArrangement;
  readonly now: Date;
}

/** The session's people: the operator, and the witnesses who each confirmed the parameters before any material existed. */
type MakersContext = WrapContext & { readonly witnesses: readonly string[] };

/**
 * Who made the material, as the wrapped manifest names them: this session's people, its purpose
 * (the last session start in the journal is this session's) and the journal, by file name and the
 * SHA-256 of its first entry; this session by the entry that started it, and the sealed sessions
 * before it (finishedWrapStarts; the latest BUNDLE_LIMITS.maxEarlierWraps).
 */
function madeByOf(context: MakersContext): WrappedMadeBy {
  const { journal } = context;
  const start = journal.entries.findLast(startsAirGappedSession);
  const made = {
    purpose: isRestoreStart(start?.data) ? RESTORE_PURPOSE : ('wrap' as const),
    operator: context.operator,
    witnesses: [...context.witnesses],
    journalFile: path.basename(journal.path),
    journalFirstEntrySha256: firstEntryHash(journal),
  };
  if (!start) return made;
  const earlier = finishedWrapStarts(journal.entries).filter((w) => w.seq < start.seq);
  return {
    ...made,
    wrapEntry: { seq: start.seq, sha256: start.hash, at: start.time },
    earlierWraps: earlier.slice(-BUNDLE_LIMITS.maxEarlierWraps),
  };
}

function firstEntryHash(journal: Journal): string {
  const first = journal.entries[0];
  if (!first)
    throw stepOutOfOrder({ reason: 'state', step: 'writeTheWrappedMaterialBundle', side: 'airgap', state: 'new' });
  return first.hash;
}

/** One session's wrapped bundle: staged by `write`, completed by `complete` once the receipt exists. */
export class WrappedBundleWriter {
  readonly #preflight: SessionPreflight;
  readonly #context: MakersContext;
  #bundle: WrittenWrappedBundle | undefined;
  #complete: (() => Promise<WrittenWrappedBundle>) | undefined;

  constructor(preflight: SessionPreflight, context: MakersContext) {
    this.#preflight = preflight;
    this.#context = context;
  }

  /** The bundle this session wrote (staged or completed), if any. */
  get bundle(): WrittenWrappedBundle | undefined {
    return this.#bundle;
  }

  /**
   * Writes `content` into the new folder `dir`, which must be the one the preflight checked
   * (PREFLIGHT_REQUIRED, PREFLIGHT_FOLDER_DIFFERS), all but the manifest. `expiry`: the one expiry
   * for every AES key when the preflight left it open; when the preflight named one it must be
   * that one (PREFLIGHT_EXPIRY_DIFFERS), and absent when it asked for each key's plan.
   */
  async write(dir: string, content: WrappedBundleContent, expiry?: MaterialExpiry): Promise<WrittenWrappedBundle> {
    const expiryOf = this.#preflight.bundleExpiries(dir, expiry);
    const staged = await writeWrapped(
      dir,
      content.ceremonyId,
      content.wrapped,
      expiryOf,
      content.custody,
      madeByOf(this.#context),
      this.#context,
      content.now,
    );
    this.#bundle = staged.bundle;
    this.#complete = staged.complete;
    return staged.bundle;
  }

  /** After the receipt is written: writes the manifest and verifies the bundle from disk. */
  async complete(): Promise<WrittenWrappedBundle> {
    if (!this.#complete)
      throw stepOutOfOrder({ reason: 'state', step: 'writeTheReceipt', side: 'airgap', state: 'wrapped' });
    this.#bundle = await this.#complete();
    return this.#bundle;
  }
}
