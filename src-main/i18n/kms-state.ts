/**
 * KMS key states inside sentences. A catalogue text names a state through the one `KEY_STATE`
 * select (catalogues/{en,zh-CN}/kms.ts: 待导入, 已启用 …), so its value is the KMS's state NUMBER
 * ("5"), never the KMS's English name. Journals written before 2026-12-02 hold the name ("Pending
 * import") in `proof.key.notEnabled`: `currentPhrase` reads those as today's numbers, so an old
 * journal still prints the state in the reader's language. Renderer-safe: imports nothing.
 */

/** KMS key states as the API numbers and names them (the one table; core/kms/types.ts derives from it). */
export const KMS_STATE_NAMES = {
  1: 'Pending activation',
  2: 'Enabled',
  3: 'Disabled',
  4: 'Pending deletion',
  5: 'Pending import',
} as const;

/** The state number of a KMS state name ("Enabled" → "2"), for the catalogue's select; an unknown name as it is. */
export function kmsStateNumber(name: string): string {
  return Object.entries(KMS_STATE_NAMES).find(([, n]) => n === name)?.[0] ?? name;
}

/** Phrase keys whose `state` value is a KMS key state for the KEY_STATE select. */
const KMS_STATE_PHRASES: ReadonlySet<string> = new Set(['proof.key.notEnabled']);

/** `p` as today's catalogue reads it: a KMS state journaled by name becomes its number; anything else as it is. */
export function currentPhrase<
  P extends { readonly key: string; readonly values?: Readonly<Record<string, string | number>> },
>(p: P): P {
  const state = p.values?.['state'];
  if (!KMS_STATE_PHRASES.has(p.key) || typeof state !== 'string') return p;
  return { ...p, values: { ...p.values, state: kmsStateNumber(state) } };
}
