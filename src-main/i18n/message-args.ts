/**
 * The values an ICU message needs, worked out by the type checker from the message text itself,
 * so `t('key', values)` fails to compile when a value is missing, misspelt or of the wrong kind.
 *
 * Understood: `{name}` (string or number), `{n, number}` and `{n, plural, …}` / `{n, selectordinal, …}`
 * (number), `{d, date}` / `{d, time}` (Date or epoch milliseconds), `{x, select, …}` (string).
 * Arguments nested inside plural/select branches are found too. Quoting (`'{'`) is not understood:
 * catalogue texts do not use it.
 */

type Space = ' ' | '\n' | '\t';
type TrimLeft<S extends string> = S extends `${Space}${infer R}` ? TrimLeft<R> : S;
type TrimRight<S extends string> = S extends `${infer R}${Space}` ? TrimRight<R> : S;
type Trim<S extends string> = TrimLeft<TrimRight<S>>;

type WordChar =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'u'
  | 'v'
  | 'w'
  | 'x'
  | 'y'
  | 'z'
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G'
  | 'H'
  | 'I'
  | 'J'
  | 'K'
  | 'L'
  | 'M'
  | 'N'
  | 'O'
  | 'P'
  | 'Q'
  | 'R'
  | 'S'
  | 'T'
  | 'U'
  | 'V'
  | 'W'
  | 'X'
  | 'Y'
  | 'Z'
  | '0'
  | '1'
  | '2'
  | '3'
  | '4'
  | '5'
  | '6'
  | '7'
  | '8'
  | '9'
  | '_';
type IsWord<S extends string> = S extends ''
  ? false
  : S extends `${WordChar}${infer R}`
    ? R extends ''
      ? true
      : IsWord<R>
    : false;

/** What a value of each ICU argument kind may be. */
interface ArgKinds {
  plain: string | number;
  number: number;
  date: Date | number;
  select: string;
}
type KindOf<T extends string> = T extends 'number' | 'plural' | 'selectordinal'
  ? 'number'
  : T extends 'date' | 'time'
    ? 'date'
    : T extends 'select'
      ? 'select'
      : 'plain';

type ArgHead<R extends string> = R extends `${infer Name}}${infer After}`
  ? IsWord<Trim<Name>> extends true
    ? { name: Trim<Name>; kind: 'plain'; branches: false; rest: After }
    : ArgWithType<R>
  : ArgWithType<R>;
type ArgWithType<R extends string> = R extends `${infer Name},${infer After}`
  ? IsWord<Trim<Name>> extends true
    ? After extends `${infer Type},${infer Branches}`
      ? Trim<Type> extends 'plural' | 'select' | 'selectordinal'
        ? { name: Trim<Name>; kind: KindOf<Trim<Type>>; branches: true; rest: Branches }
        : WithStyle<Trim<Name>, After>
      : WithStyle<Trim<Name>, After>
    : never
  : never;
type WithStyle<Name extends string, After extends string> = After extends `${infer Type}}${infer Rest}`
  ? { name: Name; kind: KindOf<Trim<Type extends `${infer T},${string}` ? T : Type>>; branches: false; rest: Rest }
  : never;

/**
 * Arguments found in `S`, as a union of `[name, kind]`. `Stack` says where the scan is: at the
 * top (empty), inside a branch's text ('T': a `}` ends it) or in a plural/select branch list
 * ('B': `selector {` opens a branch, `}` closes the argument).
 */
type Scan<S extends string, Stack extends ('T' | 'B')[] = [], Acc = never> = Stack extends [
  'B',
  ...infer Up extends ('T' | 'B')[],
]
  ? TrimLeft<S> extends `}${infer Rest}`
    ? Scan<Rest, Up, Acc>
    : S extends `${string}{${infer Rest}`
      ? Scan<Rest, ['T', ...Stack], Acc>
      : Acc
  : S extends `${infer Pre}{${infer Rest}`
    ? Pre extends `${string}}${string}`
      ? CloseBranch<S, Stack, Acc>
      : ArgHead<Rest> extends { name: infer N; kind: infer K; branches: infer B; rest: infer R extends string }
        ? B extends true
          ? Scan<R, ['B', ...Stack], Acc | [N, K]>
          : Scan<R, Stack, Acc | [N, K]>
        : Scan<Rest, Stack, Acc>
    : CloseBranch<S, Stack, Acc>;
type CloseBranch<S extends string, Stack extends ('T' | 'B')[], Acc> = S extends `${string}}${infer Rest}`
  ? Scan<Rest, Stack extends ['T', ...infer Up extends ('T' | 'B')[]] ? Up : Stack, Acc>
  : Acc;

type Narrowest<K> = 'number' extends K ? 'number' : 'date' extends K ? 'date' : 'select' extends K ? 'select' : 'plain';
type ArgsRecord<A> = {
  [P in A extends [infer N extends string, unknown] ? N : never]: ArgKinds[Narrowest<
    A extends [P, infer K extends keyof ArgKinds] ? K : never
  >];
};

/** The values message text `S` needs: `{}` when it has no arguments. */
export type MessageArgs<S extends string> = ArgsRecord<Scan<S>>;
