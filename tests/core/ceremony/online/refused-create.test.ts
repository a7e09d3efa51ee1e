import { describe, expect, it } from 'vitest';
import { recurringCreateRefusal } from '../../../../src-main/core/ceremony/online/refused-create';
import type { JournalEntry } from '../../../../src-main/core/journal';

const entry = (seq: number, event: string, data: Record<string, unknown> = {}): JournalEntry =>
  ({ seq, event, actor: 'Ana', time: '2026-12-06T10:00:00.000Z', data, prev: '', hash: '' }) as unknown as JournalEntry;

const aliasTaken = (seq: number) =>
  entry(seq, 'step.failed', {
    step: 'create-key',
    keyId: null,
    code: 'KEY_ALIAS_TAKEN',
    reason: 'The alias a is already held',
    values: { alias: 'a', created: 1, nested: { no: 1 } },
  });

describe('recurringCreateRefusal', () => {
  it('is the last create attempt refused for an alias another key holds, with its plain values', () => {
    expect(recurringCreateRefusal([entry(1, 'ceremony.started'), aliasTaken(2)])).toEqual({
      seq: 2,
      code: 'KEY_ALIAS_TAKEN',
      reason: 'The alias a is already held',
      values: { alias: 'a', created: 1 },
    });
  });

  it('is undefined once a key was created since, or when the create failed for a passing reason', () => {
    expect(recurringCreateRefusal([aliasTaken(1), entry(2, 'key.created', { keyId: 'k' })])).toBeUndefined();
    // A later attempt with another alias: planned, its create sent (no answer yet), or stopped before it.
    expect(
      recurringCreateRefusal([aliasTaken(1), entry(2, 'keys.planned'), entry(3, 'key.create-sending')]),
    ).toBeUndefined();
    expect(
      recurringCreateRefusal([aliasTaken(1), entry(2, 'keys.planned'), entry(3, 'ceremony.interrupted')]),
    ).toBeUndefined();
    // The planned keys of the refused attempt itself come before its refusal.
    expect(recurringCreateRefusal([entry(1, 'keys.planned'), aliasTaken(2)])?.seq).toBe(2);
    const unreachable = entry(1, 'step.failed', {
      step: 'create-key',
      keyId: null,
      code: 'KMS_UNREACHABLE',
      reason: 'x',
    });
    expect(recurringCreateRefusal([unreachable])).toBeUndefined();
    expect(recurringCreateRefusal([])).toBeUndefined();
  });
});
