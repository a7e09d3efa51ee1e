/**
 * Every catalogue key is used: its text is shown somewhere, or it is listed below as reserved on
 * purpose. A dead key is a text translators keep paying for and reviewers trust to be on screen.
 * "Used" means the source (src-main, src-renderer; catalogues left out) names the key in quotes,
 * names the problem or progress code it belongs to, or builds it from a template whose fixed
 * start it begins with (`dialog.pick.${purpose}`, `receipt.role.${role}`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src-main/i18n/catalogues/en';

const ROOT = path.resolve(__dirname, '../..');

/** Keys no source names today, kept on purpose (say why). */
const RESERVED: Readonly<Record<string, string>> = {};

function sourceText(dir: string): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== 'catalogues') text += sourceText(file);
    } else if (/\.tsx?$/.test(name)) text += `${readFileSync(file, 'utf8')}\n`;
  }
  return text;
}

const SOURCE = sourceText(path.join(ROOT, 'src-main')) + sourceText(path.join(ROOT, 'src-renderer'));
const QUOTED = new Set([...SOURCE.matchAll(/['"`]([\w.:@/-]+)['"`]/g)].map((m) => m[1]));
/**
 * The fixed start of every template literal that builds a key: `receipt.role.${…}` gives
 * `receipt.role.`. Problems, progress and warnings are built from any code (`problem.${code}`):
 * their keys count only when the code itself is named.
 */
const TEMPLATE_STARTS = [...SOURCE.matchAll(/`([a-z][\w.-]*\.)\$\{/g)]
  .map((m) => m[1] as string)
  .filter((start) => start !== 'problem.' && start !== 'progress.' && start !== 'warning.');

/**
 * A FieldRow (src-renderer/components/FieldRow.tsx) given `text="X"`, or a PathAction given the row
 * `row={{ …, text: 'X', … }}`, shows `X` and, as its hint, `X.hint`.
 */
const ROW_HINTS = new Set(
  [...SOURCE.matchAll(/<FieldRow\b[^>]*?\btext="([\w.-]+)"|<PathAction\s+row=\{\{[^}]*?\btext: '([\w.-]+)'/g)].map(
    (m) => `${m[1] ?? m[2]}.hint`,
  ),
);

function used(key: string): boolean {
  if (QUOTED.has(key) || ROW_HINTS.has(key)) return true;
  const code = /^(?:problem|progress|warning)\.(.+?)(?:\.next)?$/.exec(key)?.[1];
  if (code !== undefined && QUOTED.has(code)) return true;
  return TEMPLATE_STARTS.some((start) => key.startsWith(start));
}

describe('catalogue keys', () => {
  it('are each used by the source, or reserved with a reason', () => {
    const unused = Object.keys(en).filter((key) => !used(key) && !(key in RESERVED));
    expect(unused).toEqual([]);
  });

  it('reserve only keys that exist and are really unused', () => {
    for (const key of Object.keys(RESERVED)) {
      expect(key in en, key).toBe(true);
      expect(used(key), key).toBe(false);
    }
  });

  it('notices a key nothing names', () => {
    expect(used('params.title')).toBe(true);
    expect(used('dialog.pick.plan-file')).toBe(true);
    expect(used('wrap.folder.hint')).toBe(true); // shown by <FieldRow text="wrap.folder" …/> only
    expect(used('params.no-such-text-anywhere')).toBe(false);
    expect(used('problem.NO_SUCH_CODE_ANYWHERE')).toBe(false);
    expect(used('warning.NO_SUCH_CODE_ANYWHERE')).toBe(false);
  });
});
