/**
 * A command line people can paste into a POSIX shell: words quoted only when they need it
 * ('single quotes', with ' written as '\'').
 */

function shellWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `words` joined as one POSIX shell command line. */
export function commandLine(words: readonly string[]): string {
  return words.map(shellWord).join(' ');
}
