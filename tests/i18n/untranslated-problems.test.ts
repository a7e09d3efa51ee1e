/**
 * How many problem sites in src-main still pass finished English sentences instead of a
 * catalogue code and values. The ceiling only goes down: convert a site, then lower it.
 * `KEYFERRY_LIST_UNTRANSLATED=1 npx vitest run tests/i18n/untranslated-problems.test.ts` lists them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../src-main');
/** Sites left to convert when this ceiling was last lowered. */
const CEILING = 0;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * A legacy site: `new KeyferryError(code, 'sentence' …)` / `new KmsError(code, 'sentence' …)`, or a
 * local helper (refuse, invalid, bundleRefused, kmsClientError, typo, fail) called with a sentence.
 */
const LEGACY = [
  /new (?:KeyferryError|KmsError)\(\s*[^,()]+,\s*[`'"]/g,
  /\b(?:refuse|invalid|bundleRefused|kmsClientError|typo|fail|badArguments)\(\s*(?:'[A-Z][\w.]*',\s*)?[`'"][^`'"]*[a-z]{3,}[^`'"]*[`'"]/g,
];

function untranslatedProblemSites(): string[] {
  const sites = new Set<string>();
  for (const file of sourceFiles(ROOT)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of LEGACY) {
      for (const match of text.matchAll(pattern)) {
        const line = text.slice(0, match.index).split('\n').length;
        sites.add(`${path.relative(ROOT, file)}:${line}`);
      }
    }
  }
  return [...sites].sort();
}

describe('problems still written as English sentences', () => {
  it(`stay at or below the ceiling (${CEILING}) and the ceiling is kept tight`, () => {
    const sites = untranslatedProblemSites();
    if (process.env.KEYFERRY_LIST_UNTRANSLATED) console.log(sites.join('\n'));
    console.log(`untranslated problem sites: ${sites.length}`);
    expect(sites.length).toBeLessThanOrEqual(CEILING);
  });
});
