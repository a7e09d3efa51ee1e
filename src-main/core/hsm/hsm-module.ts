/**
 * A vendor's PKCS#11 module (.so/.dll/.dylib) loaded through the pkcs11js binding: the one place
 * that talks to the binding directly for module-, slot- and token-level calls. Every answer is
 * schema-checked (pkcs11-answers.ts). One process initializes a module once; `open` counts users
 * and the last `close` finalizes it, so a ceremony and a capability check can share it.
 *
 * PKCS#11 login state belongs to the process and the token, not to a session: a second C_Login on
 * a token already logged in answers CKR_USER_ALREADY_LOGGED_IN whatever the PIN, and C_Logout from
 * any session logs every session out. So logins are counted here per token (`login`/`logout`): the
 * first user's PIN is checked by the token; a later user's PIN is compared with the first one's
 * (an HMAC under a key that lives only in this process, never the PIN itself) so an existing login
 * never lets a wrong PIN through; only the last user logs out.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { PKCS11 } from 'pkcs11js';
import { KeyferryError } from '../errors';
import { hsmCall } from './hsm-error';
import {
  handleListSchema,
  mechanismInfoSchema,
  mechanismListSchema,
  moduleInfoSchema,
  slotInfoSchema,
  tokenInfoSchema,
  type MechanismInfo,
  type ModuleInfo,
  type RawTokenInfo,
} from './pkcs11-answers';

/** A slot that holds a token, with the token's checked description. */
export interface TokenSlot {
  readonly slot: Buffer;
  /** The slot's number as the module reports it (decimal), for `hsm info`. */
  readonly slotId: string;
  readonly slotDescription: string;
  readonly token: RawTokenInfo;
}

/** A token this process is logged in to: how many sessions use the login, and the PIN's HMAC. */
interface Login {
  users: number;
  readonly pinCheck: Buffer;
}

interface Loaded {
  readonly lib: PKCS11;
  users: number;
  /** By slot and token serial (tokenKey). */
  readonly logins: Map<string, Login>;
}

const loaded = new Map<string, Loaded>();

/** Key for the PIN checks; random per process, so a check means nothing outside it. */
const PIN_CHECK_KEY = randomBytes(32);
const CKU_USER = 1;

function pinCheck(pin: string): Buffer {
  return createHmac('sha256', PIN_CHECK_KEY).update(pin, 'utf8').digest();
}

function tokenKey(tokenSlot: TokenSlot): string {
  return `${slotId(tokenSlot.slot)}/${tokenSlot.token.serialNumber}/${tokenSlot.token.label}`;
}

