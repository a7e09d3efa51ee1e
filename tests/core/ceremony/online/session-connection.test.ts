/**
 * The KMS connection of an online session (the simulator on 127.0.0.1): a step that calls the KMS
 * before the session connected is refused, saying to connect first; connecting tests the endpoint
 * and credentials with list-keys and journals `kms.connected` with what it found.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('the KMS connection of an online session', () => {
  it('refuses creating keys before it connected; connecting journals what it found', async () => {
    const plan = f.plan(['AES_256']);
    const journal = await f.journal('online.jsonl');
    const online = await f.online(journal, plan);
    const refused = await online.createKeys(plan.keys).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'CEREMONY_STEP_OUT_OF_ORDER',
      message: 'Cannot create keys before connecting to the KMS.',
      nextStep: 'Connect first (it tests the endpoint and credentials with list-keys).',
    });
    expect(journal.entries.some((e) => e.event === 'kms.connected')).toBe(false);

    const connected = await online.connect();
    expect(connected).toEqual({
      endpoint: f.kms.endpoint.origin,
      projectId: f.kms.projectId,
      region: expect.any(String),
      keysVisible: 0,
    });
    expect(journal.entries.at(-1)).toMatchObject({ event: 'kms.connected', data: connected });
    await expect(online.createKeys(plan.keys)).resolves.toHaveLength(1);
    await journal.close();
  });
});
