/**
 * The message catalogues and the types derived from them. `en` is the source: its keys are the
 * only keys (`MessageKey`), and the values a key needs are read from its English text
 * (`MessageValues`, from the table ./message-values.ts that `npx tsx scripts/message-values.ts`
 * writes from the English catalogue; tests/i18n/message-values.test.ts fails when it is out of
 * date). Every other catalogue must have exactly the same keys (type-checked) and the same
 * placeholders (tests/i18n/catalogue-completeness.test.ts).
 *
 * A problem (KeyferryError) with code `C` has two texts: `problem.C` (what went wrong) and
 * `problem.C.next` (what to do next). A progress line with code `P` is `progress.P`.
 */
import { en } from './catalogues/en';
import type { MessageValueTable, ProblemValueTable } from './message-values';

export type MessageKey = keyof typeof en;
/** A catalogue for one language: every key, nothing more. */
export type Catalogue = { readonly [K in MessageKey]: string };

/**
 * The values message `K` needs (none when its table row is `NoValues`). When `K cannot be used to
 * index type MessageValueTable` (or ProblemValueTable, below), the English catalogue has keys the
 * table does not: run `npx tsx scripts/message-values.ts` and commit src-main/i18n/message-values.ts.
 */
export type MessageValues<K extends MessageKey> = MessageValueTable[NoInfer<K>];

/** `t(key)` when the message needs no values (or only optional ones: a problem's `surface`), `t(key, values)` when it does. */
export type ValuesArg<K extends MessageKey> = keyof MessageValues<K> extends never
  ? [values?: Readonly<Record<string, never>>]
  : Record<string, never> extends MessageValues<K>
    ? [values?: MessageValues<K>]
    : [values: MessageValues<K>];

/** Every problem code that has its texts in the catalogue. */
export type ProblemCode = MessageKey extends infer K ? (K extends `problem.${infer C}.next` ? C : never) : never;
/** The values a problem needs: those of its message and of its next step together. */
export type ProblemValues<C extends ProblemCode> = ProblemValueTable[NoInfer<C>];

/** Every progress code that has its text in the catalogue. */
export type ProgressCode = MessageKey extends infer K ? (K extends `progress.${infer P}` ? P : never) : never;
export type ProgressValues<P extends ProgressCode> = MessageValues<`progress.${P}` & MessageKey>;

/** Values as they cross IPC or sit in a journal: strings and numbers (dates as epoch ms). */
export type PlainValues = Readonly<Record<string, string | number>>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function isProblemCode(code: string): code is ProblemCode {
  return isMessageKey(`problem.${code}`) && isMessageKey(`problem.${code}.next`);
}

export function isProgressCode(code: string): code is ProgressCode {
  return isMessageKey(`progress.${code}`);
}
