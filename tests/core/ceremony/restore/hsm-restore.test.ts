/**
 * The restore ceremony for HSM material (RestoreCeremony.restoreFromHsm) on a real SoftHSM token
 * and the KMS simulator: the custody copy is the token object the air-gapped ceremony generated;
 * after the material expired in the KMS, the restore finds that object by the label the
 * air-gapped journal recorded, proves it (same KCV, computed in the HSM), re-wraps it for fresh
 * parameters, and the KMS imports it and proves it again. Refusals (another token, the object
 * gone, an object that is not the recorded material, a journal with no HSM record, a changed
 * journal) are journaled and nothing is wrapped or written; the PIN appears in no file.
 */
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HsmMaterialSummary } from '../../../../src-main/core/ceremony/airgap/hsm-material-summary';
import type { CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import type { HsmRestoreRequest } from '../../../../src-main/core/ceremony/restore/workflow';
import { CKA, CKO } from '../../../../src-main/core/hsm/attributes';
import { generateAesTokenKey, openSession, WRAPPABLE } from '../../hsm/helpers/hsm-fixtures';
import { airGapSide, onlineDayOne } from '../ceremony-fixture';
import {
  airGapWithHsm as airGapHsmSide,
  expiredHsmKey,
  hsmPlan as planOf,
  softHsmCeremonies,
  softHsmRequest,
  startRestore as startHsmRestore,
} from '../hsm-ceremony';

const t = softHsmCeremonies('restore-hsm', '40516273');

const hsmPlan = (specs: Parameters<typeof planOf>[1], expiresInMs?: number) => planOf(t.f, specs, expiresInMs);
const request = (extra: Partial<HsmRestoreRequest> = {}): HsmRestoreRequest => softHsmRequest(t.token, extra);
const airGapWithHsm = (plan: CeremonyPlan, params: string, out: string) =>
  airGapHsmSide(t.f, plan, params, out, softHsmRequest(t.token));

const startRestore = (plan: CeremonyPlan, params: string, out: string, journalName = 'restore.jsonl') =>
  startHsmRestore(t.f, plan, params, out, journalName);

async function journalLines(name: string): Promise<{ event: string; data: Record<string, unknown> }[]> {
  const { f } = t;
  return (await readFile(path.join(f.dir, name), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Replaces the token object labelled `label` by another AES-256 key with the same label and id (or only deletes it). */
function tamperWithObject(label: string, replace: boolean): void {
  const { token } = t;
  const hsm = openSession(token);
  try {
    const p11 = hsm.session.p11;
    const s = hsm.session.handle;
    p11.C_FindObjectsInit(s, [
      { type: CKA.CLASS, value: CKO.SECRET_KEY },
      { type: CKA.LABEL, value: label },
    ]);
    const found = p11.C_FindObjects(s, 4);
    p11.C_FindObjectsFinal(s);
    expect(found).toHaveLength(1);
    const id = p11.C_GetAttributeValue(s, found[0]!, [{ type: CKA.ID }])[0]!.value as Buffer;
    p11.C_DestroyObject(s, found[0]!);
    if (replace) generateAesTokenKey(hsm.session, label, { ...WRAPPABLE, id });
  } finally {
    hsm.close();
  }
}

describe('restore of HSM material from the token object', () => {
  it('after the material expired, re-wraps the recorded token object (same KCV) for fresh parameters; the KMS imports and proves it', async () => {
    const { f, token } = t;
    const { plan, created, first, day3, params2 } = await expiredHsmKey(t.f, softHsmRequest(t.token));
    const out = path.join(f.dir, 'wrapped-2');
    const restore = await startRestore(plan, params2, out);
    const restored = await restore.restoreFromHsm(request({ airGapJournal: path.join(f.dir, 'airgap.jsonl') }));
    expect(restored.token).toMatchObject({ label: 'restore-hsm', serial: token.serial, model: 'SoftHSM v2' });
    expect(restored.keys).toHaveLength(1);
    expect(restored.keys[0]).toMatchObject({
      keyId: created[0]!.keyId,
      objectLabel: (first.material[0] as HsmMaterialSummary).objectLabel,
      keyCheckValue: first.material[0]!.keyCheckValue,
    });
    expect(restored.proof.key).toBe('hsm.restore.proven');
    const [wrapped] = await restore.wrapAll();
    expect(wrapped?.keyCheckValue).toBe(first.material[0]!.keyCheckValue);
    const bundle = await restore.writeWrappedBundle(out);
    expect(bundle.custody).toEqual({ kind: 'hsm-token', label: 'restore-hsm', serial: token.serial });
    const receipt = await restore.writeReceipt(f.dir);

    await day3.checkWrappedBundle(out, { expectedDigest: bundle.manifestSha256, source: 'air-gapped-receipt' });
    await day3.importMaterial();
    const proofs = await day3.verifyKeys();
    expect(proofs.map((p) => [p.keyState, p.ok])).toEqual([['Enabled', true]]);

    const journal = await journalLines('restore.jsonl');
    const recalled = journal.find((e) => e.event === 'material.hsm-recalled');
    expect(recalled?.data).toMatchObject({
      keyId: created[0]!.keyId,
      hsmTokenSerial: token.serial,
      keyCheckValue: first.material[0]!.keyCheckValue,
    });
    expect(journal.find((e) => e.event === 'custody.restored')?.data).toMatchObject({
      from: 'hsm-token',
      hsmTokenSerial: token.serial,
      recordedIn: 'airgap.jsonl',
    });
    expect(journal.map((e) => e.event)).not.toContain('custody.share-presented');
    expect(await readFile(receipt.textFile, 'utf8')).toContain(created[0]!.keyId);
    for (const file of await filesUnder(f.dir)) {
      expect((await readFile(file)).includes(Buffer.from(token.pin)), `PIN found in ${file}`).toBe(false);
    }
  }, 180_000);

  it('continues the air-gapped journal itself when no other journal is named', async () => {
    const { f } = t;
    const plan = hsmPlan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const first = await airGapWithHsm(plan, params, path.join(f.dir, 'wrapped-1'));
    const restore = await startRestore(plan, params, path.join(f.dir, 'wrapped-2'), 'airgap.jsonl');
    const restored = await restore.restoreFromHsm(request());
    expect(restored.recordedIn).toBe('airgap.jsonl');
    expect(restored.keys[0]?.keyCheckValue).toBe(first.material[0]!.keyCheckValue);
    await restore.abandon('test done');
  }, 120_000);

  it('refuses another token, a missing object, an object that is not the recorded material, no HSM record and a changed journal: journaled, nothing written', async () => {
    const { f, token } = t;
    const plan = hsmPlan(['AES_256']);
    const params = path.join(f.dir, 'params-hsm');
    await rename((await onlineDayOne(f, plan)).params, params);
    const first = await airGapWithHsm(plan, params, path.join(f.dir, 'wrapped-1'));
    const airJournal = path.join(f.dir, 'airgap.jsonl');
    const label = (first.material[0] as HsmMaterialSummary).objectLabel;

    // A second token on the same module: another serial than the journal's.
    const conf = process.env.SOFTHSM2_CONF as string;
    const { execFileSync } = await import('node:child_process');
    execFileSync(
      'softhsm2-util',
      ['--init-token', '--free', '--label', 'spare', '--so-pin', '11223344', '--pin', token.pin],
      { env: { ...process.env, SOFTHSM2_CONF: conf }, stdio: 'pipe' },
    );
    // A journal whose key was generated in software, and a copy of the air-gapped journal changed by hand.
    const softwarePlan = { ...f.plan(['AES_256']), keys: [{ ...plan.keys[0]!, alias: 'software-key' }] };
    const soft = await onlineDayOne(f, softwarePlan, 'online-soft.jsonl');
    await airGapSide(f, softwarePlan, soft.params, path.join(f.dir, 'wrapped-soft'), 'airgap-soft.jsonl');
    const changed = path.join(f.dir, 'airgap-changed.jsonl');
    await writeFile(changed, (await readFile(airJournal, 'utf8')).replace(label, `${label}x`));

    const attempts: [string, string, HsmRestoreRequest, RegExp][] = [
      [
        'HSM_RESTORE_TOKEN_DIFFERS',
        params,
        request({ token: 'spare', airGapJournal: airJournal }),
        new RegExp(
          `serial .* but the air-gapped journal recorded the material in the token with serial ${token.serial}`,
        ),
      ],
      [
        'HSM_RESTORE_NOT_RECORDED',
        soft.params,
        request({ airGapJournal: airJournal }),
        /records no HSM token object for key/,
      ],
      ['HSM_RESTORE_JOURNAL_INVALID', params, request({ airGapJournal: changed }), /cannot be trusted: line \d+/],
    ];
    const tampered: [string, boolean, RegExp][] = [
      ['HSM_RESTORE_OBJECT_DIFFERS', true, /is not the material of key .* its key check value is [0-9A-F]{6}/],
      ['HSM_RESTORE_OBJECT_MISSING', false, new RegExp(`has no object labelled "${label}"`)],
    ];
    let n = 0;
    const expectRefused = async (code: string, bundle: string, req: HsmRestoreRequest, message: RegExp) => {
      n += 1;
      const out = path.join(f.dir, `wrapped-refused-${n}`);
      const restore = await startRestore(plan, bundle, out, `restore-${n}.jsonl`);
      const error = (await restore.restoreFromHsm(req).catch((e: unknown) => e)) as Error & { code: string };
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(token.pin);
      await expect(restore.wrapAll()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });
      await restore.abandon('refused');
      await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
      const events = await journalLines(`restore-${n}.jsonl`);
      expect(events.find((e) => e.event === 'custody.restore-refused')?.data).toMatchObject({ code });
      expect(events.map((e) => e.event)).not.toContain('material.wrapped');
    };
    for (const [code, bundle, req, message] of attempts) await expectRefused(code, bundle, req, message);
    for (const [code, replace, message] of tampered) {
      tamperWithObject(label, replace);
      await expectRefused(code, params, request({ airGapJournal: airJournal }), message);
    }
    for (const file of await filesUnder(f.dir)) {
      expect((await readFile(file)).includes(Buffer.from(token.pin)), `PIN found in ${file}`).toBe(false);
    }
  }, 240_000);
});
