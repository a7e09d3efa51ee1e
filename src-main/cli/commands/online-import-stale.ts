/**
 * `online import` of an old wrapped bundle given again (made from an earlier import-parameters bundle
 * than the one written last for its keys) whose import tokens the KMS refused as expired: that bundle
 * is put aside, and what is next is the step `online status` names, from the same code
 * (beforeImportNextLine): the wrap, or the import, of the bundle written last. A trial's import
 * pointed at fresh parameters (a third material) while status pointed at the bundle written last.
 */
import { KeyferryError } from '../../core/errors';
import { ONLINE_EVENTS } from '../../core/ceremony/online/events';
import { TOKEN_EXPIRED_CODES } from '../../core/ceremony/online/refusal-kinds';
import { wrapsCheckedSinceWritten } from '../../core/ceremony/online/refused-imports';
import type { CliIo } from '../command';
import type { OnlineCommonValues, OnlineSession } from '../online-session';
import { beforeImportNextLine } from './online-status-before-import';

/**
 * For `error`, the import's refusal: when it is the KMS's refusal of an old wrap's expired tokens
 * (the wrap checked last is one wrapsCheckedSinceWritten passes over), the refusal to say instead
 * (WRAPPED_STALE_TOKENS_REFUSED: that bundle, and the one written last) and online status's next
 * step to print after it. Undefined for any other refusal, or where status names no step.
 */
export function staleWrapRefused(
  io: CliIo,
  values: OnlineCommonValues,
  session: OnlineSession,
  error: unknown,
): { readonly refusal: KeyferryError; readonly then: string } | undefined {
  if (!(error instanceof KeyferryError) || !TOKEN_EXPIRED_CODES.has(error.code)) return undefined;
  // Before any import only (this session checked the wrap): later rounds are material-round.ts's.
  const step = session.ceremony.step;
  if (step !== 'material-checked' && step !== 'parameters-written') return undefined;
  const entries = session.journal.entries;
  const check = entries.findLast((e) => e.event === ONLINE_EVENTS.wrappedChecked);
  const stale = wrapsCheckedSinceWritten(entries).stale.find((w) => w.seq === check?.seq);
  const written = entries.findLast((e) => e.event === ONLINE_EVENTS.parametersWritten)?.data['folder'];
  // As the next session (online status) reads it: before any import, the bundle written last.
  const then = stale ? beforeImportNextLine(io, values, session, 'parameters-written') : undefined;
  if (!stale || then === undefined) return undefined;
  return {
    refusal: new KeyferryError('WRAPPED_STALE_TOKENS_REFUSED', {
      folder: stale.folder,
      dir: stale.parametersFolder ?? '',
      latestDir: typeof written === 'string' ? written : '',
      code: stale.refused?.code ?? error.code,
      seq: stale.refused?.refusedSeq ?? 0,
    }),
    then,
  };
}
