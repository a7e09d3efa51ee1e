/**
 * The shape of a phrase ({key, values}) as zod sees it, with the key's check left to the caller:
 * main checks the key against the catalogue (`phraseSchema` in phrase.ts), the IPC contract, which
 * the renderer compiles and which imports zod only, checks its shape (`ipcPhraseSchema`).
 */
import { z } from 'zod';

/** A phrase's values: plain strings and numbers by placeholder name. */
const phraseValuesSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export function phraseShape<K extends z.ZodType<string>>(key: K) {
  return z.object({ key, values: phraseValuesSchema.optional() }).strict();
}
