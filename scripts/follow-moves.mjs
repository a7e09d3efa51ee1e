#!/usr/bin/env node
/**
 * Repairs relative imports after files moved (the folder moves of issue 17 are listed in
 * scripts/moves.txt, one "old new" pair a line; a pair may name a folder). For every TypeScript
 * file under src-main, src-renderer, tests, bench and scripts whose relative import no longer
 * resolves, it resolves the import as it stood before the move and points it at the new place.
 * Run it after a rebase over the moves: `node scripts/follow-moves.mjs` (prints what it changed).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pairs = readFileSync(path.join(root, 'scripts/moves.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split(/\s+/).map((p) => path.join(root, p)));

/** Where an old path lives now (file or anything under a moved folder), or undefined. */
function newPlace(old) {
  for (const [from, to] of pairs) {
    if (old === from) return to;
    if (old.startsWith(from + path.sep)) return path.join(to, path.relative(from, old));
  }
  return undefined;
}
/** Where a present path lived before the moves. */
function oldPlace(now) {
  for (const [from, to] of pairs) {
    if (now === to) return from;
    if (now.startsWith(to + path.sep)) return path.join(from, path.relative(to, now));
  }
  return now;
}
const isFile = (p) => existsSync(p) && statSync(p).isFile();
const walk = (dir) =>
  existsSync(dir)
    ? readdirSync(dir).flatMap((entry) => {
        const full = path.join(dir, entry);
        if (entry === 'node_modules') return [];
        return statSync(full).isDirectory() ? walk(full) : /\.(ts|tsx|mjs)$/.test(entry) ? [full] : [];
      })
    : [];
const SPEC =
  /(\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+|\bvi\.(?:mock|doMock|importActual)\s*\(\s*)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;
const candidates = (base) => [
  [base, 'exact'],
  [`${base}.ts`, 'ext'],
  [`${base}.tsx`, 'ext'],
  [path.join(base, 'index.ts'), 'index'],
];

let changedFiles = 0;
for (const file of ['src-main', 'src-renderer', 'tests', 'bench', 'scripts'].flatMap((d) => walk(path.join(root, d)))) {
  const source = readFileSync(file, 'utf8');
  const dir = path.dirname(file);
  const oldDir = path.dirname(oldPlace(file));
  const out = source.replace(SPEC, (all, lead, quote, spec) => {
    // An import that resolves is left alone (the compiler checks what it imports).
    if (candidates(path.resolve(dir, spec)).some(([c]) => isFile(c))) return all;
    const meant = candidates(path.resolve(oldDir, spec))
      .map(([c, kind]) => [newPlace(c) ?? c, kind])
      .find(([c]) => isFile(c));
    if (!meant) {
      if (oldDir !== dir) console.log(`follow-moves: cannot place ${spec} in ${path.relative(root, file)}`);
      return all;
    }
    const [target, kind] = meant;
    let rel = path
      .relative(dir, kind === 'index' ? path.dirname(target) : target)
      .split(path.sep)
      .join('/');
    if (kind === 'ext') rel = rel.replace(/\.tsx?$/, '');
    if (rel === '') rel = '.';
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${lead}${quote}${rel}${quote}`;
  });
  if (out !== source) {
    writeFileSync(file, out);
    changedFiles += 1;
    console.log(`follow-moves: ${path.relative(root, file)}`);
  }
}
console.log(`follow-moves: ${changedFiles} file(s) changed`);
