/**
 * Test helper: a KMS client of a running simulator, as somebody at the cloud console would act on
 * the ceremony's keys behind its back (disable a key, enable it again).
 */
import { KmsClient } from '../../src-main/core/kms/client';
import { AkSkCredentials } from '../../src-main/core/kms/credentials';
import type { KmsSimulator } from '../../src-main/core/kms-simulator';

/** A client of `sim` (its own credentials and clock); close it when done. */
export function consoleClientOf(sim: KmsSimulator | undefined): KmsClient {
  if (!sim) throw new Error('no simulator');
  return new KmsClient({
    endpoint: sim.endpoint,
    projectId: sim.projectId,
    credentials: new AkSkCredentials({ accessKeyId: sim.ak, secretKey: sim.sk }),
    now: () => new Date(sim.clock.now()),
    timeoutMs: 10_000,
  });
}
