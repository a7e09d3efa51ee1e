/**
 * Test helper: the network goes once the first import went through. The simulator answers that
 * import, and from then on every describe-key and import-key-material request's connection drops
 * before the KMS sees it (as a cable pulled mid-ceremony): an import stopped part way, with one key
 * holding its material and the next sent with no answer. `sim.faults.clear()` brings the network back.
 */
import type { KmsSimulator } from '../../src-main/core/kms-simulator/index';

export function networkGoesAfterFirstImport(sim: KmsSimulator): void {
  sim.faults.rewriteAnswer('import-key-material', (body) => {
    sim.faults.dropConnection('describe-key', 'before', 1000);
    sim.faults.dropConnection('import-key-material', 'before', 1000);
    return body;
  });
}
