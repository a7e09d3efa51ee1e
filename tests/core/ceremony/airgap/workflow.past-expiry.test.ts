/**
 * The air-gapped side refuses to make material for an expiry that has already passed (an officer
 * trial: the plan's expiry passed between `online params` and the wrap, and `airgap wrap` generated,
 * wrapped and signed a receipt for material the KMS would never take, KMS.2602): by this computer's
 * clock, or by the KMS's as the bundle's import tokens show it. Refused at the preflight, journaled
 * (`preflight.refused`), before any folder is checked or material exists; an expiry given further
 * ahead goes on. Real files, a real simulator for the online side.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CeremonyPlan } from '../../../../src-main/core/ceremony/shared/ceremony-plan';
import { journalFileEntries } from '../../../helpers/journal-entries';
import { confirmEveryWitness } from '../witness-helpers';
import { createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';
import { KeyferryError, toProblem } from '../../../../src-main/core/errors';
import { translator } from '../../../../src-main/i18n/translate';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

const HOUR = 3_600_000;

/**
 * The air-gapped side `laterMs` after the plan's keys, up to its preflight, on a plan whose AES
 * expiry is an hour ahead; `kmsAheadMs`: the KMS's clock (the simulator's) is that far ahead of this
 * computer's when it issues the import tokens.
 */
async function wrapLater(laterMs: number, kmsAheadMs = 0) {
  const plan: CeremonyPlan = {
    ...f.plan(['AES_256']),
    materialExpiry: { kind: 'at', at: new Date(Date.now() + HOUR) },
  };
  f.sim.clock.advance(kmsAheadMs);
  const { params } = await onlineDayOne(f, plan);
  const journal = await f.journal('airgap.jsonl');
  const air = await f.airgap(journal, plan, { clock: () => new Date(Date.now() + laterMs) });
  await air.checkNetwork();
  await air.readParametersBundle(params);
  await confirmEveryWitness(air, plan.witnesses, params);
  const receipts = path.join(f.dir, 'receipts');
  await mkdir(receipts, { recursive: true });
  return { air, journal, request: { wrappedBundle: path.join(f.dir, 'wrapped'), receiptFolder: receipts } };
}

describe('the air-gapped side and a material expiry already past', () => {
  it('refuses before any material exists, journaled; an expiry given further ahead goes on', async () => {
    const { air, journal, request } = await wrapLater(2 * HOUR);
    await expect(air.preflight({ ...request, materialExpiry: 'plan' })).rejects.toMatchObject({
      code: 'EXPIRY_IN_PAST',
      values: { reason: 'wrap' },
    });
    const refused = (await journalFileEntries(journal.path)).at(-1);
    expect(refused).toMatchObject({ event: 'preflight.refused', data: { code: 'EXPIRY_IN_PAST' } });
    await expect(air.generateMaterial()).rejects.toMatchObject({ code: 'PREFLIGHT_REQUIRED' });
    // Further ahead, journaled as an override of the plan: the preflight passes and material is made.
    const ahead = { kind: 'at' as const, at: new Date(Date.now() + 30 * 24 * HOUR) };
    await air.preflight({ ...request, materialExpiry: ahead });
    await air.acknowledgeNoBackup(ahead.at.toISOString());
    await air.generateMaterial();
  });

  it('names the KMS’s time, not this computer’s, when the import tokens show the KMS ahead', async () => {
    const { air, request } = await wrapLater(0, 2 * HOUR);
    const refusal = await air.preflight({ ...request, materialExpiry: 'plan' }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(KeyferryError);
    const { values } = refusal as KeyferryError;
    expect(values).toMatchObject({ reason: 'wrapKms' });
    // The KMS's time is what the tokens prove: at least two hours past this computer's.
    expect(Number(values?.now)).toBeGreaterThanOrEqual(Date.now() + 2 * HOUR - 60_000);
    const en = translator('en').problem(toProblem(refusal));
    expect(en.message).toContain('is not after the KMS’s time');
    expect(en.message).toContain('this computer’s clock is behind the KMS’s');
    expect(en.nextStep).toContain('counted from the KMS’s time');
    expect(translator('zh-CN').problem(toProblem(refusal)).message).toContain('不晚于 KMS 的时间');
  });

  it('an expiry still ahead by this computer’s clock is not refused', async () => {
    const { air, request } = await wrapLater(0);
    await expect(air.preflight({ ...request, materialExpiry: 'plan' })).resolves.toBeDefined();
  });
});