/** How a login ended when the token did not accept it; the caller turns it into a problem. */
export class LoginRefused extends Error {
  constructor(
    readonly reason: 'pin-differs' | 'unknown-login',
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

function checkModuleFile(modulePath: string): string {
  const absolute = path.resolve(modulePath);
  let isFile = false;
  try {
    isFile = statSync(absolute).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) {
    throw new KeyferryError('HSM_MODULE_MISSING', { path: absolute });
  }
  return absolute;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}

function load(absolute: string): PKCS11 {
  const lib = new PKCS11();
  try {
    lib.load(absolute);
  } catch (error) {
    throw new KeyferryError('HSM_MODULE_UNLOADABLE', { path: absolute, detail: firstLine(error) }, { cause: error });
  }
  try {
    lib.C_Initialize();
  } catch (error) {
    lib.close();
    throw new KeyferryError(
      'HSM_MODULE_NOT_READY',
      { module: path.basename(absolute), detail: firstLine(error) },
      { cause: error },
    );
  }
  return lib;
}

function slotId(slot: Buffer): string {
  return slot.length === 8 ? slot.readBigUInt64LE(0).toString() : slot.toString('hex');
}

export class HsmModule {
  readonly #lib: PKCS11;
  readonly #logins: Map<string, Login>;
  #closed = false;

  private constructor(
    readonly modulePath: string,
    lib: PKCS11,
    logins: Map<string, Login>,
  ) {
    this.#lib = lib;
    this.#logins = logins;
  }

  /** Loads and initializes the module at `modulePath` (or shares the one already open). */
  static open(modulePath: string): HsmModule {
    const absolute = checkModuleFile(modulePath);
    let entry = loaded.get(absolute);
    if (!entry) {
      entry = { lib: load(absolute), users: 0, logins: new Map() };
      loaded.set(absolute, entry);
    }
    entry.users += 1;
    return new HsmModule(absolute, entry.lib, entry.logins);
  }

  /** The binding, for the session layer only. */
  get binding(): PKCS11 {
    if (this.#closed) throw new Error('HsmModule used after close');
    return this.#lib;
  }

  info(): ModuleInfo {
    return moduleInfoSchema.parse(hsmCall('module', () => this.binding.C_GetInfo()));
  }

  /** Every slot with a token present, with the token's description. */
  tokenSlots(): TokenSlot[] {
    const slots = handleListSchema.parse(hsmCall('slots', () => this.binding.C_GetSlotList(true)));
    return slots.map((slot) => {
      const slotInfo = slotInfoSchema.parse(hsmCall('slots', () => this.binding.C_GetSlotInfo(slot)));
      const token = tokenInfoSchema.parse(hsmCall('token', () => this.binding.C_GetTokenInfo(slot)));
      return { slot, slotId: slotId(slot), slotDescription: slotInfo.slotDescription, token };
    });
  }

  /** The token's description now (flags change, e.g. when its PIN locks). */
  tokenInfo(slot: Buffer): RawTokenInfo {
    return tokenInfoSchema.parse(hsmCall('token', () => this.binding.C_GetTokenInfo(slot)));
  }

  mechanisms(slot: Buffer): number[] {
    return mechanismListSchema.parse(hsmCall('mechanisms', () => this.binding.C_GetMechanismList(slot)));
  }

  mechanismInfo(slot: Buffer, mechanism: number): MechanismInfo {
    return mechanismInfoSchema.parse(hsmCall('mechanisms', () => this.binding.C_GetMechanismInfo(slot, mechanism)));
  }

  /**
   * Logs `session` in as the user. The first user of the token: C_Login with `pin` (what the
   * token throws is passed on). A later user: `pin` must be the PIN the first user logged in with
   * (else LoginRefused 'pin-differs', the token is not asked, so no try is used up), and the
   * session must already be in the user state the login gave it. CKR_USER_ALREADY_LOGGED_IN for a
   * token this process did not log in to (someone else's login, whose PIN is unknown) is refused.
   */
  login(tokenSlot: TokenSlot, session: Buffer, pin: string): void {
    const key = tokenKey(tokenSlot);
    const check = pinCheck(pin);
    const existing = this.#logins.get(key);
    if (existing) {
      if (!timingSafeEqual(existing.pinCheck, check)) throw new LoginRefused('pin-differs');
      try {
        this.binding.C_Login(session, CKU_USER, pin);
      } catch (error) {
        if (!/^CKR_USER_ALREADY_LOGGED_IN/.test(error instanceof Error ? error.message : '')) throw error;
      }
      existing.users += 1;
      return;
    }
    try {
      this.binding.C_Login(session, CKU_USER, pin);
    } catch (error) {
      if (/^CKR_USER_ALREADY_LOGGED_IN/.test(error instanceof Error ? error.message : '')) {
        throw new LoginRefused('unknown-login', { cause: error });
      }
      throw error;
    }
    this.#logins.set(key, { users: 1, pinCheck: check });
  }

  /**
   * Ends one user's login on the token: C_Logout only for the last one (C_Logout ends the login
   * of every session of the token). Returns whether it logged out.
   */
  logout(tokenSlot: TokenSlot, session: Buffer): boolean {
    const key = tokenKey(tokenSlot);
    const login = this.#logins.get(key);
    if (login && login.users > 1) {
      login.users -= 1;
      return false;
    }
    this.#logins.delete(key);
    try {
      this.binding.C_Logout(session);
    } catch {
      // already logged out
    }
    return true;
  }

  /** Releases this user of the module; the last one finalizes and unloads it. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const entry = loaded.get(this.modulePath);
    if (!entry) return;
    entry.users -= 1;
    if (entry.users > 0) return;
    loaded.delete(this.modulePath);
    try {
      entry.lib.C_Finalize();
    } finally {
      entry.lib.close();
    }
  }
}
