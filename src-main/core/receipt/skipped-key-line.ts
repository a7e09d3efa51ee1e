/**
 * What a receipt says of a key a checked bundle's import left out (`wrapped-bundle.key-skipped`,
 * online/skipped-keys.ts): which key, of which bundle, why, and the check value of what was left
 * out, every hex value grouped as the receipt prints hex. Not the sentence the screen said then
 * (it ends "the skip is journaled and printed on the receipt"), nor the entry's raw values.
 */
import { z } from 'zod';
import { groupHex } from '../hex-groups';
import type { JsonValue } from '../journal';
import { phrase } from './facts';
import type { ReceiptPhrase } from './language';

const hex = z.string().regex(/^[0-9a-fA-F]+$/);

const skippedKeySchema = z.object({
  folder: z.string().max(4096),
  manifestSha256: hex,
  keyId: z.string().max(64),
  keyCheckValue: hex.nullable(),
  publicKeyFingerprint: hex.nullable(),
  held: z.enum(['same', 'other']),
  heldFromBundle: hex.nullable(),
  importedSeq: z.number().int().nonnegative(),
  reasonPhrase: z.object({ values: z.object({ alias: z.string().max(256), at: z.number() }) }),
});

/** The fields of the entry the line says (all of them). */
const SAID = Object.keys(skippedKeySchema.shape);

/** The receipt's line of a `wrapped-bundle.key-skipped` entry's `data`, or undefined for data it cannot read. */
export function skippedKeyNote(
  data: Readonly<Record<string, JsonValue>>,
): { note: ReceiptPhrase; fields: readonly string[] } | undefined {
  const read = skippedKeySchema.safeParse(data);
  if (!read.success) return undefined;
  const d = read.data;
  const check = d.keyCheckValue ?? d.publicKeyFingerprint;
  return {
    note: phrase('receipt.deviations.keySkipped', {
      alias: d.reasonPhrase.values.alias,
      keyId: d.keyId,
      folder: d.folder,
      bundle: groupHex(d.manifestSha256),
      held: d.held,
      from: d.heldFromBundle ? groupHex(d.heldFromBundle) : '?',
      at: d.reasonPhrase.values.at,
      seq: d.importedSeq,
      check: d.keyCheckValue ? 'kcv' : d.publicKeyFingerprint ? 'publicKey' : 'none',
      value: check ? groupHex(check) : '',
    }),
    fields: SAID,
  };
}
