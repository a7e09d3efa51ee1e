/**
 * No message renders two spaces between words: a space written both before and inside an optional
 * part (`failed. {left, plural, =0 {} other { Could not…}}`) printed "failed.  Could not" on the line
 * a custody split says it stopped on. Every message of both catalogues is walked over every choice of
 * its selects and plurals (a value chosen once is chosen alike wherever the message uses it again),
 * each value standing for a word. Spaces a message writes itself in one run of text (a table's
 * columns, a line's indent) are its layout and are left alone.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { en } from '../../src-main/i18n/catalogues/en';
import { zhCN } from '../../src-main/i18n/catalogues/zh-CN';

/** Two or more spaces between two visible characters (not a line's indent). */
const DOUBLE = /\S {2,}\S/;

/** A rendering so far: its text (long ones kept by their ends, where the next part joins) and the choices made. */
interface Rendering {
  readonly text: string;
  readonly chosen: Readonly<Record<string, string>>;
}

const ends = (text: string) => (text.length <= 12 ? text : `${text.slice(0, 5)}…${text.slice(-5)}`);

/** Every way `elements` renders after each of `from`; a double space made where two parts join goes into `found`. */
function render(
  elements: readonly MessageFormatElement[],
  from: readonly Rendering[],
  found: Set<string>,
): Rendering[] {
  let renderings = [...from];
  for (const element of elements) {
    const next = new Map<string, Rendering>();
    const add = (before: Rendering, part: string, chosen = before.chosen) => {
      const text = before.text + part;
      if (before.text.endsWith(' ') && part.startsWith(' ') && DOUBLE.test(text)) found.add(text.slice(-60));
      const kept = { text: ends(text), chosen };
      next.set(JSON.stringify(kept), kept);
    };
    for (const before of renderings) {
      if (element.type === TYPE.literal) add(before, element.value);
      else if (element.type === TYPE.select || element.type === TYPE.plural) {
        const taken = before.chosen[element.value];
        const choices = Object.keys(element.options).filter(
          (c) => taken === undefined || c === taken || (!(taken in element.options) && c === 'other'),
        );
        for (const choice of choices) {
          const chosen = taken === undefined ? { ...before.chosen, [element.value]: choice } : before.chosen;
          const inner = render(element.options[choice]?.value ?? [], [{ text: before.text, chosen }], found);
          for (const after of inner) add({ text: '', chosen: after.chosen }, after.text);
        }
      } else if (element.type === TYPE.tag) {
        for (const after of render(element.children, [before], found))
          add({ text: '', chosen: after.chosen }, after.text);
      } else add(before, 'V');
    }
    renderings = [...next.values()];
  }
  return renderings;
}

describe('spaces in rendered messages', () => {
  it.each([
    ['en', en],
    ['zh-CN', zhCN],
  ] as const)('no %s message puts two spaces between words where its parts join', (_, catalogue) => {
    const doubled: string[] = [];
    for (const [key, text] of Object.entries(catalogue as Readonly<Record<string, string>>)) {
      const found = new Set<string>();
      render(parse(text, { ignoreTag: true }), [{ text: '', chosen: {} }], found);
      for (const at of found) doubled.push(`${key}: …${at}`);
    }
    expect(doubled).toEqual([]);
  });
});
