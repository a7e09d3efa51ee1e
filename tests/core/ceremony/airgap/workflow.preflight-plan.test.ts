/**
 * What the preflight fixes before any material exists, enforced by the air-gapped workflow itself
 * (so the app and the CLI share one guard, not a disabled button): the folders written to, the
 * material expiry the bundle requests, the custody copy, and the acknowledgement of a loss when
 * AES material with an expiry would be kept nowhere.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AirGapCeremony } from '../../../../src-main/core/ceremony/airgap/workflow';
import { createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';
import { confirmEveryWitness } from '../witness-helpers';
import { momentText } from '../../../../src-main/i18n/moment';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

const IN_30_DAYS = new Date(Date.now() + 30 * 86_400_000);
const EXPIRY = { kind: 'at' as const, at: IN_30_DAYS };

async function confirmedAirGap(specs: ('AES_256' | 'EC_P256')[]): Promise<AirGapCeremony> {
  const plan = f.plan(specs);
  const { params } = await onlineDayOne(f, plan);
  const air = await f.airgap(await f.journal('airgap.jsonl'), plan);
  await air.checkNetwork();
  await air.readParametersBundle(params);
  await confirmEveryWitness(air, plan.witnesses, params);
  return air;
}

async function events(): Promise<{ event: string; data: Record<string, unknown> }[]> {
  return (await readFile(path.join(f.dir, 'airgap.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> });
}

describe('the preflight plan, enforced by the workflow', () => {
  it('refuses to generate AES material with an expiry and no custody until the loss is acknowledged', async () => {
    const air = await confirmedAirGap(['AES_256', 'EC_P256']);
    const out = path.join(f.dir, 'wrapped');
    await air.preflight({ wrappedBundle: out, receiptFolder: f.dir, materialExpiry: EXPIRY });
    await expect(air.generateMaterial()).rejects.toMatchObject({
      code: 'MATERIAL_NO_BACKUP_UNACKNOWLEDGED',
      message: expect.stringContaining(
        `The AES material of 1 key would expire in the KMS at ${momentText('en', IN_30_DAYS)}`,
      ),
    });
    expect(air.state).toBe('fingerprints-confirmed');
    expect((await events()).map((e) => e.event)).not.toContain('material.generated');
    // An acknowledgement for another date does not count.
    await air.acknowledgeNoBackup(new Date(IN_30_DAYS.getTime() + 86_400_000).toISOString());
    await expect(air.generateMaterial()).rejects.toMatchObject({ code: 'MATERIAL_NO_BACKUP_UNACKNOWLEDGED' });
    await air.acknowledgeNoBackup(IN_30_DAYS.toISOString());
    await air.generateMaterial();
    await air.wrap();
    await expect(air.writeWrappedBundle(out)).rejects.toMatchObject({
      code: 'PREFLIGHT_EXPIRY_DIFFERS',
      message: expect.stringContaining('would request the material expiry never'),
    });
    await air.writeWrappedBundle(out, { expiry: EXPIRY });
    const journaled = await events();
    expect(journaled.find((e) => e.event === 'preflight.passed')?.data.bundleExpiry).toBe(IN_30_DAYS.toISOString());
    expect(journaled.filter((e) => e.event === 'material.no-backup-acknowledged').at(-1)?.data).toMatchObject({
      expiresAt: IN_30_DAYS.toISOString(),
    });
  });

  it('needs no acknowledgement when custody is planned, but then refuses to wrap before the split', async () => {
    const air = await confirmedAirGap(['AES_256']);
    const custodians = [path.join(f.dir, 'c1'), path.join(f.dir, 'c2')];
    for (const c of custodians) await mkdir(c);
    await air.preflight({
      wrappedBundle: path.join(f.dir, 'wrapped'),
      receiptFolder: f.dir,
      custodianFolders: custodians,
      allowSameVolume: true,
      materialExpiry: EXPIRY,
    });
    await air.generateMaterial();
    await expect(air.wrap()).rejects.toMatchObject({ code: 'CUSTODY_PLANNED_NOT_SPLIT' });
    await expect(
      air.splitCustody({
        m: 2,
        n: 2,
        folders: [custodians[0] as string, path.join(f.dir, 'other')],
        allowSameVolume: true,
      }),
    ).rejects.toMatchObject({ code: 'PREFLIGHT_FOLDER_DIFFERS' });
    await expect(
      air.splitCustody({ m: 2, n: 3, folders: [...custodians, path.join(f.dir, 'c3')], allowSameVolume: true }),
    ).rejects.toMatchObject({ code: 'CUSTODY_NOT_PREFLIGHTED' });
    expect(await readdir(custodians[0] as string)).toEqual([]);
    await air.splitCustody({ m: 2, n: 2, folders: custodians, allowSameVolume: true });
    await air.wrap();
    expect(air.state).toBe('wrapped');
  });

  it('refuses a custody split whose folders the preflight never checked', async () => {
    const air = await confirmedAirGap(['AES_256']);
    await air.preflight({ wrappedBundle: path.join(f.dir, 'wrapped'), receiptFolder: f.dir });
    await air.generateMaterial();
    const unchecked = [path.join(f.dir, 'u1'), path.join(f.dir, 'u2')];
    await expect(air.splitCustody({ m: 2, n: 2, folders: unchecked, allowSameVolume: true })).rejects.toMatchObject({
      code: 'CUSTODY_NOT_PREFLIGHTED',
      message: expect.stringContaining('the preflight checked no custodian folder'),
    });
  });
});
