/**
 * A person's name has one rule (person-name-shape.ts): the core's people check and the IPC
 * contract's schema are that rule, so a name the app sends is judged as the CLI's would be.
 */
import { describe, expect, it } from 'vitest';
import { personName } from '../../../../src-main/core/ceremony/shared/person-name-shape';
import { checkCeremonyPeople } from '../../../../src-main/core/ceremony/shared/person-name';
import { personNameSchema } from '../../../../src-main/ipc/schemas/common';

const NAMES = ['Ana', ' Ben ', '', ' ', 'x'.repeat(100), 'x'.repeat(101), 'Ca\u0007rol', 'Da\u200Bvid', '王小明'];

describe('a person name', () => {
  it('is trimmed, 1-100 characters, without control or format characters', () => {
    expect(NAMES.map((n) => personName.safeParse(n).success)).toEqual([
      true,
      true,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
    ]);
    expect(personName.parse(' Ben ')).toBe('Ben');
  });

  it('is judged the same by the IPC contract and by the core people check', () => {
    expect(personNameSchema).toBe(personName);
    for (const name of NAMES) {
      let core = true;
      try {
        checkCeremonyPeople('Officer', [name]);
      } catch {
        core = false;
      }
      expect(core, JSON.stringify(name)).toBe(personNameSchema.safeParse(name).success);
    }
  });
});
