/**
 * The pseudo-locale (en-XA): every literal of an English ICU message gets accented letters and
 * ⟦…⟧ brackets; placeholders, plural and select syntax stay intact. Text on screen that still has
 * plain ASCII words outside a value did not come from the catalogue.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'áƀçđéƒĝĥíĵķĺɱñóƥʠŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤɊŔŠŢÚṼŴẊÝŽ'][i]!,
  ]),
);

/** Accents every ASCII letter of `text`. */
function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c);
}

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([k, o]) => [k, { ...o, value: pseudoElements(o.value) }]),
      );
      return { ...element, options };
    }
    return element;
  });
}

/** The pseudo-locale form of an English ICU message, as a parsed message (AST). */
export function pseudoMessage(english: string): MessageFormatElement[] {
  const open: MessageFormatElement = { type: TYPE.literal, value: '⟦' };
  const close: MessageFormatElement = { type: TYPE.literal, value: '⟧' };
  return [open, ...pseudoElements(parse(english, { ignoreTag: true })), close];
}
