/**
 * The HSM section of the air-gapped and restore receipts, from real ceremonies on a SoftHSM token:
 * manufacturer, model, serial, firmware, token label, the object label and mechanisms of every key,
 * printed to PDF by Chromium and read back with pdftotext, in English and Chinese; never the PIN.
 * A receipt of material generated in software has no HSM section.
 */
import { execFileSync } from 'node:child_process';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HsmMaterialSummary } from '../../../src-main/core/ceremony/airgap/hsm-material-summary';
import { printerPerFile } from '../../helpers/browser';
import { airGapSide, onlineDayOne } from '../ceremony/ceremony-fixture';
import {
  airGapWithHsm,
  expiredHsmKey,
  hsmPlan,
  softHsmCeremonies,
  softHsmRequest,
  startRestore,
} from '../ceremony/hsm-ceremony';

const t = softHsmCeremonies('receipt-hsm', '90817263');
const printer = printerPerFile();

/** The receipt's HTML printed to PDF and read back with pdftotext, squashed. */
async function printed(htmlFile: string): Promise<string> {
  const pdf = htmlFile.replace(/\.html$/, '.pdf');
  await printer.print(await readFile(htmlFile, 'utf8'), pdf, 'A4');
  return squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
}
/** Without white space and hyphens: table cells wrap anywhere, and pdftotext joins a hyphenated line break. */
const squash = (text: string) => text.replace(/[\s-]+/g, '');

describe('the HSM section of the receipts', () => {
  it('air-gapped receipt (English and Chinese): token identity, object labels and mechanisms per key, no PIN', async () => {
    const { f, token } = t;
    const plan = hsmPlan(f, ['AES_256', 'RSA_2048']);
    const { params, created } = await onlineDayOne(f, plan);
    const out = path.join(f.dir, 'wrapped');
    const request = softHsmRequest(token, { acceptZeroFilledPad: true });
    const { receipt, material } = await airGapWithHsm(f, plan, params, out, request, 'both');
    const pdf = await printed(receipt.htmlFile);
    const text = await readFile(receipt.textFile, 'utf8');
    // Both languages: each row is the English label, the value, the Chinese label.
    for (const expected of [
      'Manufacturer SoftHSM project 制造商',
      'Model SoftHSM v2 型号',
      `Serial number ${token.serial} 序列号`,
      'Token label receipt-hsm 令牌标签',
    ])
      expect(pdf).toContain(squash(expected));
    expect(pdf).toMatch(/Firmware\d+\.\d+固件/);
    for (const [i, m] of material.entries()) {
      const label = (m as HsmMaterialSummary).objectLabel;
      expect(label).toBe(`keyferry ${receipt.htmlFile.match(/(KF-[0-9]{8}-[0-9a-z]+)/)?.[1]} ${created[i]!.keyId}`);
      expect(pdf).toContain(squash(`Token object of key ${m.keyId} ${label} 密钥 ${m.keyId} 的令牌对象`));
      expect(text).toMatch(new RegExp(`Token object of key ${m.keyId} \\.* ?${label}\n`));
    }
    // SoftHSM gives the KCV as CKA_CHECK_VALUE; the RSA key went under a temporary AES key (zero-filled pad, accepted).
    const aes = created[0]!.keyId;
    expect(pdf).toContain(squash(`Mechanisms for key ${created[1]!.keyId}`));
    expect(pdf).toContain(
      squash(
        `Mechanisms for key ${aes} CKM_AES_KEY_GEN (0x1080), CKM_RSA_PKCS_OAEP (0x0009), CKA_CHECK_VALUE; wrapped for RSAES_OAEP_SHA_1`,
      ),
    );
    expect(pdf).toContain(
      squash(
        `CKM_RSA_PKCS_KEY_PAIR_GEN (0x0000)、CKM_AES_KEY_GEN (0x1080)、CKM_AES_KEY_WRAP_PAD (0x210A)、CKM_RSA_PKCS_OAEP (0x0009)；按 RSAES_OAEP_SHA_1 包装`,
      ),
    );
    expect(text).toContain('The key material of this session stayed inside this HSM token');
    expect(text).toContain('本次会话的密钥材料始终留在此 HSM 令牌内');
    expect(pdf).not.toContain(token.pin);
    expect(text).not.toContain(token.pin);
  }, 180_000);

  it('restore receipt (Chinese): the token the object was re-wrapped in; a software ceremony has no HSM section', async () => {
    const { f, token } = t;
    const software = f.plan(['AES_256']);
    const soft = await onlineDayOne(
      f,
      { ...software, keys: [{ ...software.keys[0]!, alias: 'soft' }] },
      'online-soft.jsonl',
    );
    const side = await airGapSide(f, software, soft.params, path.join(f.dir, 'wrapped-soft'), 'airgap-soft.jsonl');
    expect(await readFile(side.receipt.textFile, 'utf8')).not.toMatch(/\nHSM\n---\n/);
    await rename(soft.params, path.join(f.dir, 'params-soft'));

    const { plan, created, first, params2 } = await expiredHsmKey(f, softHsmRequest(token));
    const firstText = await readFile(first.receipt.textFile, 'utf8');
    expect(firstText).toMatch(/\nHSM\n---\n/);
    const restore = await startRestore(f, plan, params2, path.join(f.dir, 'wrapped-2'), 'airgap.jsonl');
    await restore.restoreFromHsm(softHsmRequest(token));
    await restore.wrapAll();
    await restore.writeWrappedBundle(path.join(f.dir, 'wrapped-2'));
    const receipt = await restore.writeReceipt(f.dir, { language: 'zh-CN' });
    const pdf = await printed(receipt.htmlFile);
    const label = (first.material[0] as HsmMaterialSummary).objectLabel;
    for (const expected of [
      '制造商 SoftHSM project',
      '型号 SoftHSM v2',
      `序列号 ${token.serial}`,
      '令牌标签 receipt-hsm',
      `密钥 ${created[0]!.keyId} 的令牌对象 ${label}`,
      // The object was found, not generated: no key generation mechanism.
      `密钥 ${created[0]!.keyId} 使用的机制 CKM_RSA_PKCS_OAEP (0x0009)、CKA_CHECK_VALUE；按 RSAES_OAEP_SHA_1 包装`,
    ])
      expect(pdf).toContain(squash(expected));
    expect(pdf).not.toContain('CKM_AES_KEY_GEN');
    expect(pdf).not.toContain(token.pin);
    await restore.abandon('test done').catch(() => undefined);
  }, 240_000);
});
