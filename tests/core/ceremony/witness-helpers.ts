/** Test helper: every named witness of an air-gapped ceremony confirms what is to be confirmed. */
import type { AirGapCeremony } from '../../../src-main/core/ceremony/airgap/workflow';

/** Each witness in turn types back every wrapping-key fingerprint (`params`: the bundle folder read). */
export async function confirmEveryWitness(
  air: Pick<AirGapCeremony, 'fingerprints' | 'confirmFingerprint'>,
  witnesses: readonly string[],
  params: string,
): Promise<void> {
  void params;
  for (const fp of air.fingerprints())
    for (const witness of witnesses) await air.confirmFingerprint(witness, fp.fingerprint);
}
