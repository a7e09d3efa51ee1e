/**
 * The air-gapped side is run by the people the ceremony names (walker finding F3, DESIGN.md rule 7):
 * the online side writes its journal's operator and witnesses into the import-parameters bundle
 * (format version 5, under the digest the witnesses type); an air-gapped run by anyone else is
 * refused when it reads the bundle, before any witness types anything and before any material
 * exists, journaled as `parameters.refused`; the same people (witnesses in any order) wrap, and their
 * receipt lists the refused runs among its deviations.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundle } from '../../../../src-main/core/bundle';
import { airGapSteps } from '../../../helpers/ceremony-sides';
import { createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('the air-gapped side and the people the bundle names', () => {
  it('refuses other people before anything exists, and the ceremony’s own people wrap, the refusals on their receipt', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const bundle = await readBundle(params, { now: new Date() });
    if (bundle.kind !== 'import-parameters') throw new Error('kind');
    expect(bundle.manifest.formatVersion).toBe(5);
    expect(bundle.manifest.ceremony?.people).toEqual({ operator: 'Ana', witnesses: ['Ben', 'Chloé'] });

    const journal = await f.journal('airgap.jsonl');
    for (const people of [
      { operator: 'Mallory', witnesses: ['Chloé'] },
      { operator: 'Ana', witnesses: ['Ben', 'Chloe'] },
    ]) {
      const air = await f.airgap(journal, plan, people);
      await air.checkNetwork();
      await expect(air.readParametersBundle(params)).rejects.toMatchObject({ code: 'PEOPLE_DIFFER_FROM_BUNDLE' });
      expect(() => air.artefactsToConfirm()).toThrow(expect.objectContaining({ code: 'CEREMONY_STEP_OUT_OF_ORDER' }));
      await expect(air.generateMaterial()).rejects.toThrow();
    }
    expect(journal.entries.filter((e) => e.event === 'parameters.refused').map((e) => e.actor)).toEqual([
      'Mallory',
      'Ana',
    ]);
    expect(journal.entries.some((e) => e.event === 'parameters.read' || e.event.startsWith('material.'))).toBe(false);

    const air = await f.airgap(journal, plan, { witnesses: ['Chloé', 'Ben'] });
    const receipts = path.join(f.dir, 'receipts');
    const { receipt } = await airGapSteps(air, {
      params,
      out: path.join(f.dir, 'wrapped'),
      receipts,
      witnesses: ['Chloé', 'Ben'],
    });
    const text = await readFile(receipt.textFile, 'utf8');
    expect(text.match(/PEOPLE_DIFFER_FROM_BUNDLE/g)).toHaveLength(2);
    expect(await readdir(receipts)).not.toHaveLength(0);
  }, 90_000);
});
