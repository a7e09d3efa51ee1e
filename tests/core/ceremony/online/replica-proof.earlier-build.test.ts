/**
 * The proof after import of an AES replica group whose replica was imported in a later round than
 * its primary, by a build whose import did not compare it with its group's material: the replica
 * holds other material (another KCV) for ever. The verification says so as a refusal (journaled
 * `replica-group.refused`, a deviation, then REPLICA_GROUP_NOT_PROVEN naming both KCVs), where it
 * left the group silently unproven. Two regions of one simulator over real HTTP; the earlier build's
 * import is played by the KMS client and the journal entries that build wrote.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KmsClient } from '../../../../src-main/core/kms/client';
import { AkSkCredentials } from '../../../../src-main/core/kms/credentials';
import { listDeviations } from '../../../../src-main/core/journal';
import { readBundleDigest } from '../../../../src-main/core/bundle';
import { sha256Hex } from '../../../../src-main/core/fs/durable-file';
import { primaryTookFirstWrap } from '../../../helpers/group-split';
import { createFixture, type Fixture } from '../ceremony-fixture';

let f: Fixture | undefined;
let client: KmsClient | undefined;
afterEach(async () => {
  client?.close();
  client = undefined;
  await f?.close();
  f = undefined;
});

describe('an AES replica imported in a later round with other material than its primary', () => {
  it('is refused by the proof after import, naming both KCVs, journaled as a deviation', async () => {
    f = await createFixture({ simulator: { region: 'cn-north-4', regions: [{ region: 'cn-east-3' }] } });
    const { params, replicaId, again, journal, plan, other } = await primaryTookFirstWrap(f, 'AES_256');

    // The earlier build: the wrap again's material imported into the replica, in its own region, and journaled.
    const manifest = JSON.parse(await fs.readFile(path.join(again.out, 'manifest.json'), 'utf8')) as {
      keys: { keyId: string; keyCheckValue: string }[];
    };
    const kcv = manifest.keys.find((k) => k.keyId === replicaId)?.keyCheckValue as string;
    const token = (await fs.readFile(path.join(params, 'keys', replicaId, 'ImportToken.b64'), 'utf8')).trim();
    client = new KmsClient({
      endpoint: other.endpoint,
      projectId: other.projectId,
      credentials: new AkSkCredentials({ accessKeyId: f.sim.ak, secretKey: f.sim.sk }),
      retry: { maxAttempts: 1 },
    });
    await client.importKeyMaterial({
      keyId: replicaId,
      importToken: token,
      encryptedKeyMaterial: await fs.readFile(path.join(again.out, 'keys', replicaId, 'EncryptedKeyMaterial.bin')),
    });
    await journal.append('Ana', 'wrapped-bundle.checked', {
      folder: again.out,
      manifestSha256: await readBundleDigest(again.out),
      keys: [{ keyId: replicaId, publicKeyFingerprint: null, keyCheckValue: kcv }],
    });
    await journal.append('Ana', 'key.imported', {
      keyId: replicaId,
      expiresAt: null,
      importTokenSha256: sha256Hex(token),
      confirmation: 'answered',
    });

    const day3 = await f.online(journal, plan);
    await day3.connect();
    await expect(day3.verifyKeys()).rejects.toMatchObject({
      code: 'REPLICA_GROUP_NOT_PROVEN',
      message: expect.stringContaining(
        `${replicaId} in cn-east-3 was imported with material of KCV ${kcv}, its primary with KCV `,
      ),
    });
    const refused = journal.entries.filter((e) => e.event === 'replica-group.refused');
    expect(refused).toHaveLength(1);
    expect(listDeviations(journal.entries).map((d) => d.entry.event)).toContain('replica-group.refused');
    expect(journal.entries.some((e) => e.event === 'replica-group.proven')).toBe(false);
  }, 120_000);
});
