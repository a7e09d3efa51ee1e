/** Warnings main sent (codes and values), one paragraph each, in the screen's language. */
import { warningText, type LooseWarning } from '../../src-main/i18n/warning';
import { useT } from '../i18n';

export function Warnings({ warnings }: { warnings: readonly LooseWarning[] }) {
  const tr = useT();
  return (
    <>
      {warnings.map((w) => {
        const text = warningText(tr, w);
        return (
          <p key={text} className="warning">
            {text}
          </p>
        );
      })}
    </>
  );
}
