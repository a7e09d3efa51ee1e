/**
 * A vendor's PKCS#11 module (.so/.dll/.dylib) loaded through the pkcs11js binding: the one place
 * that talks to the binding directly for module-, slot- and token-level calls. Every answer is
 * schema-checked (pkcs11-answers.ts). One process initializes a module once; `open` counts users
 * and the last `close` finalizes it, so a ceremony and a capability check can share it.
 */
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

interface Loaded {
  readonly lib: PKCS11;
  users: number;
}

const loaded = new Map<string, Loaded>();

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
  #closed = false;

  private constructor(
    readonly modulePath: string,
    lib: PKCS11,
  ) {
    this.#lib = lib;
  }

  /** Loads and initializes the module at `modulePath` (or shares the one already open). */
  static open(modulePath: string): HsmModule {
    const absolute = checkModuleFile(modulePath);
    let entry = loaded.get(absolute);
    if (!entry) {
      entry = { lib: load(absolute), users: 0 };
      loaded.set(absolute, entry);
    }
    entry.users += 1;
    return new HsmModule(absolute, entry.lib);
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
