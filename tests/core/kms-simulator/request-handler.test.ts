/**
 * One request through the simulator as the real service treats it, over real HTTP on 127.0.0.1:
 * only POST /v1.0/{project_id}/kms/{action} is an API (APIGW.0101 otherwise); the project must be
 * the credentials' (KMS.0306); the body must be a JSON object (KMS.0202) of at most 1 MiB
 * (KMS.0203); a change is on disk before the answer, and a state file that cannot be written is
 * KMS.0102 (a 5xx: the client reconciles); an injected drop closes the connection without an answer.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedPost, startSimWithClient, uniqueAlias, type SimSetup } from '../kms/helpers/sim';

let setup: SimSetup;
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keyferry-sim-handler-'));
  setup = await startSimWithClient({ statePath: path.join(dir, 'state.json') });
});
afterEach(async () => {
  await setup.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const errorCode = (json: unknown) =>
  (json as { error?: { error_code?: string }; error_code?: string }).error?.error_code ??
  (json as { error_code?: string }).error_code;

describe('routing and the body', () => {
  it('answers APIGW.0101 (HTTP 404) for an action it does not serve and for a method other than POST', async () => {
    for (const answer of [
      await signedPost(setup.sim, 'rotate-key', '{}'),
      await signedPost(setup.sim, 'list-keys', '', { method: 'GET' }),
    ]) {
      expect(answer.status).toBe(404);
      expect(errorCode(answer.json)).toBe('APIGW.0101');
    }
  });

  it("refuses another project's ID in the path with KMS.0306", async () => {
    const answer = await signedPost(setup.sim, 'list-keys', '{}', { projectId: 'a4a5d4098fb4474fa22cd05f897d6b99' });
    expect(errorCode(answer.json)).toBe('KMS.0306');
  });

  it('refuses a body that is not a JSON object with KMS.0202, and one over 1 MiB with KMS.0203', async () => {
    for (const body of ['{"limit":', '[1,2]', 'null', '"text"']) {
      expect(errorCode((await signedPost(setup.sim, 'list-keys', body)).json), body).toBe('KMS.0202');
    }
    const huge = JSON.stringify({ key_alias: 'x', key_description: 'd'.repeat(1024 * 1024) });
    expect(errorCode((await signedPost(setup.sim, 'create-key', huge)).json)).toBe('KMS.0203');
  });
});

describe('state and answers', () => {
  it('a created key is in the state file by the time the answer arrives', async () => {
    const { keyId } = await setup.client.createKey({ alias: uniqueAlias('disk'), spec: 'AES_256' });
    expect(await fs.readFile(path.join(dir, 'state.json'), 'utf8')).toContain(keyId);
  });

  it('answers KMS.0102 (HTTP 500, may have happened) when the state file cannot be written', async () => {
    // The state folder replaced by a plain file: no one, root included, can write into it.
    await fs.rm(dir, { recursive: true, force: true });
    await fs.writeFile(dir, 'not a folder');
    await expect(setup.client.createKey({ alias: uniqueAlias('unwritten'), spec: 'AES_256' })).rejects.toMatchObject({
      code: 'KMS.0102',
      httpStatus: 500,
      ambiguous: true,
    });
    await fs.rm(dir);
    await fs.mkdir(dir);
  });

  it('an injected drop after the action closes the connection: the client sees no answer, the key exists', async () => {
    setup.sim.faults.dropConnection('create-key', 'after');
    const alias = uniqueAlias('dropped');
    await expect(setup.client.createKey({ alias, spec: 'AES_256' })).rejects.toMatchObject({ ambiguous: true });
    expect(setup.requests.filter((r) => r.action === 'create-key').map((r) => r.status)).toEqual([0]);
    expect((await setup.client.listKeys()).some((k) => k.alias === alias)).toBe(true);
  });
});
