/**
 * A second import-parameters bundle of the same keys while the first one's import tokens may still
 * be accepted: two bundles either of which the air-gapped side could wrap (the trial's officer could
 * not tell which stick was "the" bundle). Writing the second warns, naming the first by folder and
 * digest and saying until when its tokens may be accepted; once they have expired (the usual reason
 * to fetch again) nothing is said. Real simulator over HTTP, real files.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupHex } from '../../../../src-main/core/hex-groups';
import { english } from '../../../../src-main/i18n/translate';
import { createFixture, type Fixture } from '../ceremony-fixture';

const DAY_AND_AN_HOUR = 25 * 60 * 60 * 1000;

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('a second import-parameters bundle of the same keys', () => {
  it('warns while the first bundle’s tokens may still be accepted, naming it by folder, digest and time', async () => {
    const plan = f.plan(['AES_256', 'EC_P256']);
    const online = await f.online(await f.journal('online.jsonl'), plan);
    await online.connect();
    await online.createKeys(plan.keys);
    const issued = await online.fetchParameters();
    const first = await online.writeParametersBundle(path.join(f.dir, 'params-1'));
    expect(first.warnings.map((w) => w.code)).not.toContain('EARLIER_PARAMETERS_BUNDLE_LIVE');

    await online.fetchParameters();
    const second = await online.writeParametersBundle(path.join(f.dir, 'params-2'));
    const warning = second.warnings.find((w) => w.code === 'EARLIER_PARAMETERS_BUNDLE_LIVE');
    expect(warning).toBeDefined();
    const latestFirstToken = Math.max(...issued.map((i) => Date.parse(i.tokenExpiresAt)));
    expect(warning?.values).toEqual({
      dir: first.dir,
      digest: groupHex(first.manifestSha256),
      at: latestFirstToken,
    });
    expect(english.message({ key: 'warning.EARLIER_PARAMETERS_BUNDLE_LIVE', values: warning?.values })).toContain(
      `This ceremony wrote an import-parameters bundle before (${first.dir}, digest ${first.manifestSha256Grouped})`,
    );
  });

  it('says nothing once the first bundle’s tokens have expired', async () => {
    const plan = f.plan(['AES_256']);
    const journal = await f.journal('online.jsonl');
    const online = await f.online(journal, plan);
    await online.connect();
    await online.createKeys(plan.keys);
    await online.fetchParameters();
    await online.writeParametersBundle(path.join(f.dir, 'params-1'));
    await journal.close();
    f.sim.clock.advance(DAY_AND_AN_HOUR);
    const later = await f.onlineAhead(await f.journal('online.jsonl'), plan, DAY_AND_AN_HOUR);
    await later.connect();
    await later.fetchParameters();
    const second = await later.writeParametersBundle(path.join(f.dir, 'params-2'));
    expect(second.warnings.map((w) => w.code)).not.toContain('EARLIER_PARAMETERS_BUNDLE_LIVE');
  });
});
