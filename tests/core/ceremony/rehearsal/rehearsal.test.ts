/**
 * A whole ceremony rehearsed on one machine (src-main/core/ceremony/rehearsal/rehearsal.ts) against
 * the simulator over 127.0.0.1, into real folders: the plan names one key per spec (a spec given
 * twice numbers its aliases), every key ends Enabled and proven, both receipts are written and
 * both journals verify against them, the custody shares land in their own folders, and the plan
 * rehearsed is kept beside them; a folder that exists already and HSM material with custody
 * shares are refused before anything is written.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  rehearsalPlan,
  runRehearsal,
  type RehearsalResult,
} from '../../../../src-main/core/ceremony/rehearsal/rehearsal';
import { verifyJournal } from '../../../../src-main/core/journal';

const APP = { version: '0.1.0-test', build: 'test' };

let dir: string;
let result: RehearsalResult;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-rehearsal-'));
  result = await runRehearsal({
    outDir: path.join(dir, 'rehearsal'),
    specs: ['AES_256', 'EC_P256'],
    app: APP,
    witnesses: ['Ben', 'Chloé'],
    custody: { m: 2, n: 3 },
  });
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('rehearsalPlan', () => {
  it('names one key per spec, numbering the aliases of a spec given more than once', () => {
    const at = new Date('2031-01-01T00:00:00.000Z');
    const plan = rehearsalPlan(['AES_256', 'EC_P256', 'AES_256'], 'Ana', ['Ben'], { kind: 'at', at });
    expect(plan.keys.map((k) => [k.alias, k.spec])).toEqual([
      ['rehearsal/aes_256', 'AES_256'],
      ['rehearsal/ec_p256', 'EC_P256'],
      ['rehearsal/aes_256-2', 'AES_256'],
    ]);
    expect(plan.title).toBe('Keyferry rehearsal (AES_256 x2, EC_P256)');
    expect(plan.materialExpiry).toEqual({ kind: 'at', at });
    expect([plan.operator, plan.witnesses]).toEqual(['Ana', ['Ben']]);
  });
});

describe('runRehearsal', () => {
  it('ends with every key Enabled and proven, both receipts written and both journals verifying against them', async () => {
    expect(result.ok).toBe(true);
    expect(result.rows.map((r) => [r.spec, r.finalState, r.ok])).toEqual([
      ['AES_256', 'Enabled', true],
      ['EC_P256', 'Enabled', true],
    ]);
    expect(result.journals).toEqual({ online: true, airGap: true });
    const { onlineReceipt, airGapReceipt } = result.files;
    expect(onlineReceipt).not.toBeNull();
    for (const receipt of [onlineReceipt, airGapReceipt]) {
      expect(existsSync(receipt?.textFile as string)).toBe(true);
      expect(await readFile(receipt?.textFile as string, 'utf8')).toContain(result.ceremonyId);
    }
    const air = await verifyJournal(result.files.airGapJournal, {
      expectedHead: airGapReceipt.journalHead,
      expectedCount: airGapReceipt.journalCount,
    });
    expect(air.ok).toBe(true);
  });

  it('keeps the plan it rehearsed, both bundles and a custody folder per custodian', async () => {
    const plan = JSON.parse(await readFile(result.files.plan, 'utf8')) as {
      keys: { alias: string }[];
      witnesses: string[];
    };
    expect(plan.keys.map((k) => k.alias)).toEqual(['rehearsal/aes_256', 'rehearsal/ec_p256']);
    expect(plan.witnesses).toEqual(['Ben', 'Chloé']);
    for (const bundle of [result.files.parametersBundle, result.files.wrappedBundle])
      expect(await readdir(bundle)).toContain('manifest.json');
    expect(result.files.custodianFolders.map((f) => path.basename(f))).toEqual([
      'custodian-1',
      'custodian-2',
      'custodian-3',
    ]);
    for (const folder of result.files.custodianFolders) expect((await readdir(folder)).length).toBeGreaterThan(0);
    expect(result.humanActions).toBeDefined();
  });

  it('refuses a folder that exists already, leaving it as it was', async () => {
    const taken = path.join(dir, 'taken');
    await mkdir(taken);
    await expect(runRehearsal({ outDir: taken, specs: ['AES_256'], app: APP })).rejects.toMatchObject({
      code: expect.any(String),
    });
    expect(await readdir(taken)).toEqual([]);
  });

  it('refuses HSM material with custody shares (the token keeps the material) before writing anything', async () => {
    const out = path.join(dir, 'hsm-custody');
    await expect(
      runRehearsal({
        outDir: out,
        specs: ['AES_256'],
        app: APP,
        custody: { m: 2, n: 3 },
        hsm: { modulePath: '/usr/lib/softhsm/libsofthsm2.so', token: 'rehearsal-token', pin: '1234' },
      }),
    ).rejects.toMatchObject({ code: 'HSM_CUSTODY_IS_TOKEN' });
    expect(existsSync(out)).toBe(false);
  });
});
