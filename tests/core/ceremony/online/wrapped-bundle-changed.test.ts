/**
 * A wrapped-material bundle whose manifest is the receipt's (the digest matches) but whose files
 * were changed since (a file removed, one added): the online import refuses it before anything
 * reaches the KMS, journals the refusal, and says what works for THIS bundle: an untouched copy, or
 * a wrap again on the air-gapped side (its material was wiped: "write it again" cannot work).
 * Real bundles, the KMS simulator on 127.0.0.1.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/** The one key folder of the wrapped bundle `out`. */
async function keyDir(out: string): Promise<string> {
  return path.join(out, 'keys', (await fs.readdir(path.join(out, 'keys')))[0] as string);
}

describe('online import of a wrapped bundle whose files changed after wrapping', () => {
  it('refuses a removed and an added file naming an untouched copy or a wrap again, and journals each', async () => {
    const plan = f.plan(['AES_256']);
    await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, path.join(f.dir, 'params'));
    const proof = await receiptDigestOf(out);
    const journal = await f.journal('online.jsonl');
    const day2 = await f.online(journal, plan);
    await day2.connect();
    const dir = await keyDir(out);
    const extra = path.join(dir, 'notes.txt');
    await fs.chmod(dir, 0o700);
    await fs.writeFile(extra, 'added later');
    await expect(day2.checkWrappedBundle(out, proof)).rejects.toMatchObject({
      code: 'WRAPPED_BUNDLE_NOT_AS_WRAPPED',
      values: expect.objectContaining({ cause: 'BUNDLE_UNEXPECTED_FILE' }),
      message: expect.stringMatching(/has the manifest the air-gapped receipt names, but its files are not as/),
      nextStep: expect.stringMatching(
        /^Do not import this copy\. Use an untouched copy of the bundle the air-gapped receipt names, copied whole into a new empty folder .*airgap wrap --wrap-again REASON/,
      ),
    });
    await fs.rm(extra);
    const [file] = (await fs.readdir(dir)).filter((name) => name.endsWith('.bin'));
    await fs.rename(path.join(dir, file as string), path.join(f.dir, 'moved-away.bin'));
    const refused = await day2.checkWrappedBundle(out, proof).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'WRAPPED_BUNDLE_NOT_AS_WRAPPED',
      values: expect.objectContaining({ cause: 'BUNDLE_FILE_MISSING' }),
    });
    expect((refused as Error).message).not.toContain('Write it again on the machine that made it');
    expect((refused as { nextStep: string }).nextStep).not.toContain('Write it again on the machine that made it');
    const refusals = journal.entries.filter((e) => e.event === 'wrapped-bundle.refused');
    expect(refusals.map((e) => [e.data.code, (e.data.values as Record<string, unknown>).cause])).toEqual([
      ['WRAPPED_BUNDLE_NOT_AS_WRAPPED', 'BUNDLE_UNEXPECTED_FILE'],
      ['WRAPPED_BUNDLE_NOT_AS_WRAPPED', 'BUNDLE_FILE_MISSING'],
    ]);
    expect(journal.entries.map((e) => e.event)).not.toContain('key.imported');
  });

  it('after the import, never says to wrap again: the material is imported and its custody copy the only backup', async () => {
    const plan = f.plan(['AES_256']);
    await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, path.join(f.dir, 'params'));
    const proof = await receiptDigestOf(out);
    const first = await f.journal('online.jsonl');
    const day2 = await f.online(first, plan);
    await day2.connect();
    await day2.checkWrappedBundle(out, proof);
    await day2.importMaterial();
    await day2.verifyKeys();
    await first.close();
    // Closed before its receipt; then a byte added to the bundle on the media (a review's attacker).
    const dir = await keyDir(out);
    const [file] = (await fs.readdir(dir)).filter((name) => name.endsWith('.bin'));
    await fs.chmod(dir, 0o700);
    await fs.chmod(path.join(dir, file as string), 0o600);
    await fs.appendFile(path.join(dir, file as string), 'x');
    const again = await f.online(await f.journal('online.jsonl'), plan);
    await again.connect();
    const refused = (await again.checkWrappedBundle(out, proof).catch((error: unknown) => error)) as {
      code: string;
      nextStep: string;
      values: Record<string, unknown>;
    };
    expect(refused).toMatchObject({ code: 'WRAPPED_BUNDLE_NOT_AS_WRAPPED', values: { imported: 'yes' } });
    expect(refused.nextStep).toContain(
      'This bundle’s material is already imported into its keys: it is never to be wrapped again',
    );
    expect(refused.nextStep).toContain('is now its only backup: keep it');
    expect(refused.nextStep).not.toContain('--wrap-again');
  });
});
