/**
 * Choosing the token a ceremony uses (hsm/hsm-token.ts) on a real SoftHSM module with three tokens,
 * two of them labelled alike: by label or serial number, a label that matches two refused with both
 * named, an unknown one refused with every token named; and the identity the journal records is what
 * softhsm2-util shows of the same token.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HsmModule } from '../../../src-main/core/hsm/hsm-module';
import { selectToken, tokenIdentity, tokenNamed } from '../../../src-main/core/hsm/hsm-token';
import { expectKeyferryError } from '../crypto/helpers/openssl';
import { createSoftHsmToken, SOFTHSM_MODULE, type SoftToken } from './helpers/soft-tokens';

let token: SoftToken;
let module: HsmModule;
let twinSerials: string[];

function initToken(label: string): void {
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', '13579135', '--pin', '1234'], {
    stdio: 'pipe',
  });
}

beforeAll(async () => {
  token = await createSoftHsmToken('ceremony-a');
  initToken('twin');
  initToken('twin');
  module = HsmModule.open(SOFTHSM_MODULE);
  twinSerials = module
    .tokenSlots()
    .filter((slot) => slot.token.label === 'twin')
    .map((slot) => slot.token.serialNumber);
});
afterAll(async () => {
  module.close();
  await token.cleanup();
});

describe('selectToken', () => {
  it('finds a token by its label (spaces around it ignored) or by its serial number', () => {
    expect(selectToken(module, ' ceremony-a ').token.serialNumber).toBe(token.serial);
    expect(selectToken(module, token.serial).token.label).toBe('ceremony-a');
    expect(selectToken(module, twinSerials[1] ?? '').token.serialNumber).toBe(twinSerials[1]);
  });

  it('refuses a label two tokens carry, naming both by serial', () => {
    expect(twinSerials).toHaveLength(2);
    const error = expectKeyferryError(() => selectToken(module, 'twin'), 'HSM_TOKEN_AMBIGUOUS');
    expect(error.message).toMatch(/^More than one token matches "twin": /);
    for (const serial of twinSerials) expect(error.message).toContain(`"twin" [${serial}]`);
    expect(error.message).not.toContain('ceremony-a');
    expect(error.nextStep).toContain('serial number');
  });

  it('refuses a token that is not there, naming every initialized token (not the free slot)', () => {
    const error = expectKeyferryError(() => selectToken(module, 'ceremony-b'), 'HSM_TOKEN_NOT_FOUND');
    expect(error.message).toMatch(/^No token has the label or serial number "ceremony-b"\. Tokens present: /);
    expect(error.message).toContain(`"ceremony-a" [${token.serial}]`);
    expect(error.message.match(/"twin"/g)).toHaveLength(2);
    expect(error.message.match(/\[/g)).toHaveLength(3);
  });
});

describe('tokenIdentity', () => {
  it('records the module and the token as softhsm2-util shows them', () => {
    const identity = tokenIdentity(module, selectToken(module, 'ceremony-a'));
    const shown = execFileSync('softhsm2-util', ['--show-slots'], { encoding: 'utf8' });
    const block = shown.split(/\nSlot /).find((part) => part.includes(`Serial number:    ${token.serial}`)) ?? '';
    const field = (name: string) => new RegExp(`${name}:\\s+(.+)`).exec(block)?.[1]?.trim();
    expect(identity).toEqual({
      module: expect.stringMatching(/^Implementation of PKCS11 \d+\.\d+$/) as unknown,
      manufacturer: field('Manufacturer ID'),
      model: field('Model'),
      serial: token.serial,
      firmware: field('Firmware version'),
      label: 'ceremony-a',
    });
  });
});

describe('tokenNamed', () => {
  it('names a token by its label with its serial, or by the serial alone, never calling a label a serial', () => {
    expect(tokenNamed({ label: 'vault-r ', serial: '3f2a' })).toBe('"vault-r" (serial 3f2a)');
    expect(tokenNamed({ label: '  ', serial: '3f2a' })).toBe('(serial 3f2a)');
  });
});
