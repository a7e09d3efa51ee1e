/**
 * A custody restore may run years after its ceremony, by other people than the ceremony named: it
 * is not refused for them (unlike the air-gapped wrap), and its journal records the bundle's people
 * (`parameters.read` → `bundlePeople`) beside its own (the session start), so nobody reads the
 * restore as done by the ceremony's people.
 */
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RestoreCeremony } from '../../../../src-main/core/ceremony/restore/workflow';
import type { Journal } from '../../../../src-main/core/journal';
import { APP, OFFLINE, createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';
import { parametersDigestOf } from '../witness-helpers';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/** A custody restore in `journal` by other people than the ceremony's (Dana operating, Eve witnessing). */
const restoreByDana = (journal: Journal) =>
  RestoreCeremony.start({
    journal,
    title: 'Test ceremony',
    operator: 'Dana',
    witnesses: ['Eve'],
    app: APP,
    interfaces: OFFLINE,
  });

describe('the custody restore and the people the bundle names', () => {
  it('reads the bundle with other people and journals the bundle’s people beside its own', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const journal = await f.journal('restore.jsonl');
    const restore = await restoreByDana(journal);
    await restore.checkNetwork();
    await restore.readParametersBundle(params);
    const start = journal.entries.find((e) => e.event === 'ceremony.session-started');
    expect(start?.data).toMatchObject({ operator: 'Dana', witnesses: ['Eve'] });
    const read = journal.entries.find((e) => e.event === 'parameters.read');
    expect(read?.actor).toBe('Dana');
    expect(read?.data['bundlePeople']).toEqual({ operator: 'Ana', witnesses: ['Ben', 'Chloé'] });
  }, 60_000);

  it('a witness typing the digest of the bundle beside this one is told which folder it is, as on the air-gapped side', async () => {
    const { params } = await onlineDayOne(f, f.plan(['AES_256']));
    // Another ceremony's bundle in the folder beside it (e.g. a newer round the online side wrote).
    const other = await createFixture();
    try {
      const { params: otherParams } = await onlineDayOne(other, other.plan(['AES_256']));
      const beside = path.join(path.dirname(params), 'params-newer');
      await cp(otherParams, beside, { recursive: true });
      const journal = await f.journal('restore.jsonl');
      const restore = await restoreByDana(journal);
      await restore.checkNetwork();
      await restore.readParametersBundle(params);
      await expect(restore.confirmArtefact('Eve', await parametersDigestOf(beside))).rejects.toMatchObject({
        code: 'WITNESS_TYPED_OTHER_BUNDLE',
        values: { folder: beside },
      });
    } finally {
      await other.close();
    }
  }, 60_000);
});
