/** `keyferry custody restore --hsm-module …`: the material of the restore ceremony from the HSM token that holds it. */
import type { HsmRestoreRequest, RestoreCeremony } from '../../core/ceremony/restore/workflow';
import { cliTranslator } from '../cli-locale';
import type { CliIo } from '../command';
import { materialCheck, printHsmSource } from '../hsm-source-lines';

/** Finds the journaled token objects in the HSM and proves them (after the witnesses confirmed the bundle). */
export async function restoreFromToken(restore: RestoreCeremony, request: HsmRestoreRequest, io: CliIo): Promise<void> {
  const restored = await restore.restoreFromHsm(request);
  const { t, message } = cliTranslator(io);
  printHsmSource(io, { token: restored.token, reports: restored.capability });
  for (const k of restored.keys) {
    const check = materialCheck(io, k);
    io.stdout(t('hsm.cli.recalled', { keyId: k.keyId, spec: k.spec, label: k.objectLabel, check, seq: k.recordedSeq }));
  }
  io.stdout(message(restored.proof));
}
