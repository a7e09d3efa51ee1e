/**
 * The objects crashed sessions left, as the next HSM session reads them from a real journal
 * (src-main/core/ceremony/airgap/crashed-objects-destroy.ts): each with the evidence its own
 * session journaled (never a later session's under the same label), only in the token that
 * session used, and no more once destroyed; one the token cannot prove is journaled
 * `hsm.objects-left` with a message (en, zh-CN) that says why, once: later sessions journal
 * `hsm.objects-still-left` naming that entry (on their receipts too); one destroyed `hsm.objects-destroyed`.
 * The real token is exercised in tests/core/hsm/leftover-objects.test.ts and the CLI's
 * tests/cli/commands/airgap.hsm-stop.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  crashedLeftObjects,
  destroyCrashedLeftObjects,
} from '../../../../src-main/core/ceremony/airgap/crashed-objects-destroy';
import type { AirGapHsmMaterial } from '../../../../src-main/core/ceremony/airgap/hsm-material';
import { openJournal, type Journal } from '../../../../src-main/core/journal';
import { translator } from '../../../../src-main/i18n/translate';
import { deviationReasonText, receiptDeviations } from '../../../../src-main/core/receipt/deviation-facts';

const SERIAL = '9a8b7c6d';
/** A KMS key id, as the bundle the air-gapped side read gives it. */
const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const LABEL = `keyferry KF-20261204-aaaaaa ${KEY_ID}`;
const OBJECT = { keyId: KEY_ID, label: LABEL, objectId: '6b31', objectClass: 'CKO_SECRET_KEY' };

let dir: string;
let journal: Journal;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-crashed-objects-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

const generated = (keyCheckValue: string, hsmTokenSerial = SERIAL) =>
  journal.append('Ana', 'material.generated', {
    keyId: KEY_ID,
    spec: 'AES_256',
    source: 'hsm',
    keyCheckValue,
    publicKeyFingerprint: null,
    objectLabel: LABEL,
    objectId: '6b31',
    hsmTokenSerial,
    hsmTokenLabel: 'vault',
    keptInHsm: true,
  });
const leftByCrash = (hsmTokenSerial = SERIAL, object: Record<string, string> = OBJECT) =>
  journal.append('Ana', 'hsm.objects-left', {
    reason: 'the process ended without stopping: a crash or power loss',
    reasonPhrase: { key: 'journal.reason.ended-without-stop' },
    hsmTokenSerial,
    hsmTokenLabel: 'vault',
    modulePath: '/usr/lib/softhsm/libsofthsm2.so',
    objects: [{ ...object, command: 'pkcs11-tool …' }],
  });

/** An HSM source whose token answers `outcome` for every left object. */
function tokenAnswering(outcome: ReturnType<AirGapHsmMaterial['destroyLeftObject']>): AirGapHsmMaterial {
  return {
    token: { identity: { serial: SERIAL, label: 'vault' }, modulePath: '/usr/lib/softhsm/libsofthsm2.so' },
    destroyLeftObject: () => outcome,
  } as unknown as AirGapHsmMaterial;
}

describe('crashedLeftObjects', () => {
  it('names each left object of this token with its own session’s evidence, never a later session’s', async () => {
    await generated('AAAAAA'); // a finished session's custody copy
    await generated('BBBBBB'); // the session that crashed
    const left = await leftByCrash();
    await leftByCrash('other-token');
    await generated('CCCCCC'); // a later session's, under the same label
    expect(crashedLeftObjects(journal.entries, SERIAL)).toEqual([
      { ...OBJECT, spec: 'AES_256', evidence: 'BBBBBB', recordedSeq: left.seq },
    ]);
    expect(crashedLeftObjects(journal.entries, 'unknown')).toEqual([]);
  });

  it('takes only the key ids the air-gapped side journals (a bundle’s KMS key id): an entry naming another is not its record', async () => {
    await generated('BBBBBB');
    // Not written by the air-gapped side: its material.generated and objects name the bundle's key id.
    await leftByCrash(SERIAL, { ...OBJECT, keyId: 'k1' });
    expect(crashedLeftObjects(journal.entries, SERIAL)).toEqual([]);
    // So the token check destroys nothing of it and says nothing the app's answer could not carry.
    expect(await destroyCrashedLeftObjects(tokenAnswering('destroyed'), journal, 'Ana')).toBeNull();
    const left = await leftByCrash();
    expect(crashedLeftObjects(journal.entries, SERIAL)).toEqual([
      { ...OBJECT, spec: 'AES_256', evidence: 'BBBBBB', recordedSeq: left.seq },
    ]);
  });
});

