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
import { createFixture, type Fixture } from '../ceremony-fixture';
import { airGapReadDayOne } from './up-to-bundle';

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
    const { params, journal, air } = await airGapReadDayOne(f, plan);
    await confirmEveryWitness(air, plan.witnesses, params);
    const receiptFolder = path.join(f.dir, 'receipts');
    await mkdir(receiptFolder, { recursive: true });
    const wrapped = path.join(f.dir, 'wrapped');
    for (const [request, role, folder] of [
      [{ wrappedBundle: path.join(params, 'out'), receiptFolder }, 'bundle', path.join(params, 'out')],
      [{ wrappedBundle: params, receiptFolder }, 'bundle', params],
      // The receipts, or a custodian's files, written there would spoil it as well.
      [{ wrappedBundle: wrapped, receiptFolder: params }, 'receipt', params],
      [
        { wrappedBundle: wrapped, receiptFolder, custodianFolders: [path.join(params, 'c1')] },
        'custodian',
        path.join(params, 'c1'),
      ],
    ] as const) {
      await expect(air.preflight(request)).rejects.toMatchObject({
        code: 'PREFLIGHT_IN_PARAMETERS_BUNDLE',
        values: { role, folder, bundle: params },
      });
      expect((await journalFileEntries(journal.path)).at(-1)).toMatchObject({
        event: 'preflight.refused',
        data: { code: 'PREFLIGHT_IN_PARAMETERS_BUNDLE' },
      });
    }
    await expect(readBundle(params, { now: new Date() })).resolves.toMatchObject({ kind: 'import-parameters' });
    await expect(air.preflight({ wrappedBundle: wrapped, receiptFolder })).resolves.toBeDefined();
  });
});
