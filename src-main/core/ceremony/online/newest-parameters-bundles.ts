/**
 * The import-parameters bundle a key waiting for material waits on: the newest bundle written with
 * its parameters. After `online params` for some keys only, the keys left out still wait on an
 * earlier bundle (their only one), so "the bundle written last" is not every key's.
 */
import { keysWaiting, type OnlineCeremonyState, type OnlineKeyState } from './state';

/** A written import-parameters bundle: its folder, manifest digest and the journal entry that wrote it. */
type WrittenBundle = NonNullable<ReturnType<OnlineCeremonyState['parametersBundlesOfToken']['get']>>[number];

/**
 * The bundles that carried the newest parameters of `key` written into any bundle (oldest first;
 * several when a key whose fetch failed kept its token into the next bundle); none when no bundle
 * carried any of its parameters.
 */
export function newestBundlesOf(
  state: Pick<OnlineCeremonyState, 'parametersBundlesOfToken'>,
  key: Pick<OnlineKeyState, 'issued'>,
): readonly WrittenBundle[] {
  return (
    key.issued
      .map((i) => state.parametersBundlesOfToken.get(i.importTokenSha256) ?? [])
      .filter((written) => written.length > 0)
      .at(-1) ?? []
  );
}

/**
 * The keys waiting for material (keysWaiting) by the bundle each waits on (the newest of
 * newestBundlesOf), oldest bundle first; keys no bundle carried are left out.
 */
export function bundlesWaitedOn(
  state: Pick<OnlineCeremonyState, 'parametersBundlesOfToken' | 'keys'>,
): { readonly bundle: WrittenBundle; readonly keyIds: readonly string[] }[] {
  const groups = new Map<string, { bundle: WrittenBundle; keyIds: string[] }>();
  for (const key of keysWaiting(state.keys)) {
    const bundle = newestBundlesOf(state, key).at(-1);
    if (!bundle) continue;
    const group = groups.get(bundle.manifestSha256);
    if (group) group.keyIds.push(key.keyId);
    else groups.set(bundle.manifestSha256, { bundle, keyIds: [key.keyId] });
  }
  return [...groups.values()].sort((a, b) => a.bundle.seq - b.bundle.seq);
}
