/**
 * The simulator's error answers have the real service's two shapes and statuses: the KMS's nested
 * `{"error":{error_code,error_msg}}` and the API gateway's flat `{error_code,error_msg,request_id}`,
 * whose request_id is the one in the x-request-id header. A client written against the real KMS
 * reads both (answers.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedPost, startSimWithClient, type SimSetup } from '../kms/helpers/sim';

let setup: SimSetup;
beforeAll(async () => {
  setup = await startSimWithClient();
});
afterAll(async () => {
  await setup.close();
});

describe('error answers', () => {
  it("a KMS refusal is nested, with the documented status and the service's message", async () => {
    const answer = await signedPost(setup.sim, 'describe-key', '{"key_id":"0d0466b0-e727-4d9c-b35d-f84bb474a37f"}');
    expect(answer.status).toBe(404);
    expect(answer.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(answer.json).toEqual({ error: { error_code: 'KMS.0207', error_msg: expect.any(String) } });
  });

  it('a refusal of the API gateway is flat and carries the request id of the header', async () => {
    const answer = await signedPost(setup.sim, 'no-such-action', '{}');
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({
      error_code: 'APIGW.0101',
      error_msg: expect.any(String),
      request_id: answer.requestId,
    });
    setup.sim.faults.throttle('list-keys');
    const throttled = await signedPost(setup.sim, 'list-keys', '{}');
    expect(throttled.status).toBe(429);
    expect(throttled.json).toMatchObject({ error_code: 'APIG.0308', request_id: throttled.requestId });
  });

  it('a detail is added after the documented message, never instead of it', async () => {
    const answer = await signedPost(setup.sim, 'create-key', '{"key_alias":"detail-1","key_description":5}');
    const { error } = answer.json as { error: { error_code: string; error_msg: string } };
    expect(answer.status).toBe(400);
    expect(error.error_code).toBe('KMS.0202');
    expect(error.error_msg).toMatch(/ key_description must be a string\.$/);
    expect(error.error_msg.length).toBeGreaterThan(' key_description must be a string.'.length);
  });
});
