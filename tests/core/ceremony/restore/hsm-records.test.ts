/**
 * What a restore from an HSM token takes from the air-gapped journal
 * (src-main/core/ceremony/restore/hsm-records.ts), on a real journal file: a journal whose chain
 * was altered is refused naming the line; each key of the fresh bundle gets the last HSM object
 * the journal recorded for it with its spec, a record that does not hold (another spec, both or
 * neither check value, a label too long) is passed over, and a key with no record is refused
 * naming it and the journal.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAirGapJournal, recordedHsmObjects } from '../../../../src-main/core/ceremony/restore/hsm-records';
import type { ImportParameters } from '../../../../src-main/core/bundle';
import { openJournal, type JsonObject } from '../../../../src-main/core/journal';
import { makeImportParameters } from '../../bundle/bundle-fixtures';

const [aes, ec] = makeImportParameters(3, undefined, ['AES_256', 'EC_P256']) as [ImportParameters, ImportParameters];
const FINGERPRINT = 'ab'.repeat(32);

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-hsm-records-'));
  file = path.join(dir, 'airgap-KF-20300102-abcdef.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function hsmRecord(key: ImportParameters, changes: JsonObject = {}): JsonObject {
  return {
    keyId: key.keyId,
    spec: key.keySpec,
    source: 'hsm',
    objectLabel: `keyferry-${key.keyId.slice(0, 8)}`,
    hsmTokenSerial: '0123456789abcdef',
    keyCheckValue: key.keySpec === 'AES_256' ? 'A1B2C3' : null,
    publicKeyFingerprint: key.keySpec === 'AES_256' ? null : FINGERPRINT,
    ...changes,
  };
}

async function journalOf(events: [string, JsonObject][]): Promise<void> {
  const journal = await openJournal(file, { create: true });
  for (const [event, data] of events) await journal.append('Ana', event, data);
  await journal.close();
}

describe('readAirGapJournal', () => {
  it('returns the entries of an intact journal', async () => {
    await journalOf([['material.generated', hsmRecord(aes)]]);
    const entries = await readAirGapJournal(file);
    expect(entries.map((e) => e.event)).toEqual(['material.generated']);
  });

  it('refuses a journal whose chain was altered, naming the file and the line', async () => {
    await journalOf([
      ['material.generated', hsmRecord(aes)],
      ['material.hsm-selected', hsmRecord(ec)],
    ]);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('keyferry-', 'keyferrx-'));
    await expect(readAirGapJournal(file)).rejects.toMatchObject({
      code: 'HSM_RESTORE_JOURNAL_INVALID',
      values: expect.objectContaining({ file, line: 1 }),
    });
  });
});

describe('recordedHsmObjects', () => {
  it("gives each key the last HSM object the journal recorded for it, with the token's serial and its check value", async () => {
    await journalOf([
      ['material.generated', hsmRecord(aes, { objectLabel: 'first' })],
      ['material.hsm-selected', hsmRecord(ec)],
      ['material.hsm-recalled', hsmRecord(aes, { objectLabel: 'recalled' })],
      ['material.generated', { keyId: aes.keyId, spec: 'AES_256', source: 'software' }],
    ]);
    const found = recordedHsmObjects(await readAirGapJournal(file), [aes, ec], file);
    expect(found).toEqual([
      {
        keyId: aes.keyId,
        spec: 'AES_256',
        objectLabel: 'recalled',
        tokenSerial: '0123456789abcdef',
        keyCheckValue: 'A1B2C3',
        publicKeyFingerprint: null,
        seq: 3,
      },
      {
        keyId: ec.keyId,
        spec: 'EC_P256',
        objectLabel: hsmRecord(ec).objectLabel,
        tokenSerial: '0123456789abcdef',
        keyCheckValue: null,
        publicKeyFingerprint: FINGERPRINT,
        seq: 2,
      },
    ]);
  });

  it.each<[string, JsonObject]>([
    ['of another spec', { spec: 'AES_128' }],
    ['with both a check value and a fingerprint', { publicKeyFingerprint: FINGERPRINT }],
    ['with neither a check value nor a fingerprint', { keyCheckValue: null }],
    ['with an empty object label', { objectLabel: '' }],
    ['with a check value that is not hex', { keyCheckValue: 'A1B2CZ' }],
  ])('passes over a record %s, and refuses the key when no other names it', async (_case, changes) => {
    await journalOf([['material.generated', hsmRecord(aes, changes)]]);
    const entries = await readAirGapJournal(file);
    expect(() => recordedHsmObjects(entries, [aes], file)).toThrow(
      expect.objectContaining({
        code: 'HSM_RESTORE_NOT_RECORDED',
        values: { keyId: aes.keyId, journal: path.basename(file) },
      }),
    );
  });

  it('falls back to an earlier record that holds when the last one does not', async () => {
    await journalOf([
      ['material.generated', hsmRecord(aes, { objectLabel: 'good' })],
      ['material.hsm-recalled', hsmRecord(aes, { keyCheckValue: null })],
    ]);
    const [found] = recordedHsmObjects(await readAirGapJournal(file), [aes], file);
    expect(found).toMatchObject({ objectLabel: 'good', seq: 1 });
  });
});
