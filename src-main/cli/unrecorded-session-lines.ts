/**
 * What an online command says when its session starts on a journal whose earlier session sent
 * imports or creates and recorded no answer to them: each entry this session journaled first about
 * it (online/unrecorded-session.ts), its reason in the reader's language, and the keys; for creates,
 * each alias with the entry of its send, and what `online create-key` run again does with them.
 */
import { unrecordedTracesFrom } from '../core/ceremony/online/unrecorded-traces';
import type { JournaledKey } from '../core/ceremony/online/types';
import type { Journal } from '../core/journal';
import { phraseText } from '../i18n/phrase';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';
import { namedKeys } from '../i18n/import-stopped-summary';
import { listText } from '../i18n/list';

/** One line per `ceremony.session-unrecorded` from entry `fromSeq` on; `keys` names each key by alias. */
export function unrecordedSessionLines(
  io: Pick<CliIo, 'env' | 'locale'>,
  journal: Pick<Journal, 'entries'>,
  fromSeq: number,
  keys: readonly JournaledKey[],
): string[] {
  const translator = cliTranslator(io);
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  return unrecordedTracesFrom(journal.entries, fromSeq).flatMap((trace) => {
    const reason = phraseText(translator, trace.reason);
    const { creates } = trace;
    if (creates.length > 0) {
      const sent = creates.map((c) =>
        translator.t('cli.session-unrecorded.create', {
          alias: c.alias,
          replica: c.region === undefined ? 'no' : 'yes',
          region: c.region ?? '',
          seq: c.seq,
        }),
      );
      return [
        translator.t('cli.session-unrecorded-creates', {
          seq: trace.seq,
          reason,
          creates: listText(translator, sent),
          count: creates.length,
        }),
      ];
    }
    // A session killed (killed-session.ts): no send to name.
    if (trace.keyIds.length === 0) return [translator.t('cli.session-ended-unrecorded', { seq: trace.seq, reason })];
    const named = trace.keyIds.map((keyId) => byId.get(keyId) ?? { keyId, alias: keyId, replicaOf: null, region: '' });
    return [
      translator.t('cli.session-unrecorded', {
        seq: trace.seq,
        reason,
        keys: namedKeys(translator, named),
      }),
    ];
  });
}
