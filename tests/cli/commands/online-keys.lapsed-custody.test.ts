/**
 * `online status` once the material of two keys imported from different wrapped bundles has lapsed:
 * each key's way back is its own custody copy, the one recorded at its import. Key one came from the
 * first bundle, with a 2-of-3 custody set; key two's import was refused, its token lapsed, and it
 * came from a second bundle wrapped with no custody copy. Before, both keys were said to be in the
 * last bundle's case (no custody copy: "lost for ever"), although key one's custody set holds it.
 * Two machines in two folders, the real CLI against the simulator (its clock moved on):
 * tests/helpers/two-custody-copies.ts. With two sources of material, each way back fetches its
 * fresh parameters for its own keys (--key-id) into a bundle of its own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { lapsedFromTwoCustodyCopies } from '../../helpers/two-custody-copies';

let dir: string;
let kms: SimSetup;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-lapsed-custody-'));
  kms = await startSimWithClient();
});
afterAll(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

describe('online status after the material of keys from two bundles lapsed', () => {
  it('says each key’s way back from the custody copy recorded at its own import', async () => {
    const { on, one, two } = await lapsedFromTwoCustodyCopies(dir, kms);
    const status = await on(['online', 'status']);
    expect(status.code).toBe(1);
    const text = status.stdout;
    // One block per custody copy: its heading, its keys, then the way back.
    const blockOf = (keyId: string) => {
      const at = text.indexOf(`key ${keyId})`);
      expect(at).toBeGreaterThan(0);
      return text.slice(text.lastIndexOf('Key material lapsed:', at), text.indexOf('keyferry online import', at));
    };
    expect(text.match(/Key material lapsed: 1 key was imported/g)).toHaveLength(2);
    // Key one: its custody set restores it.
    // Named by its tag, as its share files' names carry it.
    expect(blockOf(one)).toMatch(
      /with the shares of any 2 of the 3 custodians of custody set [0-9A-F]{8} \(the tag in the share files’ names\) and the custody backup/,
    );
    expect(blockOf(one)).not.toContain('NO custody copy');
    // One key in the block: said as one.
    expect(blockOf(one)).toContain(
      'Every ciphertext under the key is unreadable until the same material is imported again.',
    );
    expect(blockOf(one)).not.toContain(two);
    // Key two: no custody copy, and only it is said so.
    expect(blockOf(two)).toContain('It had NO custody copy');
    expect(blockOf(two)).not.toContain(one);
    // One bundle of fresh parameters each: a restore rebuilds only the keys of the custody copy it is given.
    expect(blockOf(one)).toContain(`--key-id ${one} --out MEDIA/import-parameters-restore-1 `);
    expect(blockOf(one)).toContain('--bundle MEDIA/import-parameters-restore-1 ');
    expect(blockOf(two)).toContain(`--key-id ${two} --out MEDIA/import-parameters-restore-2 `);

    // In Chinese, the count of custodians stands apart from the words around it, set named or not.
    const zh = (await on(['online', 'status', '--lang', 'zh-CN'])).stdout;
    expect(zh).toMatch(/使用托管集 [0-9A-F]{8}（即份额文件名中的标记）的 3 位保管人中任意 2 位的份额和托管备份/);
    expect(zh).not.toMatch(/[\u4e00-\u9fff）][0-9]+ 位保管人/u);
  }, 180_000);
});
