/**
 * Keys named as the command line's status lines name them (alias, key id, a replica's region), in a
 * list as the reader's language writes one: the connection step's trace of an earlier session and
 * the key states' next-step lines.
 */
import { listText } from '../../../src-main/i18n/list';
import type { Translator } from '../../../src-main/i18n/translate';

interface NamedKey {
  readonly alias: string;
  readonly keyId: string;
  readonly replicaOf: string | null;
  readonly region: string;
}

export function namedKeysText(tr: Pick<Translator, 't'>, keys: readonly NamedKey[]): string {
  return listText(
    tr,
    keys.map((k) =>
      tr.t('online.named-key', {
        alias: k.alias,
        keyId: k.keyId,
        replica: k.replicaOf === null ? 'no' : 'yes',
        region: k.region,
      }),
    ),
  );
}
