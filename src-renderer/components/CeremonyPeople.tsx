/** The lead line of a ceremony screen: its title, operator and witnesses (and, if asked, its folder). */
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { useAppStore } from '../store/store';

export function CeremonyPeople({ showFolder = false }: { showFolder?: boolean }): ReactNode {
  const setup = useAppStore((s) => s.setup);
  const { t } = useT();
  if (!setup) return null;
  return (
    <p className="lead">
      {t('screen.people', {
        title: setup.title,
        operator: setup.operator,
        witnesses: setup.witnesses.join(t('list.separator')),
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
