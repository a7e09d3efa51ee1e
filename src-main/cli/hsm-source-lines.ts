/** What the CLI prints about an HSM material source: the token, what each spec will use, and each key's material. */
import type { MaterialSummary } from '../core/ceremony/airgap/produce-material';
import type { HsmSourceSummary } from '../core/ceremony/airgap/hsm-material';
import { groupHex } from '../core/hex-groups';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';

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
      io.stdout(t('hsm.cli.capability', { spec: spec.spec, mechanisms: spec.mechanisms.join(', ') }));
}

export function printHsmMaterial(io: CliIo, material: MaterialSummary): void {
  const check = material.publicKeyFingerprint
    ? `public key SHA-256 ${groupHex(material.publicKeyFingerprint)}`
    : `KCV ${material.keyCheckValue ?? ''}`;
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
