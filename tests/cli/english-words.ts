/**
 * The English left in a text meant to be Chinese: runs of three or more English words, once what
 * is not translated on purpose is taken out (option names, placeholders, command lines, paths,
 * URLs, hex, ids, codes, quoted JSON field names). Used by the zh-CN CLI tests.
 */
const COMMAND_WORDS =
  'online|create-key|params|import|status|delete-material|hsm|info|kms-sim|advance|airgap|wrap|custody|restore|split|rehearse|journal|verify|bundle';

const UNTRANSLATED: readonly RegExp[] = [
  /https?:\/\/\S+/g, // URLs
  /(?:\.{0,2}\/)?[\w.<>-]+(?:\/[\w.<>*-]+)+/g, // paths
  new RegExp(`\\bkeyferry(?:\\s+(?:${COMMAND_WORDS}))*\\b`, 'g'), // command lines
  /--[a-z][a-z0-9-]*(?:=\S*)?/g, // option names
  /"[A-Za-z][\w]*"/g, // quoted field names
  /\b[0-9a-f]{4}(?:\s[0-9a-f]{4})+\b/gi, // grouped hex
];

/** Every run of three or more English words left in `text` (empty when there is none). */
export function englishSentences(text: string): string[] {
  let rest = text;
  for (const pattern of UNTRANSLATED) rest = rest.replace(pattern, ' ');
  return [...rest.matchAll(/\b[A-Za-z][a-z]+(?:[ \t,]+[A-Za-z][a-z]+){2,}\b/g)].map((m) => m[0]);
}
