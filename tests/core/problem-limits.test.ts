/**
 * The bound on a problem's texts has one source: the IPC contract checks it, and the refusal that
 * carries what the HSM token check destroyed first is built to fit it (every object of a 100-key RSA
 * ceremony named, where it was cut to about a dozen at an older, smaller bound of its own).
 */
import { describe, expect, it } from 'vitest';
import {
  DESTROYED_BEFORE_REFUSAL,
  destroyedBeforeRefusalValue,
} from '../../src-main/core/ceremony/airgap/destroyed-before-refusal';
import { PROBLEM_TEXT_MAX } from '../../src-main/core/problem-limits';
import { problemSchema } from '../../src-main/ipc/problem';

const problem = (values: Record<string, string>) => ({
  code: 'HSM_LABEL_TAKEN',
  message: 'Refused.',
  nextStep: 'Check the token.',
  values,
});

describe('PROBLEM_TEXT_MAX', () => {
  it('the IPC contract takes a value of exactly that length and refuses one more', () => {
    expect(problemSchema.safeParse(problem({ commands: 'x'.repeat(PROBLEM_TEXT_MAX) })).success).toBe(true);
    expect(problemSchema.safeParse(problem({ commands: 'x'.repeat(PROBLEM_TEXT_MAX + 1) })).success).toBe(false);
  });

  it('holds the HSM check’s refusal naming every object it destroyed first, 200 of them', () => {
    const objects = Array.from({ length: 200 }, (_, n) => ({
      label: `keyferry KF-20261205-aaaaaa 0d0466b0-e727-4d9c-b35d-f84bb474a37f-${n}`,
      objectClass: n % 2 === 0 ? ('CKO_PRIVATE_KEY' as const) : ('CKO_PUBLIC_KEY' as const),
      objectId: '30643034',
    }));
    const value = destroyedBeforeRefusalValue({
      tokenLabel: 'vault',
      tokenSerial: '1',
      entries: [3],
      count: 200,
      objects,
    });
    expect((JSON.parse(value) as { objects: unknown[] }).objects).toHaveLength(200);
    expect(problemSchema.safeParse(problem({ [DESTROYED_BEFORE_REFUSAL]: value })).success).toBe(true);
  });
});
