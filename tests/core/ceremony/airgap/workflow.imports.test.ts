/**
 * The air-gapped side must not be able to reach a network: neither its workflow nor the
 * `keyferry airgap` command may import, even indirectly, the KMS client or a network module.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph } from '../../../support/import-graph';

const ROOT = path.resolve(__dirname, '../../../..');
/** The KMS client and the KMS simulator: neither may be reached from the air-gapped side. */
const KMS_FOLDERS = [
  path.join(ROOT, 'src-main/core/kms') + path.sep,
  path.join(ROOT, 'src-main/core/kms-simulator') + path.sep,
];
const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici'];
/** The only packages the air-gapped side may use (none of them opens sockets; the last two format catalogue messages). */
const ALLOWED_PACKAGES = new Set([
  'zod',
  'shamir-secret-sharing',
  'intl-messageformat',
  '@formatjs',
  // The PKCS#11 binding: talks to a local HSM module only (loaded when an HSM is the material source).
  'pkcs11js',
]);

function isNetworkModule(specifier: string): boolean {
  const bare = specifier.replace(/^node:/, '').split('/')[0] as string;
  return NETWORK_MODULES.includes(bare);
}

function check(entry: string) {
  const graph = importGraph([path.join(ROOT, entry)]);
  const kmsFiles = [...graph.files]
    .filter((f) => KMS_FOLDERS.some((kms) => f.startsWith(kms)))
    .map((f) => path.relative(ROOT, f));
  const network = [...graph.external.keys()].filter(isNetworkModule);
  const packages = [...graph.external.keys()].filter(
    (s) => !s.startsWith('node:') && !ALLOWED_PACKAGES.has(s.split('/')[0] as string),
  );
  return { graph, kmsFiles, network, packages };
}

describe('air-gapped module graph', () => {
  for (const entry of ['src-main/core/ceremony/airgap/workflow.ts', 'src-main/cli/commands/airgap.ts']) {
    it(`${entry} reaches no KMS client and no network module`, () => {
      const { graph, kmsFiles, network, packages } = check(entry);
      expect(graph.files.size).toBeGreaterThan(20);
      expect(kmsFiles).toEqual([]);
      expect(network).toEqual([]);
      expect(packages).toEqual([]);
    });
  }

  it('the scan does see the KMS client and node:http from the online workflow (the check can fail)', () => {
    const { kmsFiles, network } = check('src-main/core/ceremony/online/workflow.ts');
    expect(kmsFiles).toContain(path.join('src-main', 'core', 'kms', 'client.ts'));
    expect(network.length).toBeGreaterThan(0);
  });
});
