/**
 * A stop (Ctrl-C) after the material was generated and wrapped, before the bundle is written: the
 * wrap wiped each key's material as it wrapped it, so the stop finds none left to wipe. The stop
 * line must not tell the witnesses, who watched the keys being generated, that "no key material
 * was held yet": it says the wrap wiped it (walker finding F4). The next receipt, listing the stop,
 * counts the keys the journal records wiped in that attempt, not the stop's own 0.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { airGapSide, createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';
import { confirmEveryWitness, stopLineOf } from '../witness-helpers';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/** Two keys generated (and wrapped, unless `wrap` is false), then a Ctrl-C before the bundle: the stop's report and what the test needs after it. */
async function stoppedAfterWrap(wrap = true) {
  const plan = f.plan(['AES_256', 'EC_P256']);
  const { params } = await onlineDayOne(f, plan);
  const journal = await f.journal('airgap.jsonl');
  const air = await f.airgap(journal, plan);
  await air.checkNetwork();
  await air.readParametersBundle(params);
  await air.preflight({ wrappedBundle: path.join(f.dir, 'wrapped'), receiptFolder: f.dir });
  await confirmEveryWitness(air, plan.witnesses, params);
  await air.generateMaterial();
  if (wrap) await air.wrap();
  const report = await air.abandon({ reason: 'Interrupted', signal: 'SIGINT' });
  return { plan, params, journal, report };
}

describe('a stop after the wrap', () => {
  it('says the wrap already wiped the material, in English and Chinese', async () => {
    const { report } = await stoppedAfterWrap();
    expect(report).toMatchObject({ wipedKeys: 0, underWay: 'wrapping' });
    const line = (locale: 'en' | 'zh-CN') => stopLineOf(report, locale);
    expect(line('en')).toContain('no unwrapped key material was held (the wrap wipes each key’s material as soon');
    expect(line('en')).not.toContain('no key material was held yet');
    expect(line('zh-CN')).toContain('当时未持有未包装的密钥材料');
  });

  it('the next receipt counts the keys the stopped attempt wiped as the journal records them, not "Keys wiped: 0"', async () => {
    const { plan, params, journal } = await stoppedAfterWrap();
    const wiped = journal.entries.find((e) => e.event === 'material.wiped');
    await journal.close();
    const { receipt } = await airGapSide(f, plan, params, path.join(f.dir, 'wrapped-2'));
    const text = (await readFile(receipt.textFile, 'utf8')).replace(/\s+/g, ' ');
    expect(text).toContain(
      `Key material wiped in this attempt: 2 keys: 2 as they were wrapped (journal entry ${wiped?.seq}), 0 still held when it stopped`,
    );
    expect(text).not.toContain('Keys wiped: 0');
  });

  it('the next receipt names the keys the stopped attempt wiped, by alias and key id, wrapped or still held at the stop', async () => {
    for (const wrapped of [true, false]) {
      const { plan, params, journal } = await stoppedAfterWrap(wrapped);
      const keys = journal.entries.find((e) => e.event === 'parameters.read')?.data.keys as {
        keyId: string;
        alias: string;
      }[];
      await journal.close();
      const out = path.join(f.dir, wrapped ? 'wrapped-2' : 'wrapped-3');
      const { receipt } = await airGapSide(f, plan, params, out);
      const text = (await readFile(receipt.textFile, 'utf8')).replace(/\s+/g, ' ');
      const named = keys.map((k) => `${k.alias} (${k.keyId})`).join(', ');
      expect(text).toContain(
        wrapped
          ? `0 still held when it stopped; the keys named: ${named}`
          : `Key material wiped in this attempt: 2 keys; the keys named: ${named}`,
      );
      await f.close();
      f = await createFixture();
    }
  });
});
