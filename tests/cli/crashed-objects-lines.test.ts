/**
 * What the CLI prints once logged in to a token a crashed session left objects in
 * (src-main/cli/crashed-objects-lines.ts): each object it could not prove with why, what to do
 * and, on its own line, the `pkcs11-tool` command that deletes it by hand (en, zh-CN).
 */
import { describe, expect, it } from 'vitest';
import { crashedObjectsLines } from '../../src-main/cli/crashed-objects-lines';
import type { CrashedObjectsCleanup } from '../../src-main/core/ceremony/airgap/crashed-objects-destroy';
import { KeyferryError, toProblem } from '../../src-main/core/errors';

const LABEL = 'keyferry KF-20261204-aaaaaa k1';
const COMMAND = `pkcs11-tool --module /usr/lib/softhsm/libsofthsm2.so --token-label vault --login --delete-object --type privkey --id 6b31 --label '${LABEL}'`;
const object = { keyId: 'k1', label: LABEL, objectId: '6b31', objectClass: 'CKO_PRIVATE_KEY' as const };
const cleanup: CrashedObjectsCleanup = {
  tokenLabel: 'vault',
  tokenSerial: '9a8b7c6d',
  destroyed: [],
  destroyedIn: [],
  unproven: [
    {
      ...object,
      command: COMMAND,
      problem: toProblem(
        new KeyferryError('HSM_LEFT_OBJECT_STILL_UNPROVEN', {
          label: LABEL,
          objectId: '6b31',
          objectClass: 'CKO_PRIVATE_KEY',
          seq: 7,
          why: 'sameEvidence',
          firstSeq: 12,
        }),
      ),
    },
  ],
};
const io = (LANG: string) => ({ stdout: () => undefined, stderr: () => undefined, env: { LANG }, cwd: '/' });

describe('crashedObjectsLines', () => {
  it('prints each object it could not prove with the command that deletes it (en, zh-CN)', () => {
    expect(crashedObjectsLines(io('C'), cleanup)).toEqual([
      `Token object "${LABEL}" (private key, CKA_ID 6b31), left by a session that ended without stopping (named in journal entry 7), is still in the token and was again NOT destroyed: more than one object under that label and CKA_ID shows the check value or public key that session journaled. Journal entry 12 first recorded it as left; it is not recorded as left again. ` +
        'It stays until someone deletes it by hand: first find with the HSM vendor’s tools which object that session made (its check value or public key is in its material.generated entry), as the command journal entry 7 prints deletes by label and CKA_ID, which a finished session’s object may also carry.',
      `  ${COMMAND}`,
    ]);
    const zh = crashedObjectsLines(io('zh_CN.UTF-8'), cleanup);
    expect(zh[0]).toContain('仍在令牌中，本次仍未被销毁');
    expect(zh[0]).toContain('在有人手动删除之前它会一直留在令牌中');
    expect(zh[1]).toBe(`  ${COMMAND}`);
  });
});
