/**
 * What an online command says when its session starts on a journal whose session before sent
 * imports and recorded no answer to them: the entry this session journaled first about it
 * (online/unrecorded-session.ts), its reason in the reader's language, and the keys.
 */
import { z } from 'zod';
import { ONLINE_EVENTS } from '../core/ceremony/online/events';
import type { JournaledKey } from '../core/ceremony/online/types';
import type { Journal } from '../core/journal';
import { phraseSchema, phraseText } from '../i18n/phrase';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';
import { namedKeys } from './import-stopped-lines';

const unrecordedData = z.object({ reasonPhrase: phraseSchema, keyIds: z.array(z.string()) });

/** One line per `ceremony.session-unrecorded` from entry `fromSeq` on; `keys` names each key by alias. */
export function unrecordedSessionLines(
  io: Pick<CliIo, 'env' | 'locale'>,
  journal: Pick<Journal, 'entries'>,
  fromSeq: number,
  keys: readonly JournaledKey[],
): string[] {
  const translator = cliTranslator(io);
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  return journal.entries.flatMap((e) => {
    if (e.seq < fromSeq || e.event !== ONLINE_EVENTS.sessionUnrecorded) return [];
    const data = unrecordedData.safeParse(e.data);
    if (!data.success) return [];
    const named = data.data.keyIds.map(
      (keyId) => byId.get(keyId) ?? { keyId, alias: keyId, replicaOf: null, region: '' },
    );
    return [
      translator.t('cli.session-unrecorded', {
        seq: e.seq,
        reason: phraseText(translator, data.data.reasonPhrase),
        keys: namedKeys(translator, named),
      }),
    ];
  });
}
