/**
 * What a PKCS#11 module answers is checked like any other input (core/hsm/pkcs11-answers.ts): a
 * real SoftHSM token's answers, taken raw from the binding, pass and read as softhsm2-util set
 * them up (label and serial without their blank padding); a module's answer with NUL padding or
 * terminal control characters is made printable; out-of-range versions, empty or oversized
 * handles, oversized strings, lists and wrapped keys are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HsmModule } from '../../../src-main/core/hsm/hsm-module';
import {
  handleSchema,
  mechanismInfoSchema,
  mechanismListSchema,
  moduleInfoSchema,
  slotInfoSchema,
  tokenInfoSchema,
  wrappedBytesSchema,
} from '../../../src-main/core/hsm/pkcs11-answers';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from './helpers/soft-tokens';

/** PKCS#11 CKM_AES_KEY_GEN and CKM_RSA_PKCS_OAEP. */
const CKM_AES_KEY_GEN = 0x1080;
const CKM_RSA_PKCS_OAEP = 0x0009;

let token: SoftToken;
let module: HsmModule;
beforeAll(async () => {
  token = await createSoftHsmToken('answers-check', '246810');
  module = HsmModule.open(SOFTHSM_MODULE);
});
afterAll(async () => {
  module?.close();
  await token?.cleanup();
});

/** The slot of the token this test made, and the binding's raw answers about it. */
function rawAnswers() {
  const lib = module.binding;
  const slot = lib.C_GetSlotList(true).find((s) => lib.C_GetTokenInfo(s).label.trim() === token.label);
  if (!slot) throw new Error(`no slot holds the token ${token.label}`);
  return {
    slot,
    module: lib.C_GetInfo(),
    slotInfo: lib.C_GetSlotInfo(slot),
    token: lib.C_GetTokenInfo(slot),
    mechanisms: lib.C_GetMechanismList(slot),
  };
}

describe('a real module’s answers (SoftHSM)', () => {
  it('pass, and read as the token was set up: label and serial without their padding', () => {
    const raw = rawAnswers();
    expect(handleSchema.parse(raw.slot)).toBe(raw.slot);
    const info = moduleInfoSchema.parse(raw.module);
    expect(info.manufacturerID).toBe('SoftHSM');
    expect(info.cryptokiVersion.major).toBe(2);
    expect(slotInfoSchema.parse(raw.slotInfo).slotDescription).not.toMatch(/\s$/);
    const parsed = tokenInfoSchema.parse(raw.token);
    expect(raw.token.label).not.toBe(token.label); // blank-padded to 32 characters by the module
    expect(parsed.label).toBe(token.label);
    expect(parsed.serialNumber).toBe(token.serial);
    expect(parsed.model).toBe('SoftHSM v2');
    const mechanisms = mechanismListSchema.parse(raw.mechanisms);
    expect(mechanisms).toEqual(expect.arrayContaining([CKM_AES_KEY_GEN, CKM_RSA_PKCS_OAEP]));
    const aes = mechanismInfoSchema.parse(module.binding.C_GetMechanismInfo(raw.slot, CKM_AES_KEY_GEN));
    expect([aes.minKeySize <= 32, aes.maxKeySize >= 32]).toEqual([true, true]);
  });

  it('reach the rest of Keyferry through HsmModule as the schemas give them', () => {
    const raw = rawAnswers();
    const slot = module.tokenSlots().find((s) => s.token.label === token.label);
    expect(slot?.token).toEqual(tokenInfoSchema.parse(raw.token));
    expect(module.info()).toEqual(moduleInfoSchema.parse(raw.module));
  });
});

describe('a module’s answers Keyferry did not expect', () => {
  const tokenAnswer = () => tokenInfoSchema.parse(rawAnswers().token);

  it('have NUL padding removed and control characters replaced, so a label cannot drive a terminal', () => {
    const raw = rawAnswers().token;
    const parsed = tokenInfoSchema.parse({
      ...raw,
      label: 'vault\u001b[2J\u0007\u0000\u0000\u0000',
      manufacturerID: '\u009b31mVendor\r\nInc      ',
    });
    expect(parsed.label).toBe('vault?[2J?');
    expect(parsed.manufacturerID).toBe('?31mVendor??Inc');
    expect(parsed.serialNumber).toBe(tokenAnswer().serialNumber);
  });

  it('are refused when a field is out of range or missing', () => {
    const raw = rawAnswers();
    const refusals: [string, () => unknown][] = [
      [
        'firmware version 256',
        () => tokenInfoSchema.parse({ ...raw.token, firmwareVersion: { major: 256, minor: 0 } }),
      ],
      ['negative flags', () => tokenInfoSchema.parse({ ...raw.token, flags: -1 })],
      ['fractional PIN length', () => tokenInfoSchema.parse({ ...raw.token, maxPinLen: 1.5 })],
      ['no serial', () => tokenInfoSchema.parse({ ...raw.token, serialNumber: undefined })],
      ['a label of 129 characters', () => tokenInfoSchema.parse({ ...raw.token, label: 'x'.repeat(129) })],
      ['a module version as text', () => moduleInfoSchema.parse({ ...raw.module, libraryVersion: '2.6' })],
      ['a mechanism above 32 bits', () => mechanismListSchema.parse([...raw.mechanisms, 2 ** 32])],
      ['4,097 mechanisms', () => mechanismListSchema.parse(Array.from({ length: 4097 }, (_, i) => i))],
      ['a negative key size', () => mechanismInfoSchema.parse({ minKeySize: -1, maxKeySize: 32, flags: 0 })],
      ['an empty handle', () => handleSchema.parse(Buffer.alloc(0))],
      ['a 9-byte handle', () => handleSchema.parse(Buffer.alloc(9))],
      ['a handle as a number', () => handleSchema.parse(1)],
      ['no wrapped bytes', () => wrappedBytesSchema.parse(Buffer.alloc(0))],
      ['16,385 wrapped bytes', () => wrappedBytesSchema.parse(Buffer.alloc(16 * 1024 + 1))],
    ];
    for (const [what, parse] of refusals) expect(parse, what).toThrow();
    expect(wrappedBytesSchema.parse(Buffer.alloc(16 * 1024, 1))).toHaveLength(16 * 1024);
    expect(tokenInfoSchema.parse({ ...raw.token, maxPinLen: 2n ** 64n - 1n }).maxPinLen).toBe(2n ** 64n - 1n);
  });
});
