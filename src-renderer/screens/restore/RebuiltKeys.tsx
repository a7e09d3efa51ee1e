/**
 * What the restore rebuilt: a count line, then every key in one compact table that scrolls when
 * a ceremony holds many (its key ID, spec and the check value it was proven against); a
 * replica's row says its material, and so its check value, is its primary's.
 */
import { BoundedTable } from '../../components/BoundedTable';
import { Hex } from '../../components/Hex';
import type { Translator } from '../../../src-main/i18n/translate';
import { phraseText } from '../../../src-main/i18n/phrase';
import { listText } from '../../../src-main/i18n/list';
import type { RestoredKeyView } from '../../../src-main/ipc/contract';

/** The table in the language of `tr` (the screen passes its own: RestoreScreen's RebuildStep). */
export function RebuiltKeys({ restored, tr }: { restored: RestoredKeyView; tr: Translator }) {
  const { t, message } = tr;
  return (
    <div className="rebuilt-keys">
      <p>
        {t('restore.rebuilt-keys', {
          count: restored.keys.length,
          shares: listText({ t }, restored.shareIndexes),
          threshold: restored.threshold,
          total: restored.total,
        })}
      </p>
      <BoundedTable
        label={t('restore.rebuilt-keys.label')}
        className="rebuilt stacks"
        headers={
          <>
            <th scope="col">{t('keys.col.key-id')}</th>
            <th scope="col">{t('keys.col.spec')}</th>
            <th scope="col">{t('restore.col.check')}</th>
          </>
        }
      >
        {restored.keys.map((k) => {
          const kind = k.keyCheckValue === null ? 'public-key' : 'kcv';
          const value = k.keyCheckValue ?? k.publicKeyFingerprint ?? '';
          return (
            <tr key={k.keyId}>
              <td className="mono key-id" data-label={t('keys.col.key-id')}>
                {k.keyId}
              </td>
              <td data-label={t('keys.col.spec')}>{k.spec}</td>
              <td data-label={t('restore.col.check')}>
                <Hex value={value} size="small" label={t('restore.check-of', { kind, keyId: k.keyId })} />
                {k.replicaOf !== undefined && (
                  <p className="replica-of">{t('restore.replica-of', { replicaOf: k.replicaOf })}</p>
                )}
              </td>
            </tr>
          );
        })}
      </BoundedTable>
      <p>{phraseText({ message }, restored.proof)}</p>
    </div>
  );
}
