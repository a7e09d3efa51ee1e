/**
 * The bundle each key waiting for material waits on, after `online params` for some keys only: the
 * keys left out wait on the earlier bundle (their only one), the others on the new one; the same
 * rule the warning of the new bundle uses. Real simulator over HTTP, real files.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, onlineWithFirstBundle, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('the bundle each waiting key waits on', () => {
  it('after parameters for one of two keys, each key waits on its own newest bundle, oldest bundle first', async () => {
    const { online } = await onlineWithFirstBundle(f, f.plan(['AES_256', 'EC_P256']));
    const [aes, ec] = online.keys();
    if (!aes || !ec) throw new Error('two keys expected');
    expect(online.bundlesWaitedOn().map((b) => [b.folder, b.keys.map((k) => k.keyId)])).toEqual([
      [path.join(f.dir, 'params-1'), [aes.keyId, ec.keyId]],
    ]);

    await online.fetchParameters({ keyIds: [ec.keyId] });
    await online.writeParametersBundle(path.join(f.dir, 'params-2'));
    expect(online.bundlesWaitedOn().map((b) => [b.folder, b.keys.map((k) => k.keyId)])).toEqual([
      [path.join(f.dir, 'params-1'), [aes.keyId]],
      [path.join(f.dir, 'params-2'), [ec.keyId]],
    ]);
  });
});
