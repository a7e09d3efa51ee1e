/**
 * What a key's material is recognised by, in a key list: its key check value (symmetric keys) or
 * its public key's fingerprint (asymmetric keys), in hex groups; nothing when it has neither.
 */
import { useT } from '../i18n';
import { Hex } from './Hex';

export function MaterialCheck({
  keyCheckValue,
  publicKeyFingerprint,
}: {
  readonly keyCheckValue: string | null;
  readonly publicKeyFingerprint: string | null;
}) {
  const { t } = useT();
  if (keyCheckValue)
    return (
      <>
        {t('material.kcv')} <Hex value={keyCheckValue} size="small" />
      </>
    );
  if (publicKeyFingerprint)
    return (
      <>
        {t('material.public-key')} <Hex value={publicKeyFingerprint} size="small" />
      </>
    );
  return null;
}
