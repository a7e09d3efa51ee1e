#!/usr/bin/env node
'use strict';
/**
 * The `keyferry` command (package.json "bin"): runs this package's TypeScript CLI
 * (src-main/cli/main.ts) in this process as ONE CommonJS file made by esbuild, as electron-vite
 * makes the app's main process; not through tsx, whose per-file compiling and disk-cache upkeep
 * cost every cold start most of a second. The bundle is kept in node_modules/.cache/keyferry-cli/
 * with the list of files it was made from (esbuild's own list: every source and package file it
 * read) and each one's size, modification and change times, plus package.json, package-lock.json,
 * the tsconfig files and this file. A start whose files all still match runs it; any difference
 * (an edited, added-to or removed file, another checkout) bundles again first, about a second.
 * A checkout this user may not write to (read-only, another user's) keeps no bundle: the sources
 * then run through tsx, as they did before there was a bundle.
 * Paths are resolved against the folder it is started from (nothing changes directory).
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'keyferry-cli');
/** Names the bundle to run and the files it was made from. */
const current = path.join(cacheDir, 'current.json');
/** Read by the build besides the sources esbuild lists. */
const SETTINGS = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.node.json', 'bin/keyferry.js'];
/** Bundles not written for this long are removed when a new one is written (a CLI loads its bundle at start). */
const PRUNE_AFTER_MS = 60 * 60 * 1000;

/** A file's size, modification and change times, or null when it is gone. */
function stamp(file) {
  try {
    const s = fs.statSync(path.join(root, file));
    return `${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  } catch {
    return null;
  }
}

/** `file`'s stamp, or null when it changed after `since` (during the build: the bundle may hold either version). */
function stampBefore(file, since) {
  const s = stamp(file);
  return s !== null && Math.max(...s.split(':').slice(1).map(Number)) < since ? s : null;
}

/** The bundle `current.json` names, when every file it was made from is as it was. */
function upToDate() {
  let record;
  try {
    record = JSON.parse(fs.readFileSync(current, 'utf8'));
  } catch {
    return undefined;
  }
  for (const [file, was] of Object.entries(record.inputs)) if (stamp(file) !== was) return undefined;
  return path.join(cacheDir, record.bundle);
}

/** Bundles src-main/cli/main.ts, then points current.json at it (each written aside and renamed). */
function bundle() {
  const started = Date.now();
  const name = `cli-${process.pid}-${Date.now()}.cjs`;
  const file = path.join(cacheDir, name);
  const { metafile } = require('esbuild').buildSync({
    absWorkingDir: root,
    entryPoints: ['src-main/cli/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20.19',
    tsconfig: 'tsconfig.node.json',
    // The PKCS#11 addon is native: loaded from node_modules, as the packaged app loads it.
    external: ['pkcs11js'],
    // Function and class names as the sources spell them.
    keepNames: true,
    metafile: true,
    outfile: file,
    logLevel: 'error',
  });
  const inputs = {};
  for (const input of [...Object.keys(metafile.inputs), ...SETTINGS]) inputs[input] = stampBefore(input, started);
  const partial = `${current}.${process.pid}`;
  fs.writeFileSync(partial, JSON.stringify({ bundle: name, inputs }));
  fs.renameSync(partial, current);
  for (const other of fs.readdirSync(cacheDir)) {
    try {
      const full = path.join(cacheDir, other);
      if (other !== name && Date.now() - fs.statSync(full).mtimeMs > PRUNE_AFTER_MS) fs.rmSync(full, { force: true });
    } catch {
      // removed by another start meanwhile
    }
  }
  return file;
}

/** Without a bundle (a checkout this user may not write to), the sources run through tsx, as before. */
function runThroughTsx() {
  process.env.TSX_TSCONFIG_PATH = path.join(root, 'tsconfig.node.json');
  require('tsx/cjs/api').register();
  return import('tsx/esm/api').then(({ register }) => {
    register();
    require(path.join(root, 'src-main', 'cli', 'main.ts'));
  });
}

function cannotStart(error) {
  process.stderr.write(`keyferry: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

/** Whether this user may keep a bundle in the checkout (not when it is read-only or another user's). */
function cacheWritable() {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.accessSync(cacheDir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

let cli;
let started = false;
try {
  cli = upToDate() ?? (cacheWritable() ? bundle() : undefined);
  started = true;
} catch (error) {
  cannotStart(error);
}
if (cli) require(cli);
else if (started) runThroughTsx().catch(cannotStart);
