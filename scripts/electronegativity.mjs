#!/usr/bin/env node
// `npm run audit:electron`: Doyensec's Electronegativity over the Electron-facing sources
// (src-main and src-renderer, scanned together so its global checks see the whole app).
// Fails on any finding not listed in electronegativity-suppressions.json, where every entry
// carries a written reason; also fails on stale suppressions and on files it could not parse.
// Offline by construction: the tool's two network calls (translation download, Electron release
// check) go through `got`, which is replaced here by a function that refuses at once, and the
// release check is excluded. Usage: node scripts/electronegativity.mjs [--root <project dir>]
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { values: options } = parseArgs({ options: { root: { type: 'string' } } });
const root = path.resolve(options.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const SCANNED = ['src-main', 'src-renderer'];
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']; // needs the network (GitHub release list)
const SUPPRESSIONS_FILE = 'electronegativity-suppressions.json';

function stop(lines) {
  process.stderr.write(lines.map((line) => `audit:electron: ${line}\n`).join(''));
  process.exit(1);
}

function loadSuppressions() {
  const file = path.join(root, SUPPRESSIONS_FILE);
  if (!existsSync(file)) return [];
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    stop([`${SUPPRESSIONS_FILE} is not valid JSON (${error.message}).`]);
  }
  const list = Array.isArray(data?.suppressions) ? data.suppressions : null;
  const bad = (list ?? []).filter(
    (entry) =>
      typeof entry?.check !== 'string' ||
      typeof entry?.file !== 'string' ||
      typeof entry?.reason !== 'string' ||
      entry.reason.trim().length < 20,
  );
  if (!list || bad.length > 0) {
    stop([
      `${SUPPRESSIONS_FILE} needs {"suppressions": [{"check", "file", "reason"}]}, each reason a written sentence.`,
    ]);
  }
  return list;
}

/** Makes the tool's HTTP client refuse immediately, so the audit never waits on (or uses) a network. */
function forceOffline() {
  const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = require.resolve('got', { paths: [path.join(toolDir, 'dist')] });
  const refuse = () => Promise.reject(new Error('network disabled by scripts/electronegativity.mjs'));
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = Object.assign(refuse, { head: refuse, get: refuse, default: refuse });
  require.cache[gotPath] = stub;
}

async function scan() {
  const stage = mkdtempSync(path.join(os.tmpdir(), 'keyferry-electronegativity-'));
  try {
    for (const dir of SCANNED) {
      if (existsSync(path.join(root, dir))) cpSync(path.join(root, dir), path.join(stage, dir), { recursive: true });
    }
    forceOffline();
    process.env.LANG = 'en-US'; // the tool picks its message locale from LANG
    const run = require('@doyensec/electronegativity');
    const electronVersion = require('electron/package.json').version;
    const quiet = console.log;
    console.log = () => undefined; // the tool narrates failed downloads on stdout
    try {
      return await run({
        input: stage,
        excludeFromScan: EXCLUDED_CHECKS.map((name) => name.toLowerCase()),
        electronVersionOverride: electronVersion,
        isRelative: true,
      });
    } finally {
      console.log = quiet;
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

async function main() {
  const suppressions = loadSuppressions();
  const result = await scan();
  const used = new Set();
  const findings = result.issues.filter((issue) => {
    const file = issue.file.split(path.sep).join('/');
    const index = suppressions.findIndex((entry) => entry.check === issue.id && entry.file === file);
    if (index >= 0) used.add(index);
    return index < 0;
  });
  const unparsed = result.errors.filter((error) => !error.tolerable);
  const stale = suppressions.filter((_, index) => !used.has(index));
  const problems = [
    ...findings.map((issue) => `${issue.id} ${issue.file}:${issue.location.line}: ${issue.description}`),
    ...unparsed.map((error) => `could not parse ${path.relative(os.tmpdir(), error.file)} (${error.message})`),
    ...stale.map((entry) => `stale suppression ${entry.check} ${entry.file}: nothing matches it any more; remove it`),
  ];
  if (problems.length > 0) {
    stop([
      ...problems,
      `${problems.length} problem(s). Fix them, or add {"check","file","reason"} to ${SUPPRESSIONS_FILE} with a real reason.`,
    ]);
  }
  process.stdout.write(
    `audit:electron: ${result.atomicChecks + result.globalChecks} checks, no unexplained findings ` +
      `(${used.size} suppressed with reasons in ${SUPPRESSIONS_FILE}).\n`,
  );
}

main().catch((error) => stop([`the audit itself failed: ${error instanceof Error ? error.message : String(error)}`]));
