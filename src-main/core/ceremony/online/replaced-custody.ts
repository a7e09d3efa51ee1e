/**
 * Custody sets that back no imported material: a wrapped bundle this journal checked carried a custody
 * copy of shares (a named set), and every key of it now holds the material of another bundle under
 * another set (a later wrap replaced it: its tokens refused, an old wrap given again, a wrap made
 * anew). Its shares, slips and backup copy a material no key will ever take; the officer is told to
 * destroy them, as the air-gapped side tells of a set a later wrap replaced. Another bundle is not
 * other material: a wrap of the same material (a material file loaded again, a restore) leaves
 * the set backing what the key holds, so a set is named only where each key's check value (KCV,
 * or public-key fingerprint) at its check differs from that of the material the KMS bound the key
 * to; where either is unknown, it is not named. A bundle refused once read counts as checked here
 * (its keys' check values are journaled with the refusal; older journals' refusals hold none, and
 * their sets are not named), and a key a check left out (wrapped-bundle.key-skipped, with its check
 * values) counts as one of its keys, as does a key of another bundle naming the same set (a
 * restore of some of its keys names it too: the set is named only when every key it holds material of
 * holds other material). A pure reading of the journal's checks, refusals and the keys' imports.
 */
import type { z } from 'zod';
import { custodySetTag } from '../../custody/set-tag';
import type { JournalEntry } from '../../journal';
import { ONLINE_EVENTS, wrappedCheckedData } from './events';
import { replayOnlineJournal, type OnlineKeyState } from './state';

/** A set no imported material is backed by: its tag, split, holders, and the bundle and check that named it. */
interface ReplacedCustodySet {
  readonly setTag: string;
  readonly threshold: number;
  readonly total: number;
  readonly custodians: readonly string[];
  readonly folder: string;
  readonly seq: number;
  /** The digest of the wrapped bundle whose check named it. */
  readonly manifestSha256: string;
  /** 'yes' when that bundle was refused (its keys' check values journaled with the refusal), not checked. */
  readonly refused: 'yes' | 'no';
}

/** What a check or a refusal once the bundle was read records of the bundle's set and keys. */
const namedSetData = wrappedCheckedData.pick({ folder: true, manifestSha256: true, custody: true, keys: true });

/** What a key left out of a checked bundle's import records (wrapped-bundle.key-skipped): the bundle and the key's check values. */
const skippedKeyEntry = wrappedCheckedData
  .pick({ manifestSha256: true })
  .extend({ key: wrappedCheckedData.shape.keys.element });

/** The keys each bundle's checks left out (they held a later wrap's material), by the bundle's digest. */
function skippedKeysByBundle(entries: readonly JournalEntry[]) {
  const skipped = new Map<string, z.infer<typeof skippedKeyEntry>['key'][]>();
  for (const entry of entries) {
    if (entry.event !== ONLINE_EVENTS.wrappedKeySkipped) continue;
    const parsed = skippedKeyEntry.safeParse({ manifestSha256: entry.data['manifestSha256'], key: entry.data }).data;
    if (parsed) skipped.set(parsed.manifestSha256, [...(skipped.get(parsed.manifestSha256) ?? []), parsed.key]);
  }
  return skipped;
}

/** The custody set the key's imported material is backed by (undefined: none named). */
function importedSetOf(key: OnlineKeyState | undefined): string | undefined {
  const arrangement = key?.imported?.custody?.arrangement;
  return arrangement?.kind === 'shares' && arrangement.backupDigest
    ? custodySetTag(arrangement.backupDigest)
    : undefined;
}

/** The bundle's check of a key (`checked`) and the material the KMS bound that key to (`bound`) are known to differ. */
function otherMaterial(
  bound: OnlineKeyState['firstImport'],
  checked: { readonly keyCheckValue: string | null; readonly publicKeyFingerprint: string | null },
): boolean {
  if (checked.keyCheckValue !== null && bound?.keyCheckValue)
    return bound.keyCheckValue.toUpperCase() !== checked.keyCheckValue.toUpperCase();
  if (checked.publicKeyFingerprint !== null && bound?.publicKeyFingerprint)
    return bound.publicKeyFingerprint.toLowerCase() !== checked.publicKeyFingerprint.toLowerCase();
  return false;
}

/** Every named set of a checked bundle (in the online journal `entries`) whose keys all hold imported material of other sets, once per set, oldest first. */
export function replacedCustodySets(
  entries: readonly JournalEntry[],
  /** A refusal about to be journaled (its number and data), read as if it were: the refusal can name the set it names. */
  pending?: Pick<JournalEntry, 'seq' | 'data'>,
): ReplacedCustodySet[] {
  const keys = replayOnlineJournal(entries)?.keys ?? new Map<string, OnlineKeyState>();
  const inUse = new Set([...keys.values()].flatMap((k) => importedSetOf(k) ?? []));
  const found = new Map<string, ReplacedCustodySet>();
  const skipped = skippedKeysByBundle(entries);
  const read = [...entries, ...(pending ? [{ ...pending, event: ONLINE_EVENTS.wrappedRefused }] : [])];
  const named = read.flatMap((entry) => {
    if (entry.event !== ONLINE_EVENTS.wrappedChecked && entry.event !== ONLINE_EVENTS.wrappedRefused) return [];
    const checked = namedSetData.safeParse(entry.data).data;
    const custody = checked?.custody;
    if (!checked || custody?.kind !== 'shares' || !custody.backupDigest) return [];
    return [{ entry, checked, custody, setTag: custodySetTag(custody.backupDigest) }];
  });
  // Every key each set holds material of, by every bundle naming it (a restore of some of its keys
  // names the set too): the keys a check left out included (a later wrap of the same material may
  // hold them, backed by no other set).
  const keysOfSet = new Map<string, { keyId: string; bundle: string; check: Parameters<typeof otherMaterial>[1] }[]>();
  for (const { checked, setTag } of named)
    for (const k of [...checked.keys, ...(skipped.get(checked.manifestSha256) ?? [])])
      keysOfSet.set(setTag, [
        ...(keysOfSet.get(setTag) ?? []),
        { keyId: k.keyId, bundle: checked.manifestSha256, check: k },
      ]);
  for (const { entry, checked, custody, setTag } of named) {
    if (inUse.has(setTag) || found.has(setTag) || checked.keys.length === 0) continue;
    // Replaced only once each of its keys holds material from another bundle, and other material.
    const moved = (keysOfSet.get(setTag) ?? []).every(({ keyId, bundle, check }) => {
      const key = keys.get(keyId);
      const imported = key?.imported;
      return (
        imported !== undefined && imported.wrappedBundleSha256 !== bundle && otherMaterial(key?.firstImport, check)
      );
    });
    if (!moved) continue;
    found.set(setTag, {
      setTag,
      threshold: custody.threshold,
      total: custody.total,
      custodians: custody.custodians,
      folder: checked.folder,
      seq: entry.seq,
      manifestSha256: checked.manifestSha256,
      refused: entry.event === ONLINE_EVENTS.wrappedRefused ? 'yes' : 'no',
    });
  }
  return [...found.values()];
}
