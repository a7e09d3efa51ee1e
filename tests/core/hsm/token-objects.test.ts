/**
 * The token objects a session generates (hsm/token-objects.ts) in a real SoftHSM token: each is
 * recorded as it comes to exist (AES: the secret key; a pair: the private and the public key, the
 * public key's reading not yet done), destroyed again by its handle, and what is left is named with a
 * pkcs11-tool command (OpenSC's, not Keyferry's) that deletes it.
 */
import { execSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateAesKey, generateKeyPair } from '../../../src-main/core/hsm/hsm-keys';
import {
  deleteObjectCommand,
  destroyTokenObjects,
  type CreatedTokenObject,
} from '../../../src-main/core/hsm/token-objects';
import { openSession } from './helpers/hsm-fixtures';
import { createSoftHsmToken, listTokenObjects, type SoftToken } from './helpers/soft-tokens';

let token: SoftToken;
beforeEach(async () => {
  token = await createSoftHsmToken('token-objects', '55102938');
});
afterEach(async () => {
  await token.cleanup();
});

/** Generates an AES key and an EC_P256 pair as a ceremony does, recording each object. */
function generated(session: ReturnType<typeof openSession>['session']): CreatedTokenObject[] {
  const created: CreatedTokenObject[] = [];
  const placement = (label: string, id: string) => ({
    token: true,
    label,
    id: Buffer.from(id),
    created: (o: CreatedTokenObject) => created.push(o),
  });
  generateAesKey(session, placement('keyferry KF-1 aes', 'aes'), { encrypt: true });
  generateKeyPair(session, 'EC_P256', placement('keyferry KF-1 ec', 'ec'));
  return created;
}

describe('token objects a session generated', () => {
  it('are recorded as they come to exist and destroyed by their handles', () => {
    const hsm = openSession(token);
    try {
      const created = generated(hsm.session);
      expect(created.map((o) => `${o.objectClass} ${o.label} ${o.objectId}`)).toEqual([
        'CKO_SECRET_KEY keyferry KF-1 aes 616573',
        'CKO_PRIVATE_KEY keyferry KF-1 ec 6563',
        'CKO_PUBLIC_KEY keyferry KF-1 ec 6563',
      ]);
      expect(listTokenObjects(token)).toHaveLength(3);
      const result = destroyTokenObjects(hsm.session, created);
      expect(result).toEqual({ destroyed: created.map(({ handle: _h, ...o }) => o), left: [], problem: null });
      expect(listTokenObjects(token)).toEqual([]);
    } finally {
      hsm.close();
    }
  });

  it('objects the token will not destroy are left, with the problem, and their commands delete them', () => {
    const hsm = openSession(token);
    let created: CreatedTokenObject[];
    try {
      created = generated(hsm.session);
    } finally {
      hsm.close();
    }
    const again = openSession(token);
    try {
      // Handles of a closed session mean nothing to this one: the objects cannot be destroyed through them.
      const result = destroyTokenObjects(again.session, created);
      expect(result.destroyed).toEqual([]);
      expect(result.left.map((o) => o.objectClass)).toEqual(['CKO_SECRET_KEY', 'CKO_PRIVATE_KEY', 'CKO_PUBLIC_KEY']);
      expect(result.problem).toMatchObject({ code: 'HSM_OPERATION_FAILED', values: { operation: 'discard' } });
    } finally {
      again.close();
    }
    const commands = created.map((o) => deleteObjectCommand(token.modulePath, token.label, o));
    expect(commands[0]).toBe(
      `pkcs11-tool --module ${token.modulePath} --token-label token-objects --login --delete-object --type secrkey --id 616573 --label 'keyferry KF-1 aes'`,
    );
    for (const command of commands) execSync(`${command} --pin ${token.pin}`, { stdio: 'pipe' });
    expect(listTokenObjects(token)).toEqual([]);
  });
});
