/**
 * HSM wraps per second for each key spec on each soft token (SoftHSM 2.6 with OAEP-SHA-1,
 * openCryptoki 3.8 with OAEP-SHA-256 where its daemon runs), beside the software path with the
 * same algorithm. Only the wrap is timed: the key is generated in the token beforehand; each HSM
 * wrap includes importing the wrapping key as a session object and (asymmetric) generating,
 * using and destroying the temporary AES key, as a ceremony does.
 */
import { generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { generateKeyMaterial, loadWrappingPublicKey, wrapKeyMaterial } from '../src-main/core/crypto/index';
import type { KeySpec, WrappingAlgorithm } from '../src-main/core/crypto/key-spec';
import { checkHsmCapability, generateAesKey, generateKeyPair, wrapHsmKey } from '../src-main/core/hsm';
import { openSession } from '../tests/core/hsm/helpers/hsm-fixtures';
import {
  createOpenCryptokiToken,
  createSoftHsmToken,
  openCryptokiUnavailable,
  softHsmUnavailable,
  type SoftToken,
} from '../tests/core/hsm/helpers/soft-tokens';

export const name = 'hsm: wraps per second in soft tokens, beside the software path';

const SECONDS = 1;

function rate(fn: () => void): number {
  for (let i = 0; i < 3; i++) fn();
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < SECONDS * 1000) {
    fn();
    count += 1;
  }
  return count / ((performance.now() - started) / 1000);
}

async function benchToken(
  print: (line: string) => void,
  tokenName: string,
  token: SoftToken,
  algorithm: WrappingAlgorithm,
  specs: readonly KeySpec[],
): Promise<void> {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const wrappingKey = loadWrappingPublicKey(publicKey.export({ type: 'spki', format: 'der' }));
  const hsm = openSession(token);
  try {
    const report = checkHsmCapability(hsm.session, { algorithm, specs, acceptZeroFilledPad: true });
    for (const spec of specs) {
      const software = await generateKeyMaterial(spec);
      const softwareRate = rate(() => wrapKeyMaterial({ material: software, wrappingKey, algorithm }));
      software.dispose();
      const capability = report.specs.find((s) => s.spec === spec);
      if (!capability?.ok) {
        print(
          `${tokenName.padEnd(12)} ${spec.padEnd(8)} ${algorithm}: refused (${capability?.problem?.code}); software ${softwareRate.toFixed(0)} wraps/s`,
        );
        continue;
      }
      const placement = { token: false, label: `bench ${spec}`, id: Buffer.from(spec) };
      const key =
        spec === 'AES_256'
          ? {
              spec,
              label: placement.label,
              handle: generateAesKey(hsm.session, placement, { encrypt: report.kcvMethod === 'ecb' }),
              publicKeySpkiDer: null,
            }
          : generateKeyPair(hsm.session, spec, placement);
      const options = {
        algorithm,
        wrappingKey,
        kcvMethod: report.kcvMethod ?? 'ecb',
        privateKeyWrap: report.privateKeyWrap.mechanism,
      } as const;
      const hsmRate = rate(() => wrapHsmKey(hsm.session, key, options));
      print(
        `${tokenName.padEnd(12)} ${spec.padEnd(8)} ${algorithm}: HSM ${hsmRate.toFixed(0).padStart(5)} wraps/s, software ${softwareRate.toFixed(0).padStart(5)} wraps/s`,
      );
    }
  } finally {
    hsm.close();
  }
}

/** openCryptoki first (each token is skipped, saying why, where it cannot run): in one process, loading openCryptoki after SoftHSM ended the process (seen here). */
export async function run(print: (line: string) => void): Promise<void> {
  const unavailable = openCryptokiUnavailable();
  if (unavailable) {
    print(`openCryptoki: not measured (${unavailable})`);
  } else {
    const ock = await createOpenCryptokiToken('keyferry-bench');
    try {
      await benchToken(print, 'openCryptoki', ock, 'RSAES_OAEP_SHA_256', ['AES_256', 'RSA_2048']);
    } finally {
      await ock.cleanup();
    }
  }
  const softHsmMissing = softHsmUnavailable();
  if (softHsmMissing) {
    // Said and skipped, as openCryptoki is: a bench that throws here ends `npm run bench` before the later ones.
    print(`SoftHSM 2.6: not measured (${softHsmMissing})`);
    return;
  }
  const softhsm = await createSoftHsmToken('bench');
  try {
    await benchToken(print, 'SoftHSM 2.6', softhsm, 'RSAES_OAEP_SHA_1', [
      'AES_256',
      'RSA_2048',
      'RSA_3072',
      'RSA_4096',
      'EC_P256',
      'EC_P384',
    ]);
  } finally {
    await softhsm.cleanup();
  }
}
