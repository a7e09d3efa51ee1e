/**
 * What a refusal of the HSM token check carries of the objects it destroyed first
 * (src-main/core/ceremony/airgap/destroyed-before-refusal.ts): read back as written, every object
 * of a 100-key ceremony named (the value was cut to 2,000 characters, about 12 objects, before), and
 * within one problem value (the IPC's bound) however many objects, the count of all kept; values that
 * do not carry it, or carry something else, read as nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  DESTROYED_BEFORE_REFUSAL,
  destroyedBeforeRefusal,
  destroyedBeforeRefusalValue,
} from '../../../../src-main/core/ceremony/airgap/destroyed-before-refusal';
import { PROBLEM_TEXT_MAX } from '../../../../src-main/core/problem-limits';

const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const object = (n: number) => ({
  label: `keyferry KF-20261204-aaaaaa ${KEY_ID}-${n}`,
  objectClass: 'CKO_SECRET_KEY' as const,
  objectId: Buffer.from(KEY_ID).toString('hex'),
});
const destroyed = (count: number) => ({
  tokenLabel: 'vault',
  tokenSerial: '9a8b7c6d',
  entries: [12],
  count,
  objects: Array.from({ length: count }, (_, n) => object(n)),
  unproven: [],
});

describe('destroyedBeforeRefusal', () => {
  it('reads back what the refusal carries', () => {
    const value = destroyedBeforeRefusalValue(destroyed(2));
    expect(destroyedBeforeRefusal({ code: 'x', [DESTROYED_BEFORE_REFUSAL]: value })).toEqual(destroyed(2));
  });

  it('names every object of a 100-key RSA ceremony (200 objects)', () => {
    const read = destroyedBeforeRefusal({ [DESTROYED_BEFORE_REFUSAL]: destroyedBeforeRefusalValue(destroyed(200)) });
    expect(read).toEqual(destroyed(200));
  });

  it('names as many objects as fit in one problem value and keeps the count of all', () => {
    const value = destroyedBeforeRefusalValue(destroyed(3000));
    expect(value.length).toBeLessThanOrEqual(PROBLEM_TEXT_MAX);
    const read = destroyedBeforeRefusal({ [DESTROYED_BEFORE_REFUSAL]: value });
    expect(read?.count).toBe(3000);
    expect(read?.objects.length).toBeGreaterThan(1000);
    expect(read?.objects.length).toBeLessThan(3000);
  });

  it('reads back each object left with why and its command, and a value written before it carried them as none left', () => {
    const left = {
      ...object(0),
      command:
        "pkcs11-tool --module /m.so --token-label vault --login --delete-object --type secrkey --id 30 --label 'x'",
      problem: { code: 'HSM_LEFT_OBJECT_UNPROVEN', values: { why: 'sameEvidence', seq: 4 } },
    };
    const carried = { ...destroyed(0), entries: [], unproven: [left] };
    expect(destroyedBeforeRefusal({ [DESTROYED_BEFORE_REFUSAL]: destroyedBeforeRefusalValue(carried) })).toEqual(
      carried,
    );
    const { unproven: _, ...before } = destroyed(1);
    expect(destroyedBeforeRefusal({ [DESTROYED_BEFORE_REFUSAL]: JSON.stringify(before) })?.unproven).toEqual([]);
  });

  it('reads nothing from values that do not carry it', () => {
    expect(destroyedBeforeRefusal(undefined)).toBeNull();
    expect(destroyedBeforeRefusal({ token: 'vault' })).toBeNull();
    expect(destroyedBeforeRefusal({ [DESTROYED_BEFORE_REFUSAL]: 'not json' })).toBeNull();
    expect(destroyedBeforeRefusal({ [DESTROYED_BEFORE_REFUSAL]: JSON.stringify({ count: 1 }) })).toBeNull();
  });
});
