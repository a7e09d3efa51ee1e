/**
 * A stop (Ctrl-C) after the material was generated and wrapped, before the bundle is written: the
 * wrap wiped each key's material as it wrapped it, so the stop finds none left to wipe. The stop
 * line must not tell the witnesses, who watched the keys being generated, that "no key material
 * was held yet": it says the wrap wiped it (walker finding F4).
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';
import { confirmEveryWitness, stopLineOf } from '../witness-helpers';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('a stop after the wrap', () => {
  it('says the wrap already wiped the material, in English and Chinese', async () => {
    const plan = f.plan(['AES_256', 'EC_P256']);
    const { params } = await onlineDayOne(f, plan);
    const air = await f.airgap(await f.journal('airgap.jsonl'), plan);
    await air.checkNetwork();
    await air.readParametersBundle(params);
    await air.preflight({ wrappedBundle: path.join(f.dir, 'wrapped'), receiptFolder: f.dir });
    await confirmEveryWitness(air, plan.witnesses, params);
    await air.generateMaterial();
    await air.wrap();
    const report = await air.abandon({ reason: 'Interrupted', signal: 'SIGINT' });
    expect(report).toMatchObject({ wipedKeys: 0, underWay: 'wrapping' });
    const line = (locale: 'en' | 'zh-CN') => stopLineOf(report, locale);
    expect(line('en')).toContain('no unwrapped key material was held (the wrap wipes each key’s material as soon');
    expect(line('en')).not.toContain('no key material was held yet');
    expect(line('zh-CN')).toContain('当时未持有未包装的密钥材料');
  });
});
