/**
 * A wrapped-material bundle whose session was abandoned (a failure after it was written, or an
 * interrupt before its receipt existed) must never be imported: no receipt names its digest.
 * Withdrawing it writes ABANDONED.txt into the folder first (so it is refused even if the next
 * step fails), then renames manifest.json aside, so no reader takes the folder for a bundle.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KeyferryError } from '../errors';
import { fsyncDirectory, writeFileExclusive } from '../fs/durable-file';
import { MANIFEST_FILE } from './bundle-limits';
import { bundleUnreadable } from './bundle-problem';
import { pathExists } from '../fs/path-exists';
import { LOCALES } from '../../i18n/locale';
import type { Phrase } from '../../i18n/phrase';
import { translator, type ProblemLike } from '../../i18n/translate';

export const ABANDONED_MARKER = 'ABANDONED.txt';
const WITHDRAWN_MANIFEST = 'manifest.json.abandoned';

interface WithdrawnBundle {
  readonly dir: string;
  /** ABANDONED.txt's path; null when it could not be written (a full medium): the folder then has no manifest. */
  readonly marker: string | null;
  /** False when manifest.json could not be renamed (the marker alone refuses the folder), or was removed instead. */
  readonly manifestRenamed: boolean;
  /** False when the folder never got its manifest (its receipt was never written): nothing to move. */
  readonly manifestWritten: boolean;
  /** True when, no marker being possible, the manifest was deleted so that no reader takes the folder for a bundle. */
  readonly manifestRemoved: boolean;
}

/** How a withdrawal took: marked, its manifest removed (no room for a marker), or neither needed nor possible (no manifest ever). */
export function withdrawalKind(withdrawn: WithdrawnBundle): 'marked' | 'manifestRemoved' | 'noManifest' {
  if (withdrawn.marker !== null) return 'marked';
  return withdrawn.manifestRemoved ? 'manifestRemoved' : 'noManifest';
}

/** What `wrapped-bundle.withdrawn` records of a withdrawal (the journal is evidence: only what was done). */
export function withdrawnBundleData(withdrawn: WithdrawnBundle): {
  folder: string;
  marker: string | null;
  manifestRenamed: boolean;
  manifestWritten: boolean;
  manifestRemoved?: true;
} {
  return {
    folder: withdrawn.dir,
    marker: withdrawn.marker === null ? null : path.basename(withdrawn.marker),
    manifestRenamed: withdrawn.manifestRenamed,
    manifestWritten: withdrawn.manifestWritten,
    ...(withdrawn.manifestRemoved ? { manifestRemoved: true as const } : {}),
  };
}

/** Why the session was abandoned: its English text, and the phrase or problem each language says it with. */
interface AbandonFacts {
  readonly reason: string;
  readonly at: Date;
  readonly journal: string;
  /** The session was a custody restore's: the way on is the restore again, not a wrap. */
  readonly restore?: boolean;
  readonly phrase?: Phrase | undefined;
  readonly problem?: ProblemLike | undefined;
}

/**
 * ABANDONED.txt: the same notice in every language Keyferry speaks (English, then Chinese), as the
 * catalogue says it, since whoever opens the folder may read either; the reason in each language.
 */
function markerText(facts: AbandonFacts): string {
  const journal = path.basename(facts.journal);
  return LOCALES.map((locale) => {
    const tr = translator(locale);
    const why = facts.problem
      ? tr.problem(facts.problem).message
      : facts.phrase
        ? tr.message(facts.phrase)
        : facts.reason;
    const reason = why.replace(/[\u0000-\u001f\u007f]/g, ' ');
    return `${tr.t('bundle.abandoned.marker', { at: facts.at, reason, journal, by: facts.restore ? 'restore' : 'wrap' })}\n`;
  }).join('\n');
}

/** Marks `dir` as abandoned and moves its manifest aside. Throws WRAPPED_WITHDRAW_FAILED when even the marker cannot be written. */
export async function withdrawWrappedBundle(dir: string, facts: AbandonFacts): Promise<WithdrawnBundle> {
  const marker = path.join(dir, ABANDONED_MARKER);
  try {
    await writeFileExclusive(marker, markerText(facts), { mode: 0o644 });
  } catch (error) {
    // Not knowing whether the marker or the manifest is there counts as the worse answer.
    const exists = await pathExists(marker).catch(() => false);
    if (!exists) {
      const manifest = path.join(dir, MANIFEST_FILE);
      const hadManifest = await pathExists(manifest).catch(() => true);
      await fs.rm(manifest, { force: true }).catch(() => undefined);
      const gone = !(await pathExists(manifest).catch(() => true));
      if (!gone) throw new KeyferryError('WRAPPED_WITHDRAW_FAILED', { dir }, { cause: error });
      return { dir, marker: null, manifestRenamed: false, manifestWritten: hadManifest, manifestRemoved: hadManifest };
    }
  }
  let manifestRenamed = true;
  let manifestWritten = true;
  try {
    await fs.rename(path.join(dir, MANIFEST_FILE), path.join(dir, WITHDRAWN_MANIFEST));
    await fsyncDirectory(dir);
  } catch (error) {
    manifestRenamed = false;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') manifestWritten = false;
  }
  return { dir, marker, manifestRenamed, manifestWritten, manifestRemoved: false };
}

/**
 * Refuses a folder holding ABANDONED.txt with BUNDLE_ABANDONED (checked before anything else is
 * read); a folder that cannot be looked into is refused as unreadable, saying why (permission, media).
 */
export async function refuseAbandonedBundle(dir: string): Promise<void> {
  let marked: boolean;
  try {
    marked = await pathExists(path.join(dir, ABANDONED_MARKER));
  } catch (error) {
    throw bundleUnreadable('list', dir, error);
  }
  if (!marked) return;
  throw new KeyferryError('BUNDLE_ABANDONED', { dir });
}
