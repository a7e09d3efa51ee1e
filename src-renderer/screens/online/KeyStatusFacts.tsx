/**
 * The key states' facts beyond the states themselves, as `online status` prints them: the keys
 * holding material proven now (at any step), and what is next for each key not finished (material
 * deleted, a round under way, an import sent with no answer recorded, an import stopped part way).
 * Main reads them with the same core functions as the command line; the screen only says them.
 */
import type { Response } from '../../../src-main/ipc/contract';
import { listText } from '../../../src-main/i18n/list';
import { useT } from '../../i18n';
import { namedKeys } from '../../../src-main/i18n/import-stopped-summary';
import { ProofList } from './ProofList';

type KeyStatus = Response<'keyStatus'>;

/** One line per fact of `next`, in the order the command line prints them. */
function nextLines(tr: ReturnType<typeof useT>, next: KeyStatus['next'], total: number): string[] {
  const { t } = tr;
  const named = (keys: Parameters<typeof namedKeys>[1]) => namedKeys(tr, keys);
  return [
    ...next.deleted.map((k) => t('status.next.deleted', { key: named([k]), round: k.round })),
    ...next.rounds.map((r) =>
      t(r.stage === 'wrap' ? 'status.next.round-wrap' : 'status.next.round-import', {
        keys: named(r.keys),
        count: r.keys.length,
        folder: r.folder,
        seq: r.seq,
      }),
    ),
    ...next.notTaken.map((r) =>
      t('status.next.unrecorded-not-taken', {
        keys: named(r.keys),
        count: r.keys.length,
        folder: r.folder,
        seq: r.seq,
      }),
    ),
    ...(next.sentUnrecorded.keys.length > 0
      ? [
          t('status.next.unrecorded-imports', {
            keys: named(next.sentUnrecorded.keys),
            count: next.sentUnrecorded.keys.length,
            bundles: next.sentUnrecorded.folders.length === 0 ? 'none' : listText(tr, next.sentUnrecorded.folders),
          }),
        ]
      : []),
    ...(next.unproven.keys.length > 0
      ? [
          t('status.next.unproven-imports', {
            count: next.unproven.keys.length,
            answers: listText(
              tr,
              next.unproven.keys.map((k) =>
                t('online.status.unproven-answer', { key: named([k]), code: k.code, seq: k.seq }),
              ),
            ),
            bundles: next.unproven.folders.length === 0 ? 'none' : listText(tr, next.unproven.folders),
          }),
        ]
      : []),
    ...(next.foreign.length > 0
      ? [t('online.status.foreign-imports', { keys: named(next.foreign), count: next.foreign.length })]
      : []),
    ...(next.missing.length > 0
      ? [t('status.next.partly-imported', { keys: named(next.missing), count: next.missing.length, total })]
      : []),
  ];
}

export function KeyStatusFacts({ status, total }: { status: KeyStatus; total: number }) {
  const tr = useT();
  const lines = nextLines(tr, status.next, total);
  return (
    <>
      {status.proofs && (
        <div className="status-proofs">
          <p>{tr.t('status.proofs')}</p>
          <ProofList proofs={status.proofs} />
        </div>
      )}
      {lines.length > 0 && (
        <div className="warning status-next" role="status">
          {lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </>
  );
}
