/**
 * After verification, `online import` and `online status` say what was proven of each replica group:
 * one line per way of proof counting the groups it proved (a hundred groups stay two lines), one line
 * per group NOT proven although every member holds imported material, nothing for a group still
 * waiting for an import; English and Chinese.
 */
import { describe, expect, it } from 'vitest';
import { printGroupProofs } from '../../../src-main/cli/commands/online-steps';
import type { JournaledKey } from '../../../src-main/core/ceremony/online/types';

type Io = Parameters<typeof printGroupProofs>[0];

function printed(lang: string, keys: readonly JournaledKey[]): string[] {
  const lines: string[] = [];
  const io = { env: { LANG: lang }, locale: undefined, stdout: (l: string) => lines.push(l) } as unknown as Io;
  printGroupProofs(io, keys);
  return lines;
}

/** A group of `size` keys (primary first), each in its own region, with `proof` and `imported` for all. */
function group(
  n: number,
  spec: 'AES_256' | 'EC_P256',
  proof: JournaledKey['groupProof'],
  imported = true,
  size = 3,
): JournaledKey[] {
  const primary = `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
  return Array.from({ length: size }, (_, i) => ({
    keyId: i === 0 ? primary : `${String(n).padStart(8, '0')}-0000-4000-8000-00000000000${i}`,
    alias: `dr/k${n}`,
    spec,
    region: ['cn-north-4', 'cn-east-3', 'ap-southeast-1'][i] as string,
    projectId: 'a'.repeat(32),
    replicaOf: i === 0 ? null : primary,
    imported,
    importSentUnrecorded: false,
    importAnswerUnproven: null,
    lapsed: false,
    deleted: false,
    expiresAt: imported ? 'never' : null,
    verified: imported,
    proof: null,
    groupProof: proof,
  }));
}

const single: JournaledKey = { ...(group(99, 'AES_256', null)[0] as JournaledKey), alias: 'solo' };

describe('the replica-group lines after verification', () => {
  it('counts a hundred proven groups in one line per way of proof, and names none of them', () => {
    const keys = [
      ...Array.from({ length: 98 }, (_, i) => group(i, 'AES_256', 'kcv-of-wrapped-material')).flat(),
      ...group(98, 'EC_P256', 'public-key-equal'),
      ...group(97, 'EC_P256', 'public-key-equal'),
      single,
    ];
    expect(printed('en_US.UTF-8', keys)).toEqual([
      '  2 replica groups (RSA/EC) proven: get-publickey of every member, asked in its own region, equals the group’s one public key',
      '  98 replica groups (AES) proven as far as the KMS allows: every member was imported from wrapped material with the group’s key check value and passed its own encrypt/decrypt round trip',
    ]);
  });

  it('names each group NOT proven whose members all hold material, and says nothing of one waiting for its import', () => {
    const notProven = group(1, 'AES_256', null);
    const waiting = group(2, 'AES_256', null, false);
    const keys = [...group(0, 'AES_256', 'kcv-of-wrapped-material'), ...notProven, ...waiting];
    const en = printed('en_US.UTF-8', keys);
    expect(en).toEqual([
      '  1 replica group (AES) proven as far as the KMS allows: every member was imported from wrapped material with the group’s key check value and passed its own encrypt/decrypt round trip',
      `  Replica group of dr/k1 (3 keys, primary ${notProven[0]?.keyId}): NOT proven: every member holds imported material, but the journal records no proof of this group after its last import (a member failed its own proof in the table above)`,
    ]);
    const zh = printed('zh_CN.UTF-8', keys);
    expect(zh[0]).toBe(
      '  1 个副本组（AES）已在 KMS 允许的范围内证明：每个成员导入的已包装密钥材料的密钥校验值（KCV）都是该组的同一个值，且各自通过了加密/解密往返校验',
    );
    expect(zh[1]).toContain(`dr/k1 的副本组（3 个密钥，主密钥 ${notProven[0]?.keyId}）：未证明`);
    expect(zh).toHaveLength(2);
  });

  it('prints nothing for a ceremony without replica groups', () => {
    expect(printed('en_US.UTF-8', [single])).toEqual([]);
  });
});
