/**
 * A person's part in running a ceremony (shared/ceremony-role.ts): named as the operator or a
 * witness is known as such whatever the case, surrounding spaces or Unicode composition; anyone
 * else is 'none'. Every role the rule gives is one of the list the IPC contract takes.
 */
import { describe, expect, it } from 'vitest';
import { CEREMONY_ROLES, ceremonyRoleOf } from '../../../../src-main/core/ceremony/shared/ceremony-role';

const PEOPLE = { operator: 'Ana Lima', witnesses: ['Ben Okafor', 'Chloé Martin'] };

describe('ceremonyRoleOf', () => {
  it('knows the operator and the witnesses as one person however typed', () => {
    expect(ceremonyRoleOf(' ana lima ', PEOPLE)).toBe('operator');
    expect(ceremonyRoleOf('BEN OKAFOR', PEOPLE)).toBe('witness');
    expect(ceremonyRoleOf('Chloe\u0301 Martin', PEOPLE)).toBe('witness');
    expect(ceremonyRoleOf('Dev Patel', PEOPLE)).toBe('none');
    // Accents are not set aside: another spelling is another person.
    expect(ceremonyRoleOf('Chloe Martin', PEOPLE)).toBe('none');
    const roles = ['Ana Lima', 'Ben Okafor', 'Dev Patel'].map((name) => ceremonyRoleOf(name, PEOPLE));
    expect([...new Set(roles)].sort()).toEqual([...CEREMONY_ROLES].sort());
  });
});
