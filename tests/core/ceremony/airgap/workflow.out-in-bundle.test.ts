/**
 * The wrapped bundle's folder inside the import-parameters bundle being read (a trial's slip:
 * `--out media/params/out`): refused at the preflight, journaled, before anything is written, so the
 * parameters bundle still verifies; the same folder too. A folder beside it goes on. Real files, a
 * real simulator for the online side.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundle } from '../../../../src-main/core/bundle';
import { journalFileEntries } from '../../../helpers/journal-entries';
import { confirmEveryWitness } from '../witness-helpers';
import { createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('the wrapped bundle’s folder inside the parameters bundle', () => {
  it('is refused before anything is written; the parameters bundle still verifies; a folder beside it goes on', async () => {
    const plan = f.plan(['EC_P256']);
    const { params } = await onlineDayOne(f, plan);
    const journal = await f.journal('airgap.jsonl');
    const air = await f.airgap(journal, plan);
    await air.checkNetwork();
    await air.readParametersBundle(params);
    await confirmEveryWitness(air, plan.witnesses, params);
    const receiptFolder = path.join(f.dir, 'receipts');
    await mkdir(receiptFolder, { recursive: true });
    for (const out of [path.join(params, 'out'), params]) {
      await expect(air.preflight({ wrappedBundle: out, receiptFolder })).rejects.toMatchObject({
        code: 'WRAPPED_OUT_IN_PARAMETERS_BUNDLE',
        values: { out, bundle: params },
      });
      expect((await journalFileEntries(journal.path)).at(-1)).toMatchObject({
        event: 'preflight.refused',
        data: { code: 'WRAPPED_OUT_IN_PARAMETERS_BUNDLE' },
      });
    }
    await expect(readBundle(params, { now: new Date() })).resolves.toMatchObject({ kind: 'import-parameters' });
    await expect(air.preflight({ wrappedBundle: path.join(f.dir, 'wrapped'), receiptFolder })).resolves.toBeDefined();
  });
});
