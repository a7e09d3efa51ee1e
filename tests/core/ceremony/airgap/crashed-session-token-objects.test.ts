/**
 * A session killed after it generated material in an HSM token: the next session on the journal
 * names each token object that session's `material.generated` entries recorded (AES: one secret key;
 * RSA/EC: the private and the public key), without those its own stop already journaled destroyed,
 * journals them `hsm.objects-left` with the pkcs11-tool command that deletes each, and the receipt's
 * Deviations list that entry. The app's answer (the IPC contract) takes those objects as the
 * entries name them.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeUnfinishedSession } from '../../../../src-main/core/ceremony/airgap/unfinished-session';
import { listDeviations, openJournal, type Journal } from '../../../../src-main/core/journal';
import { withdrawalSchema } from '../../../../src-main/ipc/schemas/airgap';

const CEREMONY = 'KF-20250301-abcdef';
const MODULE = '/opt/vendor/lib pkcs11.so';
let dir: string;
let journal: Journal;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-crashed-token-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

const hex = (keyId: string) => Buffer.from(keyId).toString('hex');

async function generated(keyId: string, spec: string): Promise<void> {
  await journal.append('Ana', 'material.generated', {
    objectLabel: `keyferry ${CEREMONY} ${keyId}`,
    keyId,
    spec,
    source: 'hsm',
    publicKeyFingerprint: null,
    keyCheckValue: null,
    hsmTokenSerial: '9a8b7c',
    hsmTokenLabel: 'vault',
    objectId: hex(keyId),
    keptInHsm: true,
  });
}

describe('the HSM token objects of a session that ended without stopping', () => {
  it('are named with their delete commands and journaled hsm.objects-left, without those already destroyed', async () => {
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
    await journal.append('Ana', 'hsm.capability-checked', { modulePath: MODULE });
    await generated('aes-1', 'AES_256');
    await generated('ec-2', 'EC_P256');
    await generated('rsa-3', 'RSA_2048');
    // Its stop destroyed the AES key, then the process was killed before the stop was journaled.
    await journal.append('Ana', 'hsm.objects-destroyed', {
      objects: [
        { keyId: 'aes-1', label: `keyferry ${CEREMONY} aes-1`, objectId: hex('aes-1'), objectClass: 'CKO_SECRET_KEY' },
      ],
    });
    const report = await closeUnfinishedSession(journal, 'Ana', new Date());
    const left = report?.tokenObjects?.left ?? [];
    expect(left.map((o) => `${o.keyId} ${o.objectClass}`)).toEqual([
      'ec-2 CKO_PRIVATE_KEY',
      'ec-2 CKO_PUBLIC_KEY',
      'rsa-3 CKO_PRIVATE_KEY',
      'rsa-3 CKO_PUBLIC_KEY',
    ]);
    expect(left[0]?.command).toBe(
      `pkcs11-tool --module '${MODULE}' --token-label vault --login --delete-object --type privkey --id ${hex('ec-2')} --label 'keyferry ${CEREMONY} ec-2'`,
    );
    expect(report?.tokenObjects).toMatchObject({
      tokenLabel: 'vault',
      tokenSerial: '9a8b7c',
      destroyed: [],
      problem: null,
    });
    const entry = journal.entries.findLast((e) => e.event === 'hsm.objects-left')!;
    expect(journal.entries.at(-1)?.event).toBe('ceremony.session-closed');
    expect(entry.data).toMatchObject({ hsmTokenSerial: '9a8b7c', modulePath: MODULE });
    expect(listDeviations(journal.entries).map((d) => [d.entry.event, d.kind])).toContainEqual([
      'hsm.objects-left',
      'failure',
    ]);
    // The app is told the same objects, named as their entries name them (not only KMS-shaped key ids).
    const answer = withdrawalSchema.shape.tokenObjects.safeParse(report?.tokenObjects);
    expect(answer.success).toBe(true);
    expect(answer.data?.left.map((o) => o.keyId)).toEqual(['ec-2', 'ec-2', 'rsa-3', 'rsa-3']);
  });

  it('journal nothing of the token when the session generated nothing in one', async () => {
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
    const report = await closeUnfinishedSession(journal, 'Ana', new Date());
    expect(report?.tokenObjects).toBeUndefined();
    expect(journal.entries.map((e) => e.event)).not.toContain('hsm.objects-left');
  });

  it('named again, not journaled again, by a closing run after one cut short once it had named them', async () => {
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
    await journal.append('Ana', 'hsm.capability-checked', { modulePath: MODULE });
    await generated('ec-2', 'EC_P256');
    const first = await closeUnfinishedSession(journal, 'Ana', new Date());
    expect(first?.tokenObjects?.left).toHaveLength(2);
    // Killed before its end was journaled: the closing is found begun, not finished, and run again.
    const lines = (await readFile(journal.path, 'utf8')).trimEnd().split('\n');
    await journal.close();
    await writeFile(journal.path, `${lines.slice(0, -1).join('\n')}\n`);
    journal = await openJournal(journal.path, { create: false });
    const again = await closeUnfinishedSession(journal, 'Ana', new Date());
    expect(again?.tokenObjects?.left.map((o) => o.command)).toEqual(first?.tokenObjects?.left.map((o) => o.command));
    expect(journal.entries.filter((e) => e.event === 'hsm.objects-left')).toHaveLength(1);
    expect(journal.entries.at(-1)?.event).toBe('ceremony.session-closed');
  });
});
