/**
 * The key states' facts beyond the states themselves, as `online status` prints them: the keys
 * holding material proven now (at any step), and what is next for each key not finished (material
 * deleted or lapsed, a round under way, an import sent with no answer recorded or answered with a
 * failure that proves nothing, a proof to pass before fresh parameters, an import stopped part way).
 * Main reads them with the same core functions as the command line; the screen only says them.
 */
import type { Response } from '../../../src-main/ipc/contract';
import { listText } from '../../../src-main/i18n/list';
import { useT } from '../../i18n';
import { missingTokensValues, namedKeys, unprovenAnswers } from '../../../src-main/i18n/import-stopped-summary';
import { ceremonyStateValue } from '../../../src-main/i18n/ceremony-state';
import { neverOrMoment } from '../../../src-main/i18n/moment';
import { ProofList } from './ProofList';
import { groupMaterialValues } from '../../../src-main/i18n/group-material-values';

type KeyStatus = Response<'keyStatus'>;

/** One line per fact of `next`, in the order the command line prints them. */
function nextLines(tr: ReturnType<typeof useT>, next: KeyStatus['next'], total: number): string[] {
  const { t } = tr;
  const named = (keys: Parameters<typeof namedKeys>[1]) => namedKeys(tr, keys);
  return [
    ...next.deleted.map((k) => t('status.next.deleted', { key: named([k]), round: k.round, ...k.custody })),
    ...next.lapsed.map((k) =>
      t('status.next.lapsed', {
        key: named([k]),
        round: k.round,
        expires: k.expiresAt === null ? '-' : neverOrMoment(tr, k.expiresAt),
        ...k.custody,
      }),
    ),
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
            answers: unprovenAnswers(tr, next.unproven.keys),
            bundles: next.unproven.folders.length === 0 ? 'none' : listText(tr, next.unproven.folders),
          }),
        ]
      : []),
    ...next.answeredNotTaken.map((g) =>
      t('status.next.answered-not-taken', {
        count: g.keys.length,
        answers: unprovenAnswers(tr, g.keys),
        folder: g.folder ?? 'none',
      }),
    ),
    ...(next.foreign.length > 0
      ? [t('online.status.foreign-imports', { keys: named(next.foreign), count: next.foreign.length })]
      : []),
    ...(next.proveFirst
      ? [
          t('status.next.prove-first', {
            proveCount: next.proveFirst.prove.length,
            prove: named(next.proveFirst.prove),
            lostCount: next.proveFirst.lost.length,
            lost: named(next.proveFirst.lost),
            statePhrase: ceremonyStateValue(next.proveFirst.step),
          }),
        ]
      : []),
    ...(next.missing.length > 0
      ? [
          t('status.next.partly-imported', {
            keys: named(next.missing),
            count: next.missing.length,
            total,
            ...missingTokensValues(next.missingTokens),
          }),
        ]
      : []),
    // Their tokens lapsed: a key taking its group's material is restored from the holder's custody copy.
    ...next.groupMaterial.map((g) =>
      t('status.next.group-material', groupMaterialValues(tr, g.member, g.holder, g.custody)),
    ),
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
