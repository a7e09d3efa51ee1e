/**
 * PKCS#11 login state is per process and token: two users of one token in one process (the
 * air-gapped and the restore ceremony, or two uses in a row) on a real SoftHSM token. Both work,
 * closing one leaves the other logged in, a wrong PIN on the second is refused, and the last one
 * really logs out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CKA } from '../../../src-main/core/hsm/attributes';
import { HsmModule, HsmSession, selectToken } from '../../../src-main/core/hsm';
import { expectKeyferryError } from '../crypto/helpers/openssl';
import { createSoftHsmToken, type SoftToken } from './helpers/soft-tokens';
import { generateAesTokenKey } from './helpers/hsm-fixtures';

const CKS_RW_PUBLIC_SESSION = 2;
const CKS_RW_USER_FUNCTIONS = 3;

/** The session's state as the token reports it. */
function state(session: HsmSession): number {
  return session.p11.C_GetSessionInfo(session.handle).state;
}

/** Labels of the private token objects the session can see (only a logged-in session sees them). */
function privateLabels(session: HsmSession): string[] {
  const p11 = session.p11;
  p11.C_FindObjectsInit(session.handle, [{ type: CKA.PRIVATE, value: true }]);
  const found = p11.C_FindObjects(session.handle, 10);
  p11.C_FindObjectsFinal(session.handle);
  return found.map((o) => p11.C_GetAttributeValue(session.handle, o, [{ type: CKA.LABEL }])[0]!.value!.toString());
}

function makePrivateKey(session: HsmSession, label: string): void {
  generateAesTokenKey(session, label, { private: true });
}

describe('two users of one token in one process (SoftHSM)', () => {
  let token: SoftToken;
  beforeAll(async () => {
    token = await createSoftHsmToken('shared-login');
  });
  afterAll(async () => {
    await token.cleanup();
  });

  it('both sessions work, closing one leaves the other logged in, the last one logs out', () => {
    // Two module users, as two ceremonies in one app process would have.
    const airGapModule = HsmModule.open(token.modulePath);
    const restoreModule = HsmModule.open(token.modulePath);
    try {
      const first = HsmSession.open(airGapModule, selectToken(airGapModule, 'shared-login'), token.pin);
      const second = HsmSession.open(restoreModule, selectToken(restoreModule, 'shared-login'), token.pin);
      makePrivateKey(first, 'from-first');
      makePrivateKey(second, 'from-second');
      expect(privateLabels(first).sort()).toEqual(['from-first', 'from-second']);
      expect(privateLabels(second).sort()).toEqual(['from-first', 'from-second']);

      first.close();
      expect(state(second)).toBe(CKS_RW_USER_FUNCTIONS);
      expect(privateLabels(second).sort()).toEqual(['from-first', 'from-second']);
      makePrivateKey(second, 'after-first-closed');

      // A third user after the first left: same PIN, works.
      const third = HsmSession.open(airGapModule, selectToken(airGapModule, 'shared-login'), token.pin);
      expect(privateLabels(third)).toContain('after-first-closed');
      third.close();
      expect(state(second)).toBe(CKS_RW_USER_FUNCTIONS);

      // A raw session opened before the last user leaves drops to public when it does.
      const slot = selectToken(restoreModule, 'shared-login').slot;
      const watcher = restoreModule.binding.C_OpenSession(slot, 0x6);
      expect(restoreModule.binding.C_GetSessionInfo(watcher).state).toBe(CKS_RW_USER_FUNCTIONS);
      second.close();
      expect(restoreModule.binding.C_GetSessionInfo(watcher).state).toBe(CKS_RW_PUBLIC_SESSION);
      restoreModule.binding.C_CloseSession(watcher);
    } finally {
      restoreModule.close();
      airGapModule.close();
    }
  });

  it('a wrong PIN on the second user is refused, and the first stays logged in', () => {
    const module = HsmModule.open(token.modulePath);
    try {
      const slot = selectToken(module, 'shared-login');
      const first = HsmSession.open(module, slot, token.pin);
      const error = expectKeyferryError(
        () => HsmSession.open(module, slot, '000000'),
        'HSM_PIN_INCORRECT',
        /CKR_PIN_INCORRECT/,
      );
      expect(error.message).not.toContain('000000');
      expect(state(first)).toBe(CKS_RW_USER_FUNCTIONS);
      expect(privateLabels(first)).toContain('from-first');
      first.close();
      // Logged out now: the token itself checks the next PIN again.
      expectKeyferryError(() => HsmSession.open(module, slot, '111111'), 'HSM_PIN_INCORRECT', /CKR_PIN_INCORRECT/);
      HsmSession.open(module, slot, token.pin).close();
    } finally {
      module.close();
    }
  });

  it("a login this process did not make is not taken for the operator's", () => {
    const module = HsmModule.open(token.modulePath);
    try {
      const slot = selectToken(module, 'shared-login');
      // Someone logs in behind Keyferry's back (straight through the binding).
      const foreign = module.binding.C_OpenSession(slot.slot, 0x6);
      module.binding.C_Login(foreign, 1, token.pin);
      try {
        expectKeyferryError(
          () => HsmSession.open(module, slot, '000000'),
          'HSM_OPERATION_FAILED',
          /CKR_USER_ALREADY_LOGGED_IN/,
        );
      } finally {
        module.binding.C_Logout(foreign);
        module.binding.C_CloseSession(foreign);
      }
    } finally {
      module.close();
    }
  });
});
