/**
 * `airgap wrap`'s custody options checked before anything happens (src-main/cli/custody-request.ts):
 * a trial filled in the printed one-pair template (`--custody M/N --custodian NAME --custodian-folder
 * DIR`) once for 2/3; the refusal counts the names and says to repeat the pair once per custodian.
 */
import { describe, expect, it } from 'vitest';
import { custodyRequest } from '../../src-main/cli/custody-request';
import { refusal } from '../helpers/refusal';

describe('custodyRequest', () => {
  it('refuses one custodian named for three shares, saying to repeat the pair once for each', () => {
    const error = refusal(() =>
      custodyRequest({ custody: '2/3', custodian: ['Carol'], 'custodian-folder': ['/media/carol'] }, '/work'),
    );
    expect(error.code).toBe('CLI_SHARE_COUNT');
    expect(error.message).toBe('1 custodian was named for 3 shares.');
    expect(error.nextStep).toContain('repeat --custodian NAME, with its --custodian-folder DIR, once for each');
  });

  it('takes one name and one folder per share', () => {
    const request = custodyRequest(
      { custody: '2/3', custodian: ['Carol', 'Dave', 'Erin'], 'custodian-folder': ['c', 'd', 'e'] },
      '/work',
    );
    expect(request).toMatchObject({
      m: 2,
      n: 3,
      custodians: ['Carol', 'Dave', 'Erin'],
      folders: ['/work/c', '/work/d', '/work/e'],
    });
  });

  it('refuses one folder given for two custodians as the same folder, not as the same volume', () => {
    const error = refusal(() =>
      custodyRequest({ custody: '2/2', custodian: ['Carol', 'Dave'], 'custodian-folder': ['c', './c/'] }, '/work'),
    );
    expect(error.code).toBe('CUSTODY_SAME_FOLDER');
    expect(error.message).toContain('The folders for shares 1 and 2 are the same folder (/work/c), given twice');
  });
});
