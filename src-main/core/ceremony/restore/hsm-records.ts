/**
 * What the air-gapped journal recorded of HSM material, for a restore from the token: for every
 * key of the fresh bundle, the token object (label), the token's serial and the check value
 * (AES key check value, or the public key's SHA-256) that the air-gapped ceremony journaled when
 * it generated or chose the key in the HSM. The journal is read as written: its hash chain is
 * verified and every fact used is schema-checked, since a restore re-wraps whatever it names.
 */
import path from 'node:path';
import { z } from 'zod';
import type { ImportParameters } from '../../bundle';
import { KEY_SPECS } from '../../crypto/key-spec';
import { phraseValue } from '../../../i18n/phrase';
import { KeyferryError } from '../../errors';
import { keyIdSchema } from '../../identifiers';
import type { JournalEntry } from '../../journal';
import { inspectJournal, readJournalFile } from '../../journal/verify';
import type { RecordedHsmObject } from '../airgap/hsm-material-summary';

const HSM_MATERIAL_EVENTS = new Set(['material.generated', 'material.hsm-selected', 'material.hsm-recalled']);

const recordedSchema = z.object({
  keyId: keyIdSchema,
  spec: z.enum(KEY_SPECS),
  source: z.literal('hsm'),
  objectLabel: z.string().min(1).max(256),
  hsmTokenSerial: z.string().max(64),
  keyCheckValue: z
    .string()
    .regex(/^[0-9A-Fa-f]{6,64}$/)
    .nullable(),
  publicKeyFingerprint: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
});

/** The verified entries of the air-gapped journal at `file`; refuses one whose chain does not hold. */
export async function readAirGapJournal(file: string): Promise<readonly JournalEntry[]> {
  const { verification, entries } = inspectJournal(await readJournalFile(file));
  if (!verification.ok) {
    throw new KeyferryError('HSM_RESTORE_JOURNAL_INVALID', {
      file,
      line: verification.line,
      reasonPhrase: phraseValue(verification.reason),
    });
  }
  return entries;
}

/**
 * For each key of `keys`, the last HSM object `entries` record for it, with the same spec. Refuses
 * (HSM_RESTORE_NOT_RECORDED) a key the journal has no HSM record of.
 */
export function recordedHsmObjects(
  entries: readonly JournalEntry[],
  keys: readonly Pick<ImportParameters, 'keyId' | 'keySpec'>[],
  journalFile: string,
): RecordedHsmObject[] {
  return keys.map((key): RecordedHsmObject => {
    for (const entry of [...entries].reverse()) {
      if (!HSM_MATERIAL_EVENTS.has(entry.event) || entry.data.keyId !== key.keyId) continue;
      const parsed = recordedSchema.safeParse(entry.data);
      if (!parsed.success || parsed.data.spec !== key.keySpec) continue;
      const d = parsed.data;
      if ((d.keyCheckValue === null) === (d.publicKeyFingerprint === null)) continue;
      return {
        keyId: d.keyId,
        spec: d.spec,
        objectLabel: d.objectLabel,
        tokenSerial: d.hsmTokenSerial,
        keyCheckValue: d.keyCheckValue,
        publicKeyFingerprint: d.publicKeyFingerprint,
        seq: entry.seq,
      };
    }
    throw new KeyferryError('HSM_RESTORE_NOT_RECORDED', { keyId: key.keyId, journal: path.basename(journalFile) });
  });
}
