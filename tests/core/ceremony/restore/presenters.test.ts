/**
 * Who hands over which share at a restore (presenters.ts): one person for several shares is refused
 * before anything is presented unless the operator gives a reason; a presenter who is not the
 * recorded custodian, or is the operator or a witness, is a concern; names compare as people's do.
 */
import { describe, expect, it } from 'vitest';
import {
  checkHandovers,
  presenterConcern,
  severalSharesReason,
  sharesHandedOverBy,
} from '../../../../src-main/core/ceremony/restore/presenters';
import { toProblem } from '../../../../src-main/core/errors';
import { translator } from '../../../../src-main/i18n/translate';

const PEOPLE = { operator: 'Ana Lima', witnesses: ['Ben Okafor', 'Zoë Ångström'] };
const handover = (shareIndex: number, custodian: string, presentedBy = custodian) => ({
  shareIndex,
  custodian,
  presentedBy,
});

describe('who hands over the shares', () => {
  it('compares names as one person: case, spaces around and Unicode composition aside', () => {
    expect(sharesHandedOverBy([handover(3, 'Carol'), handover(1, 'Alice', 'carol')], 'Carol ')).toEqual([1, 3]);
  });

  it('refuses one person for several shares unless a reason is given, naming the person and the shares', () => {
    const carolTwice = [handover(1, 'Alice', 'Carol'), handover(2, 'Bob', 'CAROL')];
    const refused: unknown = (() => {
      try {
        checkHandovers(carolTwice, undefined);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toMatchObject({ code: 'CUSTODY_PRESENTER_SEVERAL_SHARES' });
    const problem = translator('en').problem(toProblem(refused));
    expect(problem.message).toContain('Carol would hand over 2 shares (shares 1, 2).');
    expect(problem.nextStep).toContain('--one-person-several-shares "REASON"');
    expect(() => checkHandovers(carolTwice, 'agreed by the board')).not.toThrow();
    expect(() => checkHandovers([handover(1, 'Alice'), handover(2, 'Bob', 'Carol')], undefined)).not.toThrow();
  });

  it('refuses an empty or multi-line reason', () => {
    expect(severalSharesReason(undefined, 'cli')).toBeUndefined();
    expect(severalSharesReason('  agreed  ', 'cli')).toBe('agreed');
    expect(() => severalSharesReason(' ', 'cli')).toThrow(
      'The reason for one person to hand over several shares must be one line of 1 to 200 characters',
    );
    expect(() => severalSharesReason('a\nb', 'app')).toThrow(/one line/);
  });

  it('finds a presenter who is not the custodian, or is the operator or a witness, and nothing about a custodian', () => {
    expect(presenterConcern(handover(1, 'Alice'), PEOPLE)).toBeNull();
    expect(presenterConcern(handover(1, 'Alice', 'Mallory'), PEOPLE)).toEqual({ notCustodian: true, role: 'none' });
    expect(presenterConcern(handover(1, 'Alice', 'ana lima'), PEOPLE)).toEqual({
      notCustodian: true,
      role: 'operator',
    });
    // A custodian who also witnesses the restore: still a concern (the witness checks the ceremony).
    expect(presenterConcern(handover(2, 'Zoë Ångström', 'Zoe\u0308 Ångström'), PEOPLE)).toEqual({
      notCustodian: false,
      role: 'witness',
    });
  });
});
