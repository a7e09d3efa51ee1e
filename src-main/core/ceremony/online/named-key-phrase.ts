/**
 * A key of the online ceremony as the status lines name it (`online.named-key`): alias and key id,
 * and a replica's region (its alias is its primary's), kept as a phrase so a refusal or a warning
 * names it in the reader's language as online status does.
 */
import { phraseOf, type Phrase } from '../../../i18n/phrase';
import { replicaPlaceOf, type OnlineKeyState } from './state';

export function namedKeyPhrase(
  key: Pick<OnlineKeyState, 'alias' | 'keyId'> & { readonly target?: OnlineKeyState['target'] },
): Phrase<'online.named-key'> {
  return phraseOf('online.named-key', { alias: key.alias, keyId: key.keyId, ...replicaPlaceOf(key) });
}
