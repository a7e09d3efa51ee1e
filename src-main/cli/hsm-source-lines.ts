/** What the CLI prints about an HSM material source: the token, what each spec will use, and each key's material. */
import type { MaterialSummary } from '../core/ceremony/airgap/produce-material';
import type { HsmSourceSummary } from '../core/ceremony/airgap/hsm-token-check';
import { groupHex } from '../core/hex-groups';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';
import { listText } from '../i18n/list';

export function printHsmSource(io: CliIo, summary: HsmSourceSummary): void {
  const { t } = cliTranslator(io);
  const token = summary.token;
  io.stdout(
    t('hsm.cli.token', {
      label: token.label,
      manufacturer: token.manufacturer,
      model: token.model,
      serial: token.serial,
      firmware: token.firmware,
    }),
  );
  for (const report of summary.reports)
    for (const spec of report.specs)
      io.stdout(t('hsm.cli.capability', { spec: spec.spec, mechanisms: listText({ t }, spec.mechanisms) }));
}

export function printHsmMaterial(io: CliIo, material: MaterialSummary): void {
  const check = materialCheck(io, material);
  io.stdout(
    cliTranslator(io).t('hsm.cli.material', {
      source: material.source,
      keyId: material.keyId,
      spec: material.spec,
      label: 'objectLabel' in material ? String(material.objectLabel) : '',
      check,
    }),
  );
}

/** A key's evidence as the CLI prints it: the public key's SHA-256 in groups of four, or the KCV. */
export function materialCheck(
  io: CliIo,
  material: Pick<MaterialSummary, 'publicKeyFingerprint' | 'keyCheckValue'>,
): string {
  const { t } = cliTranslator(io);
  return material.publicKeyFingerprint
    ? t('cli.material-check', { kind: 'publicKey', hex: groupHex(material.publicKeyFingerprint) })
    : t('cli.material-check', { kind: 'kcv', hex: material.keyCheckValue ?? '' });
}
