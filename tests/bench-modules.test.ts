/**
 * `npm run bench` runs under tsx, outside Vitest, and importing Vitest there throws ("Vitest cannot
 * be imported in a CommonJS module using require()"): a bench that reaches a test helper which
 * imports `expect` stops the whole run at that bench, and every bench after it prints nothing
 * (online-scale printed nothing from 42fdce9 to f3ea9b8; ceremony and all after it from a806dd8).
 * esbuild follows every import from bench/ and lists each file that imports Vitest as it loads.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const BENCH = path.join(ROOT, 'bench');

/** The project files reached from `entryPoints` that import Vitest, relative to the checkout. */
async function filesImportingVitest(entryPoints: string[]): Promise<string[]> {
  const { metafile } = await build({
    entryPoints,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Packages are not followed: only the project's own files can reach a test helper.
    packages: 'external',
    write: false,
    outdir: path.join(ROOT, 'out', 'bench-modules-check'),
    metafile: true,
    logLevel: 'silent',
  });
  return Object.entries(metafile.inputs)
    .filter(([, input]) =>
      input.imports.some(
        // A dynamic import() runs only where it is reached (tests/support/chromium.ts asks for Vitest
        // only inside a test process); a static import or require runs as the file loads.
        (i) => i.kind !== 'dynamic-import' && (i.path === 'vitest' || i.path.startsWith('vitest/')),
      ),
    )
    .map(([file]) => path.relative(ROOT, path.resolve(ROOT, file)))
    .sort();
}

describe('bench modules', () => {
  it('reach no file that imports Vitest, so npm run bench runs every bench', async () => {
    const entries = readdirSync(BENCH)
      .filter((f) => f.endsWith('.bench.ts') || f === 'run.ts')
      .map((f) => path.join(BENCH, f));
    expect(entries.length).toBeGreaterThan(10);
    expect(await filesImportingVitest(entries)).toEqual([]);
  });

  it('would name a test helper that imports Vitest', async () => {
    const helper = path.join(ROOT, 'tests', 'core', 'crypto', 'helpers', 'openssl.ts');
    expect(await filesImportingVitest([helper])).toEqual(['tests/core/crypto/helpers/openssl.ts']);
  });
});
