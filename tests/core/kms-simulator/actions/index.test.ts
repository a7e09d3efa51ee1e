/**
 * The simulator serves every action the client can call (KMS_ACTIONS), and nothing else: a
 * rehearsal never meets "no such API" for a call the real ceremony makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KMS_ACTIONS } from '../../../../src-main/core/kms/api-schemas';
import { SIMULATOR_ACTIONS } from '../../../../src-main/core/kms-simulator/actions/index';
import { signedPost, startSimWithClient, type SimSetup } from '../../kms/helpers/sim';

let setup: SimSetup;
beforeAll(async () => {
  setup = await startSimWithClient();
});
afterAll(async () => {
  await setup.close();
});

describe('the actions the simulator serves', () => {
  it('are exactly the actions the client calls', () => {
    expect(Object.keys(SIMULATOR_ACTIONS).sort()).toEqual([...KMS_ACTIONS].sort());
  });

  it('each answers over HTTP as an API (a KMS code, not the gateway\'s "no such API")', async () => {
    for (const action of KMS_ACTIONS) {
      const answer = await signedPost(setup.sim, action, '{}');
      const json = answer.json as { error?: { error_code: string }; error_code?: string };
      expect(json.error_code, action).toBeUndefined();
      if (answer.status !== 200) expect(json.error?.error_code, action).toMatch(/^KMS\./);
    }
  });
});
