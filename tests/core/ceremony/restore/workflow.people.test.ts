/**
 * A custody restore may run years after its ceremony, by other people than the ceremony named: it
 * is not refused for them (unlike the air-gapped wrap), and its journal records the bundle's people
 * (`parameters.read` → `bundlePeople`) beside its own (the session start), so nobody reads the
 * restore as done by the ceremony's people.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RestoreCeremony } from '../../../../src-main/core/ceremony/restore/workflow';
import { APP, OFFLINE, createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('the custody restore and the people the bundle names', () => {
  it('reads the bundle with other people and journals the bundle’s people beside its own', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const journal = await f.journal('restore.jsonl');
    const restore = await RestoreCeremony.start({
      journal,
      title: 'Custody restore',
      operator: 'Dana',
      witnesses: ['Eve'],
      app: APP,
      interfaces: OFFLINE,
    });
    await restore.checkNetwork();
    await restore.readParametersBundle(params);
    const start = journal.entries.find((e) => e.event === 'ceremony.session-started');
    expect(start?.data).toMatchObject({ operator: 'Dana', witnesses: ['Eve'] });
    const read = journal.entries.find((e) => e.event === 'parameters.read');
    expect(read?.actor).toBe('Dana');
    expect(read?.data['bundlePeople']).toEqual({ operator: 'Ana', witnesses: ['Ben', 'Chloé'] });
  }, 60_000);
});
