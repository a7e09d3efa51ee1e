/**
 * A key bound to material whose custody copy is an HSM token object (real SoftHSM token, KMS
 * simulator): after the material expired, fresh parameters carry the bound KCV; the air-gapped side
 * with the HSM refuses to generate a new token key before anything is made (the original object
 * carries the label it would get: HSM_LABEL_TAKEN, when the token is checked), refuses an existing
 * token key of other material (journaled), and takes the original token object (its KCV computed in
 * the HSM equals the bound one): wrapped, receipted as matched, imported by the KMS.
 */
import path from 'node:path';
import { mkdtemp, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { HsmMaterialSummary } from '../../../../src-main/core/ceremony/airgap/hsm-material-summary';
import type { HsmSourceRequest } from '../../../../src-main/core/ceremony/airgap/hsm-source-request';
import type { CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { listDeviations, type JournalEntry } from '../../../../src-main/core/journal';
import { generateAesTokenKey, openSession, WRAPPABLE } from '../../hsm/helpers/hsm-fixtures';
import { expiredHsmKey, softHsmCeremonies, softHsmRequest } from '../hsm-ceremony';
import { confirmEveryWitness } from '../witness-helpers';

const t = softHsmCeremonies('bound-hsm', '52917364');

async function journal(name: string): Promise<JournalEntry[]> {
  return (await readFile(path.join(t.f.dir, name), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as JournalEntry);
}

/** Another AES-256 token key labelled `label`: material the KMS never saw. */
function otherTokenKey(label: string): void {
  const hsm = openSession(t.token);
  try {
    generateAesTokenKey(hsm.session, label, WRAPPABLE);
  } finally {
    hsm.close();
  }
}

/** An air-gapped session on its own journal with the HSM opened, up to the material step. */
async function airGapWithToken(plan: CeremonyPlan, params: string, journalName: string, request: HsmSourceRequest) {
  const { f } = t;
  const air = await f.airgap(await f.journal(journalName), plan);
  await air.checkNetwork();
  await air.readParametersBundle(params);
  const out = path.join(f.dir, `wrapped-${journalName}`);
  const receipts = await mkdtemp(path.join(f.dir, 'receipts-'));
  await air.preflight({ wrappedBundle: out, receiptFolder: receipts });
  await air.useHsm(request);
  await confirmEveryWitness(air, plan.witnesses, params);
  return { air, out, receipts };
}

describe('a bound key with its material in an HSM token', () => {
  it('refuses a new token key and another token key; takes the original token object, proven by its KCV', async () => {
    const { plan, created, first, day3, params2 } = await expiredHsmKey(t.f, softHsmRequest(t.token));
    const keyId = created[0]?.keyId as string;
    const original = first.material[0] as HsmMaterialSummary;
    const kcv = original.keyCheckValue as string;

    // Generating is refused when the token is checked: the original object carries the label new material would get.
    const fresh = await t.f.airgap(await t.f.journal('airgap-fresh.jsonl'), plan);
    await fresh.checkNetwork();
    await fresh.readParametersBundle(params2);
    await fresh.preflight({ wrappedBundle: path.join(t.f.dir, 'wrapped-fresh'), receiptFolder: t.f.dir });
    await expect(fresh.useHsm(softHsmRequest(t.token))).rejects.toMatchObject({
      code: 'HSM_LABEL_TAKEN',
      values: { count: 1, objectsList: expect.stringContaining(original.objectLabel) as string },
    });
    await fresh.abandon('bound material');
    const freshJournal = await journal('airgap-fresh.jsonl');
    expect(freshJournal.some((e) => e.event === 'material.generated')).toBe(false);
    expect(freshJournal.find((e) => e.event === 'hsm.refused')?.data.code).toBe('HSM_LABEL_TAKEN');

    otherTokenKey('not the imported key');
    const other = await airGapWithToken(
      plan,
      params2,
      'airgap-other.jsonl',
      softHsmRequest(t.token, { existingKeys: { labels: { [keyId]: 'not the imported key' } } }),
    );
    await expect(other.air.generateMaterial()).rejects.toMatchObject({
      code: 'MATERIAL_NOT_THE_BOUND',
      values: { keyId, kind: 'kcv', bound: kcv },
    });
    await other.air.abandon('other material');
    expect(
      listDeviations(await journal('airgap-other.jsonl'))
        .filter((d) => d.entry.event === 'material.refused')
        .map((d) => [d.entry.data.source, d.entry.data.code]),
    ).toEqual([['hsm', 'MATERIAL_NOT_THE_BOUND']]);

    const same = await airGapWithToken(
      plan,
      params2,
      'airgap-same.jsonl',
      softHsmRequest(t.token, { existingKeys: { labels: { [keyId]: original.objectLabel } } }),
    );
    const [selected] = await same.air.generateMaterial();
    expect(selected?.keyCheckValue).toBe(kcv);
    await same.air.wrap();
    const bundle = await same.air.writeWrappedBundle(same.out);
    const receipt = await same.air.writeReceipt(same.receipts);
    expect((await journal('airgap-same.jsonl')).find((e) => e.event === 'material.bound-matched')?.data).toMatchObject({
      keyId,
      value: kcv,
      source: 'hsm',
    });
    expect(await readFile(receipt.textFile, 'utf8')).toMatch(/Bound material \.+ Matched: the material first imported/);
    await day3.checkWrappedBundle(same.out, { expectedDigest: bundle.manifestSha256, source: 'air-gapped-receipt' });
    await day3.importMaterial();
    expect((await day3.verifyKeys()).map((p) => [p.keyState, p.ok])).toEqual([['Enabled', true]]);
  }, 240_000);
});
