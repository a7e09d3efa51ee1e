import { createPrivateKey, createPublicKey } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { generateKeyMaterial } from '../../../src-main/core/crypto/generate-key-material';
import { KEY_SPEC_INFO, type KeySpec } from '../../../src-main/core/crypto/key-spec';

describe('generateKeyMaterial', () => {
  it('makes 32 fresh random bytes for AES_256', async () => {
    const a = await generateKeyMaterial('AES_256');
    const b = await generateKeyMaterial('AES_256');
    expect(a.secret.length).toBe(32);
    expect(a.publicKeySpkiDer).toBeUndefined();
    expect(a.secret.use((x) => b.secret.use((y) => x.equals(y)))).toBe(false);
    a.dispose();
    b.dispose();
  });

  it.each(['RSA_2048', 'RSA_3072', 'EC_P256', 'EC_P384'] as KeySpec[])('makes a PKCS#8 %s key with its matching public key', async (spec) => {
    const material = await generateKeyMaterial(spec);
    const key = material.secret.use((der) => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
    const info = KEY_SPEC_INFO[spec];
    if (info.kind === 'rsa') {
      expect(key.asymmetricKeyType).toBe('rsa');
      expect(key.asymmetricKeyDetails?.modulusLength).toBe(info.bits);
      expect(key.asymmetricKeyDetails?.publicExponent).toBe(65537n);
    } else {
      expect(key.asymmetricKeyType).toBe('ec');
      expect(key.asymmetricKeyDetails?.namedCurve).toBe(info.namedCurve);
    }
    expect(createPublicKey(key).export({ type: 'spki', format: 'der' }).equals(material.publicKeySpkiDer as Buffer)).toBe(true);
    material.dispose();
  });

  it('generates RSA-4096 without blocking the event loop for more than 20 ms at a time', async () => {
    // Warm up the code paths so JIT compilation does not count as a stall.
    (await generateKeyMaterial('EC_P256')).dispose();
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    let ticks = 0;
    let last = performance.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks += 1;
    }, 1);
    histogram.enable();
    const started = performance.now();
    const material = await generateKeyMaterial('RSA_4096');
    const elapsed = performance.now() - started;
    histogram.disable();
    clearInterval(ticker);
    longestGap = Math.max(longestGap, performance.now() - last);

    const key = material.secret.use((der) => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(4096);
    material.dispose();
    // The ticker really ran throughout (the loop was alive), and no gap reached 20 ms.
    expect(ticks).toBeGreaterThan(Math.floor(elapsed / 20));
    expect(longestGap).toBeLessThan(20);
    expect(histogram.max / 1e6).toBeLessThan(20);
  });
});
