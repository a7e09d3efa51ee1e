/** Shared set-up of the tampering tests: two pristine bundles, fresh copies to damage, and `refusal`. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect } from 'vitest';
import { KeyferryError } from '../../../src-main/core/errors';
import { readBundle, writeImportParametersBundle, writeWrappedMaterialBundle } from '../../../src-main/core/bundle';
import { NOW, makeImportParameters, makeWrappedMaterial, tempDir } from './bundle-fixtures';

/** Reads `dir` expecting a refusal; fails the test if the bundle is accepted or the error is of another type. */
export async function refusal(dir: string, now = NOW, expectedDigest?: string): Promise<KeyferryError> {
  try {
    await readBundle(dir, { now, expectedDigest });
  } catch (error) {
    expect(error).toBeInstanceOf(KeyferryError);
    return error as KeyferryError;
  }
  throw new Error(`the bundle in ${dir} was accepted`);
}

export const keyFile = (id: string | undefined, name: string) => `keys/${id}/${name}`;

export interface PristineBundles {
  root: string;
  /** A 2-key import-parameters bundle (AES_256, RSA_2048). */
  paramsPristine: string;
  paramsDigest: string;
  paramIds: string[];
  /** A 3-key wrapped-material bundle (AES_256, RSA_2048, EC_P256). */
  wrappedPristine: string;
  wrappedIds: string[];
  paramsCopy(): Promise<string>;
  wrappedCopy(): Promise<string>;
  copyOf(pristine: string): Promise<string>;
}

/** Registers a beforeAll that writes the pristine bundles; the returned object is filled in then. */
export function usePristineBundles(): PristineBundles {
  let copies = 0;
  const t = {
    copyOf: async (pristine: string) => {
      const dir = path.join(t.root, `copy-${++copies}`);
      await fs.cp(pristine, dir, { recursive: true });
      return dir;
    },
    paramsCopy: () => t.copyOf(t.paramsPristine),
    wrappedCopy: () => t.copyOf(t.wrappedPristine),
  } as PristineBundles;
  beforeAll(async () => {
    t.root = await tempDir();
    t.paramsPristine = path.join(t.root, 'params');
    const params = makeImportParameters(2);
    t.paramIds = params.map((p) => p.keyId);
    t.paramsDigest = (
      await writeImportParametersBundle(t.paramsPristine, { ceremonyId: 'c1', keys: params }, { now: NOW })
    ).digest;
    t.wrappedPristine = path.join(t.root, 'wrapped');
    const wrapped = makeWrappedMaterial(3);
    t.wrappedIds = wrapped.map((w) => w.keyId);
    await writeWrappedMaterialBundle(t.wrappedPristine, { ceremonyId: 'c1', keys: wrapped }, { now: NOW });
  });
  return t;
}
