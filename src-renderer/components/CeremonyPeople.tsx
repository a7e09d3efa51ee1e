/** The lead line of a ceremony screen: its title, operator and witnesses (and, if asked, its folder). */
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { listText } from '../../src-main/i18n/list';
import { useAppStore } from '../store/store';

export function CeremonyPeople({ showFolder = false }: { showFolder?: boolean }): ReactNode {
  const setup = useAppStore((s) => s.setup);
  const tr = useT();
  const { t } = tr;
  if (!setup) return null;
  return (
    <p className="lead">
      {t('screen.people', {
        title: setup.title,
        operator: setup.operator,
        witnesses: listText(tr, setup.witnesses),
      })}
      {showFolder && (
        <>
          {' '}
          {t('screen.folder')} <span className="file-name">{setup.folder}</span>
        </>
      )}
    </p>
  );
}
