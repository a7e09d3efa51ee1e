/**
 * One air-gapped journal, one ceremony: a journal that read ceremony A's parameters refuses a bundle
 * of ceremony B (the air-gapped side and the restore ceremony alike), journaling the refusal, so a
 * receipt never seals or lists another ceremony's entries; A's own sessions go on in it.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toProblem } from '../../../../src-main/core/errors';
import { translator } from '../../../../src-main/i18n/translate';
import { createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/** Day one of a second ceremony, its own online journal and bundle folder. */
async function secondCeremony(): Promise<{ params: string; ceremonyId: string }> {
  const base = f.plan(['AES_256']);
  const plan = { ...base, keys: base.keys.map((k) => ({ ...k, alias: `${k.alias}-b` })) };
  const journal = await f.journal('online-b.jsonl');
  const online = await f.online(journal, plan);
  await online.connect();
  await online.createKeys(plan.keys);
  await online.fetchParameters();
  const params = path.join(f.dir, 'params-b');
  await online.writeParametersBundle(params);
  await journal.close();
  return { params, ceremonyId: online.ceremonyId };
}

describe('an air-gapped journal keeps one ceremony', () => {
  it('refuses the bundle of another ceremony, journaled, and still takes its own ceremony again', async () => {
    const plan = f.plan(['AES_256']);
    const a = await onlineDayOne(f, plan);
    const b = await secondCeremony();
    const journal = await f.journal('airgap.jsonl');
    const first = await f.airgap(journal, plan);
    await first.checkNetwork();
    const read = await first.readParametersBundle(a.params);
    expect(b.ceremonyId).not.toBe(read.ceremonyId);

    const second = await f.airgap(journal, plan);
    await second.checkNetwork();
    const refusal = await second.readParametersBundle(b.params).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({
      code: 'AIRGAP_JOURNAL_OTHER_CEREMONY',
      values: { journal: journal.path, recorded: read.ceremonyId, ceremonyId: b.ceremonyId },
    });
    const zh = translator('zh-CN').problem(toProblem(refusal));
    expect(zh.message).toContain(b.ceremonyId);
    expect(zh.nextStep).toContain(`airgap-${b.ceremonyId}.jsonl`);
    const last = journal.entries.at(-1);
    expect(last?.event).toBe('parameters.refused');
    expect(last?.data).toMatchObject({ code: 'AIRGAP_JOURNAL_OTHER_CEREMONY', source: b.params });
    expect(journal.entries.filter((e) => e.event === 'parameters.read')).toHaveLength(1);

    const again = await f.airgap(journal, plan);
    await again.checkNetwork();
    await expect(again.readParametersBundle(a.params)).resolves.toMatchObject({ ceremonyId: read.ceremonyId });
    await journal.close();
  }, 60_000);

  it('a restore ceremony continuing a journal refuses another ceremony’s bundle too', async () => {
    const plan = f.plan(['AES_256']);
    const a = await onlineDayOne(f, plan);
    const b = await secondCeremony();
    const journal = await f.journal('airgap.jsonl');
    const air = await f.airgap(journal, plan);
    await air.checkNetwork();
    await air.readParametersBundle(a.params);
    const restore = await f.restore(journal, plan);
    await restore.checkNetwork();
    await expect(restore.readParametersBundle(b.params)).rejects.toMatchObject({
      code: 'AIRGAP_JOURNAL_OTHER_CEREMONY',
      values: { recorded: a.online.ceremonyId, ceremonyId: b.ceremonyId },
    });
    await journal.close();
  }, 60_000);
});
