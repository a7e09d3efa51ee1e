/**
 * A wrapping key that arrives over real HTTP in the KMS's get-parameters-for-import answer is
 * checked at fetch like one from a bundle or a file: e=1, e=2, an even modulus and RSA-1024 are
 * refused, and so is an RSA-3072 key Huawei's import would refuse. The refusal is journaled
 * (parameters.refused, a deviation), nothing is issued, no bundle can be written from it; a
 * fresh answer from the same KMS then goes through. The simulator's answer is rewritten on its
 * way out (SimulatorFaults.rewriteAnswer), as a tampered path would.
 *
 * The keys are made before the first request, and without blocking the event loop: an RSA-3072
 * generated synchronously between two requests took seconds on a loaded machine, long enough for
 * the simulator to close the idle keep-alive connection just as the next request went out on it.
 */
import { generateKeyPair } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { weakWrappingKeys } from '../../crypto/helpers/weak-rsa';
import { createFixture, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

const answersWith = (der: Buffer) => (body: Record<string, unknown>) => ({
  ...body,
  public_key: der.toString('base64'),
});

describe('a weak wrapping key in the KMS answer', () => {
  it('is refused at fetch, journaled, and nothing is issued; a sound answer then goes through', async () => {
    const rsa3072 = await promisify(generateKeyPair)('rsa', { modulusLength: 3072 });
    const cases = [
      ...weakWrappingKeys().map((w) => ({ der: w.der, code: 'BUNDLE_INPUT_INVALID', words: w.words })),
      {
        der: rsa3072.publicKey.export({ type: 'spki', format: 'der' }),
        code: 'WRAPPING_KEY_NOT_IMPORTABLE',
        words: 'is RSA-3072: material wrapped under it is 512 base64 characters',
      },
    ];
    const plan = f.plan(['AES_256']);
    const journal = await f.journal('online.jsonl');
    const online = await f.online(journal, plan);
    await online.connect();
    await online.createKeys(plan.keys);
    for (const weak of cases) {
      f.sim.faults.rewriteAnswer('get-parameters-for-import', answersWith(weak.der));
      const refused = online.fetchParameters();
      await expect(refused).rejects.toMatchObject({ code: weak.code, message: expect.stringContaining(weak.words) });
    }
    // Nothing was issued: the step that writes the bundle is not reached.
    await expect(online.writeParametersBundle(path.join(f.dir, 'params'))).rejects.toMatchObject({
      code: 'CEREMONY_STEP_OUT_OF_ORDER',
    });
    const entries = (await readFile(journal.path, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; data: { code?: string } });
    expect(entries.filter((e) => e.event === 'parameters.refused').map((e) => e.data.code)).toEqual(
      cases.map((c) => c.code),
    );
    expect(entries.some((e) => e.event === 'parameters.fetched')).toBe(false);

    const [issued] = await online.fetchParameters();
    expect(issued?.wrappingKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    await online.writeParametersBundle(path.join(f.dir, 'params'));
  });
});
