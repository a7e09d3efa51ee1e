/**
 * What the token check did with the objects a crashed session left in the token, as `airgap wrap`
 * prints it (src-main/cli/crashed-objects-lines.ts, from the same core data): those destroyed once
 * proven (with the journal entries that say so), and each one not destroyed with why, what to do and
 * the command that deletes it by hand. A refusal of the check that follows carries both:
 * `DestroyedObjects` and `UnprovenObjects` say them before the refusal.
 */
import type { CrashedObjectsView } from '../../../src-main/ipc/contract';
import type { DestroyedBeforeRefusal } from '../../../src-main/ipc/schemas/airgap';
import { listText } from '../../../src-main/i18n/list';
import { useT } from '../../i18n';

/** The objects destroyed (as many as `destroyed.objects` names, of `count`) and the entries that journaled it. */
export function DestroyedObjects({ destroyed }: { destroyed: Omit<DestroyedBeforeRefusal, 'unproven'> }) {
  const tr = useT();
  const { t } = tr;
  return (
    <p className="crashed-objects-destroyed">
      {t('cli.hsm-crashed-objects-destroyed', {
        token: destroyed.tokenLabel,
        serial: destroyed.tokenSerial,
        count: destroyed.count,
        objects: listText(
          tr,
          destroyed.objects.map((o) =>
            t('hsm.object', { label: o.label, objectClass: o.objectClass, objectId: o.objectId }),
          ),
        ),
        more: destroyed.count - destroyed.objects.length,
        entries: listText(tr, destroyed.entries.map(String)),
      })}
    </p>
  );
}

export function CrashedObjects({ cleanup }: { cleanup: CrashedObjectsView | null }) {
  if (!cleanup) return null;
  return (
    <div className="crashed-objects" data-testid="crashed-objects">
      {cleanup.destroyed.length > 0 && (
        <DestroyedObjects
          destroyed={{
            tokenLabel: cleanup.tokenLabel,
            tokenSerial: cleanup.tokenSerial,
            entries: cleanup.destroyedIn,
            count: cleanup.destroyed.length,
            objects: cleanup.destroyed,
          }}
        />
      )}
      <UnprovenObjects unproven={cleanup.unproven} />
    </div>
  );
}

/** Each object left (not destroyed): why and what to do, and the command that deletes it by hand. */
export function UnprovenObjects({ unproven }: { unproven: DestroyedBeforeRefusal['unproven'] }) {
  const tr = useT();
  return unproven.map((o) => {
    const { message, nextStep } = tr.problem({ ...o.problem, message: o.problem.code, nextStep: '' });
    return (
      <div key={o.command} className="warning crashed-object-unproven" role="alert">
        <p>
          {message} {nextStep}
        </p>
        <p>{tr.t('hsm.crashed.unproven')}</p>
        <pre>
          <code>{o.command}</code>
        </pre>
      </div>
    );
  });
}
