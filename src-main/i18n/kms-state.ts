/**
 * KMS key states inside sentences and tables. A catalogue text names a state through the one
 * `KEY_STATE` select (catalogues/{en,zh-CN}/kms.ts: the console's labels 等待导入, 启用 …; `kms.state` is that select on
 * its own), so its value is the KMS's state NUMBER ("5"), never the KMS's English name: show a
 * state with `kmsStateText`. Journals written before 2026-12-02 hold the name ("Pending
 * import") in `proof.key.notEnabled`: `currentPhrase` reads those as today's numbers, so an old
 * journal still prints the state in the reader's language. Renderer-safe: imports nothing but a type.
 */
import type { Translator } from './translate';
import { KMS_STATE_NAMES } from './kms-state-names';

export { KMS_STATE_NAMES };

/** The states as the KMS's answers write them (`key_state`: "1" … "7"), for the answer schemas. */
export const KMS_STATE_WIRE = Object.keys(KMS_STATE_NAMES) as [KmsStateWire, ...KmsStateWire[]];
type KmsStateWire = `${keyof typeof KMS_STATE_NAMES}`;

/** A KMS state (its number, or its name as KmsKeyInfo.stateName and journals hold it) in `tr`'s language; an unknown name as it is. */
export function kmsStateText(tr: Pick<Translator, 't'>, state: number | string): string {
  const number = typeof state === 'number' ? String(state) : /^\d+$/.test(state) ? state : kmsStateNumber(state);
  return /^\d+$/.test(number) ? tr.t('kms.state', { state: number }) : String(state);
}

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
