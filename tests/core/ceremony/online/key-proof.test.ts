/**
 * What the online side proved about each imported key is journaled as a catalogue phrase (key +
 * values), so the online receipt prints it in the receipt's language; journals written before
 * (an English sentence in `proof`) still replay and their receipts print that sentence.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replayOnlineJournal } from '../../../../src-main/core/ceremony/online/state';
import { openJournal, verifyJournal } from '../../../../src-main/core/journal';
import { phraseOrSentenceSchema, phraseText } from '../../../../src-main/i18n/phrase';
import { translator } from '../../../../src-main/i18n/translate';
import { createFixture, importedOnDayTwo, type Fixture } from '../ceremony-fixture';

async function entriesOf(file: string) {
  const journal = await openJournal(file, { create: false });
  const entries = journal.entries;
  await journal.close();
  return entries;
}

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('key proofs', () => {
  it('are journaled as phrases and printed in the receipt language; an older journal’s sentence still replays', async () => {
    const plan = f.plan(['AES_256', 'EC_P256']);
    const { journal, day2 } = await importedOnDayTwo(f, plan);
    const proofs = await day2.verifyKeys();
    expect(proofs.map((p) => [p.spec, p.ok, p.proof.key])).toEqual([
      ['AES_256', true, 'proof.key.roundTrip'],
      ['EC_P256', true, 'proof.key.signs'],
    ]);
    const receipt = await day2.writeReceipt(f.dir, { language: 'zh-CN' });
    await journal.close();

    const lines = (await readFile(path.join(f.dir, 'online.jsonl'), 'utf8')).trim().split('\n');
    const verified = lines.map((l) => JSON.parse(l)).filter((e) => e.event === 'key.verified');
    expect(verified.map((e) => e.data.proof)).toEqual([{ key: 'proof.key.roundTrip' }, { key: 'proof.key.signs' }]);

    const text = await readFile(receipt.textFile, 'utf8');
    expect(text).toContain('验证结果');
    expect(text).toContain('往返加解密返回了原明文');
    expect(text).toContain('KMS 的签名在本地用该公钥验证通过');
    expect(text).not.toMatch(/round trip|get-publickey equals|verifies locally/);
    // The rehearsal mark follows the receipt's language too.
    expect(text).toContain('Test ceremony（演练）');
    expect(text).not.toContain('(REHEARSAL)');

    // A journal of the earlier format: the same entries, the proof an English sentence.
    const oldFile = path.join(f.dir, 'online-old.jsonl');
    const old = await openJournal(oldFile, { create: true });
    for (const line of lines) {
      const e = JSON.parse(line) as { actor: string; event: string; data: Record<string, unknown> };
      const data = e.event === 'key.verified' ? { ...e.data, proof: 'Enabled; old sentence' } : e.data;
      await old.append(e.actor, e.event, data as never);
    }
    await old.close();
    expect((await verifyJournal(oldFile)).ok).toBe(true);
    const replayed = replayOnlineJournal(await entriesOf(oldFile));
    const keys = [...(replayed?.keys.values() ?? [])];
    expect(keys.map((k) => k.verified?.proof)).toEqual(['Enabled; old sentence', 'Enabled; old sentence']);
    const zh = translator('zh-CN');
    expect(keys.map((k) => phraseText(zh, k.verified?.proof ?? ''))).toEqual([
      'Enabled; old sentence',
      'Enabled; old sentence',
    ]);
    // Both forms cross IPC.
    const proofSchema = phraseOrSentenceSchema;
    for (const proof of ['Enabled; old sentence', { key: 'proof.key.signs' }])
      expect(proofSchema.safeParse(proof).success).toBe(true);
    expect(proofSchema.safeParse({ key: 'proof.key.nonsense' }).success).toBe(false);
  }, 120_000);
});
