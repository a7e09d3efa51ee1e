/**
 * Every bundle names the Keyferry that wrote it (bundle/bundle-creator.ts): the app's product name and
 * version from package.json, as the manifest records them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { writeImportParametersBundle } from '../../../src-main/core/bundle';
import { KEYFERRY_CREATOR } from '../../../src-main/core/bundle/bundle-creator';
import { NOW, makeImportParameters, readManifest, tempDir } from './bundle-fixtures';

describe('KEYFERRY_CREATOR', () => {
  it("is the app's product name and version", () => {
    expect(KEYFERRY_CREATOR).toEqual({ app: 'Keyferry', version: packageJson.version });
  });

  it('is what a written bundle records as its creator', async () => {
    const dir = path.join(await tempDir(), 'params');
    await writeImportParametersBundle(dir, { ceremonyId: 'c1', keys: makeImportParameters(1) }, { now: NOW });
    expect((await readManifest(dir)).createdBy).toEqual({ app: 'Keyferry', version: packageJson.version });
  });
});
