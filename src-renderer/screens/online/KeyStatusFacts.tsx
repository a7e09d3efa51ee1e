/**
 * The key states' facts beyond the states themselves, as `online status` prints them: the keys
 * holding material proven now (at any step), and what is next for each key not finished (material
 * deleted or lapsed, a round under way, an import sent with no answer recorded or answered with a
 * failure that proves nothing, a proof to pass before fresh parameters, an import stopped part way).
 * Main reads them with the same core functions as the command line; the screen only says them.
 */
import type { Response } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n';
import { ProofList } from './ProofList';
import { keyStatusLines } from './key-status-lines';

type KeyStatus = Response<'keyStatus'>;

export function KeyStatusFacts({ status, total }: { status: KeyStatus; total: number }) {
  const tr = useT();
  const lines = keyStatusLines(tr, status, total);
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
