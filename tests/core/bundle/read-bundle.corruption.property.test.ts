/**
 * Property: whatever random damage is done to a valid bundle, readBundle refuses it with a
 * KeyferryError (never an uncaught exception of another type, never acceptance).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { KeyferryError } from '../../../src-main/core/errors';
import { readBundle, writeImportParametersBundle, writeWrappedMaterialBundle } from '../../../src-main/core/bundle';
import {
  computeManifestChecksum,
  parseManifest,
  serializeManifest,
  type BundleManifest,
} from '../../../src-main/core/bundle/manifest-codec';
import { NOW, listFiles, makeImportParameters, makeWrappedMaterial, tempDir } from './bundle-fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Corruption =
  | { kind: 'flip'; file: number; at: number; mask: number }
  | { kind: 'truncate'; file: number; keep: number }
  | { kind: 'extend'; file: number; extra: Uint8Array }
  | { kind: 'delete'; file: number }
  | { kind: 'add'; folder: number; name: string; data: Uint8Array }
  | { kind: 'json'; leaf: number; value: Json; reseal: boolean }
  | { kind: 'drop-field'; leaf: number; reseal: boolean };

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    file: fc.nat(),
    at: fc.nat(),
    mask: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), file: fc.nat(), keep: fc.nat() }),
  fc.record({
    kind: fc.constant('extend' as const),
    file: fc.nat(),
    extra: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), file: fc.nat() }),
  fc.record({
    kind: fc.constant('add' as const),
    folder: fc.nat(),
    name: fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,20}$/),
    data: fc.uint8Array({ maxLength: 64 }),
  }),
  fc.record({
    kind: fc.constant('json' as const),
    leaf: fc.nat(),
    value: fc.jsonValue() as fc.Arbitrary<Json>,
    reseal: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('drop-field' as const), leaf: fc.nat(), reseal: fc.boolean() }),
);

/** Paths to every value in a JSON tree (objects' fields and arrays' items). */
function leaves(value: Json, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => leaves(v, [...at, k]))].filter((p) => p.length > 0);
}

function setAt(root: Json, at: (string | number)[], value: Json | undefined): void {
  let node = root as Record<string | number, Json>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = at[at.length - 1] as string | number;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
}

async function apply(dir: string, c: Corruption): Promise<void> {
  const files = await listFiles(dir);
  const pick = (i: number) => path.join(dir, files[i % files.length] as string);
  switch (c.kind) {
    case 'flip': {
      const bytes = await fs.readFile(pick(c.file));
      bytes[c.at % bytes.length] = (bytes[c.at % bytes.length] as number) ^ c.mask;
      return fs.writeFile(pick(c.file), bytes);
    }
    case 'truncate': {
      const size = (await fs.stat(pick(c.file))).size;
      return fs.truncate(pick(c.file), size === 0 ? 0 : c.keep % size);
    }
    case 'extend':
      return fs.appendFile(pick(c.file), c.extra);
    case 'delete':
      return fs.rm(pick(c.file));
    case 'add': {
      const folders = ['', ...new Set(files.map((f) => path.posix.dirname(f)).filter((d) => d !== '.'))];
      const target = path.join(dir, folders[c.folder % folders.length] as string, c.name);
      return fs.writeFile(target, c.data, { flag: 'wx' }).catch(() => fs.appendFile(target, 'x'));
    }
    default: {
      const manifestPath = path.join(dir, 'manifest.json');
      let manifest: Json;
      try {
        manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8')) as Json;
      } catch {
        return; // already deleted or damaged by an earlier corruption
      }
      if (manifest === null || typeof manifest !== 'object') return;
      const paths = leaves(manifest);
      const at = paths[c.leaf % paths.length] as (string | number)[];
      setAt(manifest, at, c.kind === 'json' ? c.value : undefined);
      if (c.reseal)
        (manifest as { manifestChecksum: string }).manifestChecksum = computeManifestChecksum(
          manifest as unknown as BundleManifest,
        );
      return fs.writeFile(manifestPath, serializeManifest(manifest as unknown as BundleManifest));
    }
  }
}

async function snapshot(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const name of await listFiles(dir))
    parts.push(name, (await fs.readFile(path.join(dir, name))).toString('base64'));
  return parts.join('|');
}

let root: string;
const pristine: Record<'params' | 'wrapped', { dir: string; digest: string; snapshot: string }> = {} as never;

beforeAll(async () => {
  root = await tempDir();
  const params = await writeImportParametersBundle(
    path.join(root, 'params'),
    { ceremonyId: 'c1', keys: makeImportParameters(2) },
    { now: NOW },
  );
  const wrapped = await writeWrappedMaterialBundle(
    path.join(root, 'wrapped'),
    { ceremonyId: 'c1', keys: makeWrappedMaterial(3) },
    { now: NOW },
  );
  pristine.params = { dir: params.dir, digest: params.digest, snapshot: await snapshot(params.dir) };
  pristine.wrapped = { dir: wrapped.dir, digest: wrapped.digest, snapshot: await snapshot(wrapped.dir) };
});

let runs = 0;
describe('random corruption', () => {
  for (const kind of ['params', 'wrapped'] as const) {
    it(`of a ${kind} bundle is always refused with a KeyferryError`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(corruption, { minLength: 1, maxLength: 3 }), async (corruptions) => {
          const dir = path.join(root, `run-${++runs}`);
          await fs.cp(pristine[kind].dir, dir, { recursive: true });
          for (const c of corruptions) await apply(dir, c);
          fc.pre((await snapshot(dir)) !== pristine[kind].snapshot);
          // A resealed manifest is a deliberate forgery: the receipt's digest is what catches it.
          const expectedDigest = corruptions.some((c) => 'reseal' in c && c.reseal) ? pristine[kind].digest : undefined;
          let error: unknown;
          try {
            await readBundle(dir, { now: NOW, expectedDigest });
          } catch (caught) {
            error = caught;
          }
          await fs.rm(dir, { recursive: true, force: true });
          expect(error).toBeInstanceOf(KeyferryError);
          expect((error as KeyferryError).code).toMatch(/^BUNDLE_/);
        }),
        { numRuns: 80 },
      );
    });
  }

  it('refuses every single-byte flip of the manifest, without any receipt digest', async () => {
    const dir = path.join(root, 'flip-all');
    await writeWrappedMaterialBundle(dir, { ceremonyId: 'c1', keys: makeWrappedMaterial(2) }, { now: NOW });
    const file = path.join(dir, 'manifest.json');
    const original = await fs.readFile(file);
    const accepted: number[] = [];
    for (let at = 0; at < original.length; at++) {
      for (const mask of [0x01, 0x20]) {
        const bytes = Buffer.from(original);
        bytes[at] = (bytes[at] as number) ^ mask;
        try {
          parseManifest(bytes); // the reader's own manifest check, without the disk round trip
          accepted.push(at);
        } catch (error) {
          expect(error).toBeInstanceOf(KeyferryError);
        }
        if (at % 97 === 0) {
          await fs.writeFile(file, bytes);
          await expect(readBundle(dir, { now: NOW })).rejects.toBeInstanceOf(KeyferryError);
        }
      }
    }
    expect(accepted).toEqual([]);
  });
});
