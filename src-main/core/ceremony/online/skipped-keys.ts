/**
 * A key of a wrapped bundle left out of its import (wrapped-bundle-check.ts: it holds material of a
 * later wrap, of some keys only): the line that says which key and why, and what the journal keeps
 * of it (a deviation the receipt lists, with the same sentence in the receipt's language).
 */
import { groupHex } from '../../hex-groups';
import { sha256Hex } from '../../fs/durable-file';
import type { JournalEntry, JsonObject } from '../../journal';
import { warningOf, type Warning } from '../../../i18n/warning';
import { ONLINE_EVENTS } from './events';
import type { SkippedKey } from './wrapped-bundle-check';

/** The journal entry that recorded `keyId`'s last import (the material it holds), if any. */
function lastImportOf(entries: readonly JournalEntry[], keyId: string): JournalEntry | undefined {
  return entries.findLast((e) => e.event === ONLINE_EVENTS.imported && e.data.keyId === keyId);
}

/** The line naming `skipped`, why it is left out and where the material it holds came from. */
export function skippedKeyWarning(
  entries: readonly JournalEntry[],
  skipped: SkippedKey,
): Warning<'WRAPPED_KEY_SKIPPED'> {
  const { key, same } = skipped;
  const imported = lastImportOf(entries, key.keyId);
  const from = key.imported?.wrappedBundleSha256;
  return warningOf('WRAPPED_KEY_SKIPPED', {
    alias: key.alias,
    keyId: key.keyId,
    held: same ? 'same' : 'other',
    digest: from ? groupHex(from) : '?',
    at: imported ? Date.parse(imported.time) : 0,
    seq: imported?.seq ?? 0,
  });
}

/** What the journal keeps of `skipped` (wrapped-bundle.key-skipped): the key, the material's evidence, the held import, the sentence said. */
export function skippedKeyData(
  folder: string,
  manifestSha256: string,
  skipped: SkippedKey,
  said: Warning<'WRAPPED_KEY_SKIPPED'>,
): JsonObject {
  const { key, wrapped, same } = skipped;
  return {
    folder,
    manifestSha256,
    keyId: key.keyId,
    keyCheckValue: wrapped.keyCheckValue,
    publicKeyFingerprint: wrapped.publicKeyDer ? sha256Hex(wrapped.publicKeyDer) : null,
    held: same ? 'same' : 'other',
    heldFromBundle: key.imported?.wrappedBundleSha256 ?? null,
    importedSeq: said.values['seq'] ?? 0,
    reasonPhrase: { key: `warning.${said.code}`, values: { ...said.values } },
  };
}
