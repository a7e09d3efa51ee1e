/**
 * Where the material of each key waiting for import parameters will come from, so that one
 * import-parameters bundle holds only keys one air-gapped step can serve. A key imported before
 * takes only that same material again (KMS.2606), brought back from the custody copy recorded at
 * its import; a custody restore rebuilds every key of its bundle from the ONE custody copy it is
 * given (a key that copy does not hold is refused, CUSTODY_BACKUP_KEY_UNKNOWN); and `airgap wrap`
 * makes fresh material, which only keys never imported may take. Keys whose material lies in
 * different custody copies (two wrapped bundles, each with its own custody set; one with none)
 * therefore need one bundle each: `online params` refuses to put them in one (nothing fetched) and
 * takes them one source at a time (`--key-id`, the app's choice of keys).
 *
 * A source is known by its custody set when the wrapped bundle names it (format version 5: every
 * bundle wrapped or restored from one set names the set's backup digest), so keys of one set are one
 * source whichever bundles they were imported from; else by the journal entry of the wrapped-bundle
 * check that recorded its custody copy (the keys imported from one bundle share it; keys of older
 * bundles restored from one set but imported from two bundles count as two: one more round, never a
 * dead end).
 */
import { namedKeysValue } from '../shared/named-keys';
import { phraseOf, phrasesValue, type Phrase } from '../../../i18n/phrase';
import { materialIdOf } from '../../bundle/replica-groups';
import { KeyferryError } from '../../errors';
import { membersTakingGroupMaterial } from './group-material';
import { recordedCustodyValues } from './recorded-custody';
import { keysWaiting, type OnlineKeyState, type RecordedCustody } from './state';

/** Where a refusal's next step is said: the app (its choice of keys) or the command line (--key-id). */
export type ParametersSurface = 'app' | 'cli';

/** The keys of one round that one air-gapped step serves, and what it brings back. */
interface MaterialSource {
  /** Keys with the same id are served by the same air-gapped step. */
  readonly id: string;
  /** Material imported before (own, or the replica group's): a restore from `custody`; else fresh material may do. */
  readonly importedBefore: boolean;
  /** The custody copy recorded for that material (undefined: none on record, or fresh material). */
  readonly custody: RecordedCustody | undefined;
  /** In the round's order. */
  readonly keys: OnlineKeyState[];
}

/**
 * One id per custody copy: the custody set its shares name (format version 5: every bundle wrapped or
 * restored from one set names it, so keys of one set are one source whatever bundles they came from),
 * else the check that recorded it.
 */
function custodyCopyId(custody: RecordedCustody): string {
  const arrangement = custody.arrangement;
  return arrangement.kind === 'shares' && arrangement.backupDigest
    ? `set-${arrangement.backupDigest}`
    : `check-${custody.seq}`;
}

/** The source of a key imported before: the custody copy recorded at its latest import. */
function importedSource(key: OnlineKeyState): Omit<MaterialSource, 'keys'> {
  const custody = key.imported?.custody;
  const id = custody
    ? custodyCopyId(custody)
    : key.imported?.wrappedBundleSha256
      ? `bundle-${key.imported.wrappedBundleSha256}`
      : 'imported-unrecorded';
  return { id, importedBefore: true, custody };
}

/**
 * The keys of the round `round` (the keys waiting for parameters, or those chosen of them) by the
 * source of their material, in the order each source's first key comes; `keys`: every key of the
 * ceremony. A replica group takes the material of its member imported before (in the round, or
 * outside it: group-material.ts); a key never imported whose last checked bundle had a custody copy
 * joins the keys imported from that same bundle (that copy holds its material too).
 */
function materialSources(
  round: readonly OnlineKeyState[],
  keys: ReadonlyMap<string, OnlineKeyState>,
): MaterialSource[] {
  const holderOf = new Map(membersTakingGroupMaterial(round, keys).map((t) => [t.member.keyId, t.holder]));
  const sourceOf = (key: OnlineKeyState): Omit<MaterialSource, 'keys'> => {
    const importedInGroup = round.find((k) => k.firstImport && materialIdOf(k) === materialIdOf(key));
    if (importedInGroup) return importedSource(importedInGroup);
    const holder = holderOf.get(key.keyId);
    if (holder) return importedSource(holder);
    const checked = key.checkedCustody;
    return { id: checked ? custodyCopyId(checked) : 'fresh', importedBefore: false, custody: undefined };
  };
  const sources = new Map<string, MaterialSource>();
  for (const key of round) {
    const source = sourceOf(key);
    const known = sources.get(source.id);
    if (!known) sources.set(source.id, { ...source, keys: [key] });
    else
      sources.set(source.id, {
        ...known,
        importedBefore: known.importedBefore || source.importedBefore,
        custody: known.custody ?? source.custody,
        keys: [...known.keys, key],
      });
  }
  return [...sources.values()];
}

/**
 * `materialSources` of the keys `keyIds` (absent: every key waiting for material), as key ids and
 * the phrase that names each (as the refusal does): what the app and the command line offer as one
 * fetch each.
 */
export function materialSourcesOf(
  keys: ReadonlyMap<string, OnlineKeyState>,
  keyIds?: readonly string[],
): { readonly keyIds: string[]; readonly importedBefore: boolean; readonly phrase: Phrase }[] {
  const round = keyIds === undefined ? keysWaiting(keys) : keyIds.flatMap((id) => keys.get(id) ?? []);
  return materialSources(round, keys).map((s) => ({
    keyIds: s.keys.map((k) => k.keyId),
    importedBefore: s.importedBefore,
    phrase: sourcePhrase(s),
  }));
}

/** One source as the refusal names it: its keys, and where their material comes from. */
function sourcePhrase(source: MaterialSource): Phrase {
  const custody = recordedCustodyValues(source.custody);
  return phraseOf('online.material-source', {
    count: source.keys.length,
    keysList: namedKeysValue(source.keys),
    source: source.importedBefore ? custody.custody : 'fresh',
    threshold: custody.threshold,
    total: custody.total,
    token: custody.token,
    seq: custody.seq,
    set: custody.set,
    setTag: custody.setTag,
  });
}

/**
 * Refuses a round whose keys need more than one air-gapped step (see above) when any of them takes
 * material imported before; keys that all take fresh material go in one bundle, whatever bundles
 * they were checked in before. `where` words the next step.
 */
export function refuseMixedMaterialSources(
  round: readonly OnlineKeyState[],
  keys: ReadonlyMap<string, OnlineKeyState>,
  where: ParametersSurface,
): void {
  const sources = materialSources(round, keys);
  if (sources.length < 2 || !sources.some((s) => s.importedBefore)) return;
  throw new KeyferryError('PARAMETERS_MATERIAL_SOURCES_DIFFER', {
    count: sources.length,
    sourcesPhrases: phrasesValue(sources.map(sourcePhrase)),
    where,
  });
}
