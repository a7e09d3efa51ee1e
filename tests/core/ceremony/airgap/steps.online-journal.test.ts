/**
 * An online journal given to the air-gapped side by mistake (a copy on the same stick): refused
 * before the session starts, with nothing appended to it (AIRGAP_JOURNAL_IS_ONLINE). Written into,
 * it would hold air-gapped sessions in the online side's hash chain and hide this side's earlier
 * wraps (a trial: `airgap wrap --journal` with a copy of the online journal made new material
 * without asking for a reason). Real journals, a real simulator for the online side.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';
import { toProblem } from '../../../../src-main/core/errors';
import { english } from '../../../../src-main/i18n/translate';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('the air-gapped side given an online journal', () => {
  it('is refused before its session starts, naming the file and its ceremony; the journal is unchanged', async () => {
    const plan = f.plan(['AES_256']);
    await onlineDayOne(f, plan, 'online.jsonl');
    const journal = await f.journal('online.jsonl');
    const before = await readFile(journal.path, 'utf8');
    const refused = await f.airgap(journal, plan).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'AIRGAP_JOURNAL_IS_ONLINE', values: { file: 'online.jsonl' } });
    expect(english.problem(toProblem(refused)).message).toBe(
      `online.jsonl is the journal of an online ceremony (“${plan.title}”), not an air-gapped journal. Nothing was written to it.`,
    );
    expect(await readFile(journal.path, 'utf8')).toBe(before);
    await journal.close();
  });
});
