/**
 * The receipt's KMS row: a rehearsal against Keyferry's simulator (plain http on this computer) says
 * so, a real endpoint does not (a trial's auditor could not tell a rehearsal's receipt from a real one).
 */
import { describe, expect, it } from 'vitest';
import { ceremonyFacts } from '../../../src-main/core/receipt/facts';
import { sampleReceiptInput } from './fixtures';

/** The KMS row's phrase values for a receipt whose journal connected to `endpoint`. */
function kmsValues(endpoint: string) {
  const input = {
    ...sampleReceiptInput('online'),
    kms: { endpoint, region: 'cn-north-4', projectId: 'p', accessKeyHint: null },
  };
  const row = ceremonyFacts(input).find(
    (f): f is Exclude<typeof f, symbol> =>
      typeof f !== 'symbol' && typeof f.label !== 'string' && f.label.key === 'receipt.fact.kms',
  );
  const value = row?.value;
  return typeof value === 'object' && value !== null && 'values' in value ? value.values : undefined;
}

describe('the KMS row', () => {
  it('marks the simulator: plain http on this computer, a simulated region’s host too', () => {
    expect(kmsValues('http://127.0.0.1:8790')).toMatchObject({ simulator: 'yes' });
    expect(kmsValues('http://kms.cn-east-3.localhost:8790')).toMatchObject({ simulator: 'yes' });
    expect(kmsValues('http://[::1]:8790')).toMatchObject({ simulator: 'yes' });
  });

  it('does not mark a real endpoint, nor https on this computer (a proxy)', () => {
    expect(kmsValues('https://kms.cn-north-4.myhuaweicloud.com')).toMatchObject({ simulator: 'no' });
    expect(kmsValues('https://127.0.0.1:8443')).toMatchObject({ simulator: 'no' });
    expect(kmsValues('not a url')).toMatchObject({ simulator: 'no' });
  });
});
