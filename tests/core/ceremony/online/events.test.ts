/**
 * The online journal's events, as a real ceremony writes them (day 1, the air-gapped side, day 2
 * against the KMS simulator on 127.0.0.1): every entry is an event this file names, and the data of
 * each is what the schema a later session rebuilds the ceremony with accepts, so a journal written
 * today is read back tomorrow.
 */
import path from 'node:path';
import type { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  importedData,
  keyCreatedData,
  keysPlannedData,
  ONLINE_EVENTS,
  parametersFetchedData,
  parametersWrittenData,
  startedData,
  verifiedData,
  wrappedCheckedData,
} from '../../../../src-main/core/ceremony/online/events';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';

const SCHEMAS: ReadonlyMap<string, z.ZodType> = new Map<string, z.ZodType>([
  [ONLINE_EVENTS.started, startedData],
  [ONLINE_EVENTS.keysPlanned, keysPlannedData],
  [ONLINE_EVENTS.keyCreated, keyCreatedData],
  [ONLINE_EVENTS.parametersFetched, parametersFetchedData],
  [ONLINE_EVENTS.parametersWritten, parametersWrittenData],
  [ONLINE_EVENTS.wrappedChecked, wrappedCheckedData],
  [ONLINE_EVENTS.imported, importedData],
  [ONLINE_EVENTS.verified, verifiedData],
]);

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('the online journal events', () => {
  it('are the events a two-day ceremony writes, each with data its schema reads back', async () => {
    const plan = f.plan(['AES_256', 'EC_P256']);
    await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, path.join(f.dir, 'params'));
    const journal = await f.journal('online.jsonl');
    const day2 = await f.online(journal, plan);
    await day2.connect();
    await day2.checkWrappedBundle(out, await receiptDigestOf(out));
    await day2.importMaterial();
    await day2.verifyKeys();
    const entries = journal.entries;
    const named = new Set<string>(Object.values(ONLINE_EVENTS));
    expect(entries.map((e) => e.event).filter((event) => !named.has(event))).toEqual([]);
    for (const entry of entries) {
      const schema = SCHEMAS.get(entry.event);
      if (schema) expect(schema.safeParse(entry.data).error, `${entry.seq} ${entry.event}`).toBeUndefined();
    }
    expect([...SCHEMAS.keys()].filter((event) => !entries.some((e) => e.event === event))).toEqual([]);
  });

  it('refuse data a journal could not have been written with', () => {
    expect(
      keyCreatedData.safeParse({ keyId: 'k', alias: 'a', spec: 'DES', usage: 'ENCRYPT_DECRYPT', description: '' })
        .success,
    ).toBe(false);
    expect(parametersWrittenData.safeParse({ folder: '/p', manifestSha256: 'AB'.repeat(32), keyIds: [] }).success).toBe(
      false,
    );
    expect(startedData.safeParse({ side: 'air-gapped' }).success).toBe(false);
  });
});
