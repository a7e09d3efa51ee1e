/**
 * The app chooses the material file after the preflight, which could not compare its volume: a
 * file picked from a custodian's stick would get that custodian's share and the whole backup
 * written beside the plaintext. The session refuses it before reading it (journaled, as the
 * preflight's refusals are), on real tmpfs sticks.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toProblem, type KeyferryError } from '../../../../src-main/core/errors';
import { receiptDeviations } from '../../../../src-main/core/receipt/deviation-facts';
import { translator } from '../../../../src-main/i18n/translate';
import { MOUNTS_AVAILABLE, mountTmpfs } from '../../../support/tmpfs-mount';
import { createFixture, type Fixture } from '../ceremony-fixture';
import { confirmEveryWitness } from '../witness-helpers';
import { airGapReadDayOne } from './up-to-bundle';

let f: Fixture;
const unmounts: (() => void)[] = [];
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  for (const unmount of unmounts.splice(0).reverse()) unmount();
  await f.close();
});

/** A custodian's stick: a real tmpfs at `f.dir/name`, unmounted after the test. */
function stick(name: string): string {
  const at = path.join(f.dir, name);
  unmounts.push(mountTmpfs(at, { sizeKiB: 1024 }));
  return at;
}

/** One AES key's session preflighted with two custodians, each on a stick of their own. */
async function preflightedOnSticks(allowSameVolume = false) {
  const plan = f.plan(['AES_256']);
  const { params, air, journal } = await airGapReadDayOne(f, plan);
  const sticks = [stick('stick-1'), stick('stick-2')];
  const folders = sticks.map((s, i) => path.join(s, `custodian-${i + 1}`));
  await mkdir(path.join(f.dir, 'transfer'));
  const overview = await air.preflight({
    wrappedBundle: path.join(f.dir, 'transfer', 'wrapped'),
    receiptFolder: f.dir,
    custodianFolders: folders,
    allowSameVolume,
  });
  expect(overview).toEqual([]);
  await confirmEveryWitness(air, plan.witnesses, params);
  const keyId = air.parametersOverview?.keys[0]?.keyId ?? '';
  return { air, journal, sticks, folders, keyId };
}

describe.skipIf(!MOUNTS_AVAILABLE)('a material file on a custodian’s stick', () => {
  it('is refused before it is read, in English and Chinese with the app’s way on; from the workstation it loads', async () => {
    const { air, journal, sticks, folders, keyId } = await preflightedOnSticks();
    const onStick = path.join(sticks[1] as string, 'key.bin');
    await writeFile(onStick, randomBytes(32), { mode: 0o600 });
    const refused: KeyferryError = await air.loadMaterialFile(keyId, onStick).then(
      () => expect.fail('not refused'),
      (error: KeyferryError) => error,
    );
    expect(refused).toMatchObject({
      code: 'MATERIAL_ON_CUSTODIAN_VOLUME',
      values: { file: onStick, index: 2, folder: folders[1] },
    });
    // Journaled as the preflight's refusals are: the receipt lists it among the deviations.
    expect(journal.entries.at(-1)).toMatchObject({
      event: 'preflight.refused',
      data: { code: 'MATERIAL_ON_CUSTODIAN_VOLUME', values: { file: onStick, index: 2, folder: folders[1] } },
    });
    expect(receiptDeviations(journal.entries).at(-1)).toMatchObject({
      kind: 'refusal',
      reason: { problem: { code: 'MATERIAL_ON_CUSTODIAN_VOLUME' } },
    });
    const app = { ...toProblem(refused), values: { ...toProblem(refused).values, surface: 'app' } };
    const en = translator('en').problem(app);
    expect(en.message).toBe(
      `The material file ${onStick} is on the same volume as the folder of custodian 2 (${folders[1]}) checked at the preflight: that custodian’s share and the whole backup would be written beside the plaintext key material, on the same medium. The file was not read.`,
    );
    expect(en.nextStep).toContain('Copy the material file onto a medium that holds no custodian’s folder');
    const zh = translator('zh-CN').problem(app);
    expect(zh.message).toContain(
      `密钥材料文件 ${onStick} 与预检时检查过的保管人 2 的文件夹（${folders[1]}）位于同一卷`,
    );
    expect(zh.message).toContain('份额');
    expect(zh.nextStep).toContain('请将密钥材料文件复制到不包含任何保管人文件夹的介质上');
    // Nothing held: the same material, copied onto the workstation, loads.
    const onWorkstation = path.join(f.dir, 'key.bin');
    await copyFile(onStick, onWorkstation);
    await expect(air.loadMaterialFile(keyId, onWorkstation)).resolves.toMatchObject({ keyId, source: 'file' });
  });

  it('is left to the rehearsal that accepted folders on one volume', async () => {
    const { air, sticks, keyId } = await preflightedOnSticks(true);
    const onStick = path.join(sticks[0] as string, 'key.bin');
    await writeFile(onStick, randomBytes(32), { mode: 0o600 });
    await expect(air.loadMaterialFile(keyId, onStick)).resolves.toMatchObject({ keyId, source: 'file' });
  });
});
