/**
 * What the token check did with the objects a crashed session left in the token, as `airgap wrap`
 * prints it (src-main/cli/crashed-objects-lines.ts, from the same core data): those destroyed once
 * proven, and each one not destroyed with why, what to do and the command that deletes it by hand.
 */
import type { CrashedObjectsView } from '../../../src-main/ipc/contract';
import { listText } from '../../../src-main/i18n/list';
import { useT } from '../../i18n';

export function CrashedObjects({ cleanup }: { cleanup: CrashedObjectsView | null }) {
  const tr = useT();
  const { t } = tr;
  if (!cleanup) return null;
  const named = (o: CrashedObjectsView['destroyed'][number]) =>
    t('hsm.object', { label: o.label, objectClass: o.objectClass, objectId: o.objectId });
  return (
    <div className="crashed-objects" data-testid="crashed-objects">
      {cleanup.destroyed.length > 0 && (
        <p className="crashed-objects-destroyed">
          {t('cli.hsm-crashed-objects-destroyed', {
            token: cleanup.tokenLabel,
            serial: cleanup.tokenSerial,
            count: cleanup.destroyed.length,
            objects: listText(tr, cleanup.destroyed.map(named)),
          })}
        </p>
      )}
      {cleanup.unproven.map((o) => {
        const { message, nextStep } = tr.problem({ ...o.problem, message: o.problem.code, nextStep: '' });
        return (
          <div key={o.command} className="warning crashed-object-unproven" role="alert">
            <p>
              {message} {nextStep}
            </p>
            <p>{t('hsm.crashed.unproven')}</p>
            <pre>
              <code>{o.command}</code>
            </pre>
          </div>
        );
      })}
    </div>
  );
}