describe('destroyCrashedLeftObjects', () => {
  it('journals an object it cannot prove, saying why (en, zh-CN), and tries it again next time', async () => {
    await generated('BBBBBB');
    const left = await leftByCrash();
    const cleanup = await destroyCrashedLeftObjects(tokenAnswering('noEvidence'), journal, 'Ana');
    expect(cleanup?.destroyed).toEqual([]);
    const problem = cleanup?.unproven[0]?.problem;
    expect(cleanup?.unproven[0]?.command).toBe(
      `pkcs11-tool --module /usr/lib/softhsm/libsofthsm2.so --token-label vault --login --delete-object --type secrkey --id 6b31 --label '${LABEL}'`,
    );
    expect(problem?.code).toBe('HSM_LEFT_OBJECT_UNPROVEN');
    expect(translator('en').problem(problem!).message).toBe(
      `Token object "${LABEL}" (symmetric key, CKA_ID 6b31), left by a session that ended without stopping (named in journal entry ${left.seq}), was NOT destroyed: an object under that label and CKA_ID shows no check value or public key to check against what that session journaled (an EC private key is checked by a signature, which needs its public key still in the token), so Keyferry cannot tell that session’s object from one a finished session keeps as its custody copy.`,
    );
    expect(translator('zh-CN').problem(problem!).message).toBe(
      `令牌对象 "${LABEL}"（对称密钥，CKA_ID 6b31）由一个未经停止即已结束的会话留下（见日志条目 ${left.seq}），未被销毁：该标签和 CKA_ID 下有对象无法显示可与该会话日志比对的校验值或公钥（EC 私钥通过签名核对，需要其公钥仍在令牌中），因此 Keyferry 无法将该会话的对象与已完成会话作为托管副本保留的对象区分开。`,
    );
    expect(journal.entries.at(-1)).toMatchObject({
      event: 'hsm.objects-left',
      data: { code: 'HSM_LEFT_OBJECT_UNPROVEN', recordedSeq: left.seq, objects: [OBJECT] },
    });
    expect(crashedLeftObjects(journal.entries, SERIAL)).toHaveLength(1);
  });

  it('journals an object it cannot prove once: a later session says it is still there, naming that entry (en, zh-CN, receipt)', async () => {
    await generated('BBBBBB');
    const left = await leftByCrash();
    await destroyCrashedLeftObjects(tokenAnswering('noEvidence'), journal, 'Ana');
    const first = journal.entries.at(-1)!;
    const later = await destroyCrashedLeftObjects(tokenAnswering('sameEvidence'), journal, 'Ana');
    expect(journal.entries.filter((e) => e.event === 'hsm.objects-left')).toHaveLength(2); // the crash's and the first
    const still = journal.entries.at(-1)!;
    expect(still).toMatchObject({
      event: 'hsm.objects-still-left',
      data: { code: 'HSM_LEFT_OBJECT_STILL_UNPROVEN', recordedSeq: left.seq, firstSeq: first.seq, objects: [OBJECT] },
    });
    const problem = later!.unproven[0]!.problem;
    expect(translator('en').problem(problem).message).toBe(
      `Token object "${LABEL}" (symmetric key, CKA_ID 6b31), left by a session that ended without stopping (named in journal entry ${left.seq}), is still in the token and was again NOT destroyed: more than one object under that label and CKA_ID shows the check value or public key that session journaled. Journal entry ${first.seq} first recorded it as left; it is not recorded as left again.`,
    );
    expect(translator('zh-CN').problem(problem).message).toBe(
      `令牌对象 "${LABEL}"（对称密钥，CKA_ID 6b31）由一个未经停止即已结束的会话留下（见日志条目 ${left.seq}），仍在令牌中，本次仍未被销毁：该标签和 CKA_ID 下有不止一个对象显示该会话记入日志的校验值或公钥。日志条目 ${first.seq} 首次记录了它被留下；不会再次记录为留下。`,
    );
    // A third session: still one hsm.objects-left of its own, and the entry that first recorded it named again.
    await destroyCrashedLeftObjects(tokenAnswering('noEvidence'), journal, 'Ana');
    expect(journal.entries.filter((e) => e.event === 'hsm.objects-left')).toHaveLength(2);
    expect(journal.entries.at(-1)?.data).toMatchObject({ firstSeq: first.seq });
    // The receipt lists it under Deviations, in its language.
    const deviation = receiptDeviations(journal.entries).find((d) => d.seq === still.seq);
    expect(deviation?.kind).toBe('failure');
    expect(deviationReasonText('zh-CN', deviation!.reason!)).toContain(`日志条目 ${first.seq} 首次记录了它被留下`);
  });

  it('journals what it destroyed, naming the entry that left it; then nothing is left', async () => {
    await generated('BBBBBB');
    const left = await leftByCrash();
    const cleanup = await destroyCrashedLeftObjects(tokenAnswering('destroyed'), journal, 'Ana');
    expect(cleanup).toMatchObject({ tokenSerial: SERIAL, destroyed: [OBJECT], unproven: [] });
    expect(cleanup?.destroyedIn).toEqual([journal.entries.at(-1)?.seq]);
    expect(journal.entries.at(-1)).toMatchObject({
      event: 'hsm.objects-destroyed',
      data: { hsmTokenSerial: SERIAL, recordedSeq: left.seq, objects: [OBJECT] },
    });
    expect(crashedLeftObjects(journal.entries, SERIAL)).toEqual([]);
    expect(await destroyCrashedLeftObjects(tokenAnswering('destroyed'), journal, 'Ana')).toBeNull();
  });
});
