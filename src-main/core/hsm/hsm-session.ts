/**
 * A logged-in session on one token. The PIN is handed to C_Login and not kept: this class never
 * stores, prints or journals it. Objects created for one step (imported wrapping keys, temporary
 * keys, trial keys) are session objects and are destroyed when the step ends or the session closes.
 */
import { KeyferryError } from '../errors';
import { ckrName, hsmCall, hsmFailure } from './hsm-error';
import { LoginRefused, type HsmModule, type TokenSlot } from './hsm-module';
import { tokenIdentity, type HsmTokenIdentity } from './hsm-token';
import { handleSchema, TOKEN_FLAG } from './pkcs11-answers';
import type { PKCS11 } from 'pkcs11js';

const CKF_RW_SESSION = 0x2;
const CKF_SERIAL_SESSION = 0x4;

/**
 * What the token says of the user PIN's tries now (its flags read again after a refused login, which
 * may have changed them): locked, the next wrong PIN locks it, few tries left, or nothing said (many
 * tokens set none of these flags).
 */
function pinTriesLeft(module: HsmModule, tokenSlot: TokenSlot): 'locked' | 'final' | 'low' | 'unknown' {
  try {
    const flags = module.tokenInfo(tokenSlot.slot).flags;
    if (flags & TOKEN_FLAG.USER_PIN_LOCKED) return 'locked';
    if (flags & TOKEN_FLAG.USER_PIN_FINAL_TRY) return 'final';
    return flags & TOKEN_FLAG.USER_PIN_COUNT_LOW ? 'low' : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A failed C_Login, by what the token answered; `tries`: what the token says of the PIN's tries now. */
function loginFailure(
  identity: HsmTokenIdentity,
  error: unknown,
  tries: () => ReturnType<typeof pinTriesLeft>,
): KeyferryError {
  const ckr = ckrName(error);
  const token = { token: identity.label, serial: identity.serial };
  if (error instanceof LoginRefused) {
    // pin-differs: another session of this process is logged in with a different PIN, the one the
    // token accepted, so this one is wrong (the token was not asked; no try used up).
    if (error.reason === 'pin-differs') {
      return new KeyferryError(
        'HSM_PIN_INCORRECT',
        { ...token, ckr: 'CKR_PIN_INCORRECT', tries: 'unknown' },
        { cause: error },
      );
    }
    return hsmFailure('login', error.cause);
  }
  if (ckr === 'CKR_PIN_INCORRECT' || ckr === 'CKR_PIN_LEN_RANGE' || ckr === 'CKR_PIN_INVALID') {
    return new KeyferryError('HSM_PIN_INCORRECT', { ...token, ckr, tries: tries() }, { cause: error });
  }
  if (ckr === 'CKR_PIN_LOCKED') return new KeyferryError('HSM_PIN_LOCKED', token, { cause: error });
  if (ckr === 'CKR_USER_PIN_NOT_INITIALIZED') return new KeyferryError('HSM_PIN_NOT_SET', token, { cause: error });
  return hsmFailure('login', error);
}

export class HsmSession {
  readonly #module: HsmModule;
  readonly #session: Buffer;
  readonly #temporary = new Set<string>();
  #closed = false;

  private constructor(
    module: HsmModule,
    readonly tokenSlot: TokenSlot,
    session: Buffer,
    readonly identity: HsmTokenIdentity,
  ) {
    this.#module = module;
    this.#session = session;
  }

  /**
   * Opens a read-write session on `tokenSlot` and logs the user in with `pin`. A locked PIN is
   * refused before trying (the token would refuse it anyway). A PIN the token refuses is said with
   * what the token then says of the tries left (the next wrong one locks it, few left), so that an
   * officer retrying does not lock the token unwarned.
   */
  static open(module: HsmModule, tokenSlot: TokenSlot, pin: string): HsmSession {
    const identity = tokenIdentity(module, tokenSlot);
    const flags = module.tokenInfo(tokenSlot.slot).flags;
    if (flags & TOKEN_FLAG.USER_PIN_LOCKED) {
      throw new KeyferryError('HSM_PIN_LOCKED', { token: identity.label, serial: identity.serial });
    }
    const p11 = module.binding;
    const session = handleSchema.parse(
      hsmCall('session', () => p11.C_OpenSession(tokenSlot.slot, CKF_SERIAL_SESSION | CKF_RW_SESSION)),
    );
    try {
      module.login(tokenSlot, session, pin);
    } catch (error) {
      try {
        p11.C_CloseSession(session);
      } catch {
        // the login failure is what the operator needs to see
      }
      throw loginFailure(identity, error, () => pinTriesLeft(module, tokenSlot));
    }
    return new HsmSession(module, tokenSlot, session, identity);
  }

  /** The binding and the session handle, for the key and wrap layers of this folder only. */
  get p11(): PKCS11 {
    if (this.#closed) throw new Error('HsmSession used after close');
    return this.#module.binding;
  }

  get handle(): Buffer {
    return this.#session;
  }

  get module(): HsmModule {
    return this.#module;
  }

  /** Remembers a session object to destroy at the latest when the session closes. */
  trackTemporary(object: Buffer): Buffer {
    this.#temporary.add(object.toString('hex'));
    return object;
  }

  /** Destroys a temporary object now (and forgets it). */
  destroy(object: Buffer): void {
    this.#temporary.delete(object.toString('hex'));
    hsmCall('destroy', () => this.p11.C_DestroyObject(this.#session, object));
  }

  /** Destroys what is left of the temporary objects, logs out and closes. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    const p11 = this.#module.binding;
    for (const hex of this.#temporary) {
      try {
        p11.C_DestroyObject(this.#session, Buffer.from(hex, 'hex'));
      } catch {
        // session objects disappear with the session anyway
      }
    }
    this.#temporary.clear();
    this.#closed = true;
    // Only the token's last user logs out: C_Logout would end the other sessions' login too.
    this.#module.logout(this.tokenSlot, this.#session);
    try {
      p11.C_CloseSession(this.#session);
    } catch (error) {
      throw hsmFailure('logout', error);
    }
  }
}
