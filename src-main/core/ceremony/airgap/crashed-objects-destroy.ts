/**
 * The token objects a session that ended without stopping left (crashed-session-token-objects.ts
 * named them, `hsm.objects-left` for "the process ended without stopping"), destroyed by the next
 * session that logs in to that token: each is proven by the key check value or public key its
 * session journaled (`material.generated`) before it is destroyed (core/hsm/leftover-objects.ts),
 * so a finished session's custody copy under the same label and CKA_ID is never touched. What was
 * destroyed is journaled `hsm.objects-destroyed` (recordedSeq: the `hsm.objects-left` entry that
 * named it; a deviation on the receipt); what cannot be proven is journaled `hsm.objects-left` with
 * the problem HSM_LEFT_OBJECT_UNPROVEN saying why, and stays for the officer to delete by hand. It
 * is journaled so once: a later session that still cannot prove it journals
 * `hsm.objects-still-left` (HSM_LEFT_OBJECT_STILL_UNPROVEN, firstSeq: the entry that first recorded
 * it; a deviation on that session's receipt), never a second `hsm.objects-left` for it.
 */
import { z } from 'zod';
import { KEY_SPECS } from '../../crypto/key-spec';
import { keyIdSchema } from '../../identifiers';
import { KeyferryError, toProblem, type ProblemDetails } from '../../errors';
import { TOKEN_OBJECT_CLASSES } from '../../hsm/token-object-class';
import type { LeftTokenObject } from '../../hsm';
import { problemData, type Journal, type JournalEntry } from '../../journal';
import type { AirGapHsmMaterial } from './hsm-material';
import type { KeyTokenObject } from './token-object-ledger';
import { withDeleteCommands, type TokenObjectsCleanup } from './token-objects-cleanup';

/** A left object with the journal entry that named it. */
interface NamedLeftObject extends LeftTokenObject, KeyTokenObject {
  readonly recordedSeq: number;
}

/** What the next session did with the objects a crashed session left in its token. */
export interface CrashedObjectsCleanup extends Pick<TokenObjectsCleanup, 'tokenLabel' | 'tokenSerial' | 'destroyed'> {
  /** Each object not destroyed, with the `pkcs11-tool` command that deletes it by hand and the problem that says why. */
  readonly unproven: readonly (TokenObjectsCleanup['left'][number] & { readonly problem: ProblemDetails })[];
  /** The `hsm.objects-destroyed` entries that journaled what was destroyed (one per crash entry that named them). */
  readonly destroyedIn: readonly number[];
}

/**
 * A left object as the air-gapped side journals it: its key id is the one `material.generated`
 * recorded, an import-parameters bundle's (or console files') key id, so a KMS key id (keyIdSchema,
 * as the IPC answer's crashedObjects takes it); an entry naming anything else was not written by
 * that side and is not taken as a crashed session's record (nothing of it is destroyed).
 */
const objectSchema = z.object({
  keyId: keyIdSchema,
  label: z.string(),
  objectId: z.string(),
  objectClass: z.enum(TOKEN_OBJECT_CLASSES),
});
const leftSchema = z.object({
  reasonPhrase: z.object({ key: z.literal('journal.reason.ended-without-stop') }),
  hsmTokenSerial: z.string(),
  objects: z.array(objectSchema),
});
const destroyedSchema = z.object({ recordedSeq: z.number(), objects: z.array(objectSchema) });
const unprovenSchema = destroyedSchema.extend({ code: z.literal('HSM_LEFT_OBJECT_UNPROVEN') });
const generatedSchema = z.object({
  spec: z.enum(KEY_SPECS),
  objectLabel: z.string(),
  objectId: z.string(),
  hsmTokenSerial: z.string(),
  keyCheckValue: z.string().nullable(),
  publicKeyFingerprint: z.string().nullable(),
});

const named = (seq: number, o: z.infer<typeof objectSchema>) => `${seq} ${o.objectClass} ${o.objectId} ${o.label}`;

/** The objects crashed sessions left in the token `serial` that no later session destroyed, with their journaled evidence. */
export function crashedLeftObjects(entries: readonly JournalEntry[], serial: string): NamedLeftObject[] {
  const done = new Set(
    entries
      .filter((e) => e.event === 'hsm.objects-destroyed')
      .flatMap((e) => {
        const parsed = destroyedSchema.safeParse(e.data);
        return parsed.success ? parsed.data.objects.map((o) => named(parsed.data.recordedSeq, o)) : [];
      }),
  );
  return entries.flatMap((left, at) => {
    const parsed = left.event === 'hsm.objects-left' ? leftSchema.safeParse(left.data) : null;
    if (!parsed?.success || parsed.data.hsmTokenSerial !== serial) return [];
    // The crashed session's own record of each object: the last before the entry that named it.
    const generated = entries
      .slice(0, at)
      .filter((e) => e.event === 'material.generated')
      .flatMap((e) => {
        const g = generatedSchema.safeParse(e.data);
        return g.success && g.data.hsmTokenSerial === serial ? [g.data] : [];
      });
    return parsed.data.objects
      .filter((o) => !done.has(named(left.seq, o)))
      .flatMap((o) => {
        const g = generated.findLast((r) => r.objectLabel === o.label && r.objectId === o.objectId);
        if (!g) return [];
        return [{ ...o, spec: g.spec, evidence: g.keyCheckValue ?? g.publicKeyFingerprint, recordedSeq: left.seq }];
      });
  });
}

/**
 * Destroys, in `hsm`'s logged-in session, the objects crashed sessions left in its token that are
 * proven to be theirs, and journals what was destroyed and what was not; null when none were left.
 */
export async function destroyCrashedLeftObjects(
  hsm: AirGapHsmMaterial,
  journal: Journal,
  operator: string,
): Promise<CrashedObjectsCleanup | null> {
  const { identity } = hsm.token;
  const left = crashedLeftObjects(journal.entries, identity.serial);
  if (left.length === 0) return null;
  const token = { hsmTokenSerial: identity.serial, hsmTokenLabel: identity.label };
  const destroyed: NamedLeftObject[] = [];
  const unproven: CrashedObjectsCleanup['unproven'][number][] = [];
  for (const object of left) {
    const outcome = hsm.destroyLeftObject(object);
    if (outcome === 'destroyed') destroyed.push(object);
    else if (outcome !== 'gone') {
      const { label, objectId, objectClass, recordedSeq } = object;
      const facts = { label, objectId, objectClass, seq: recordedSeq };
      // Not proven to be the crashed session's (why): journaled as left once, and later only as still there.
      const firstSeq = typeof outcome === 'string' ? firstUnproven(journal.entries, object) : undefined;
      const again: Record<string, number> = firstSeq !== undefined ? { firstSeq } : {};
      // Or the token would not destroy it (its problem).
      const problem =
        typeof outcome !== 'string'
          ? outcome
          : toProblem(
              firstSeq === undefined
                ? new KeyferryError('HSM_LEFT_OBJECT_UNPROVEN', { ...facts, why: outcome })
                : new KeyferryError('HSM_LEFT_OBJECT_STILL_UNPROVEN', { ...facts, why: outcome, firstSeq }),
            );
      const [left] = withDeleteCommands([record(object)], hsm.token.modulePath, identity.label);
      unproven.push({ ...left!, problem });
      await journal.append(operator, firstSeq === undefined ? 'hsm.objects-left' : 'hsm.objects-still-left', {
        ...problemData(problem),
        ...token,
        recordedSeq,
        ...again,
        objects: [{ ...record(object) }],
      });
    }
  }
  const destroyedIn: number[] = [];
  for (const recordedSeq of new Set(destroyed.map((o) => o.recordedSeq))) {
    const entry = await journal.append(operator, 'hsm.objects-destroyed', {
      ...token,
      recordedSeq,
      objects: destroyed.filter((o) => o.recordedSeq === recordedSeq).map((o) => ({ ...record(o) })),
    });
    destroyedIn.push(entry.seq);
  }
  return {
    tokenLabel: identity.label,
    tokenSerial: identity.serial,
    destroyed: destroyed.map(record),
    unproven,
    destroyedIn,
  };
}

/**
 * The entry that first journaled `object` as not proven (`hsm.objects-left` with
 * HSM_LEFT_OBJECT_UNPROVEN, naming the same crash entry), or undefined when none did yet.
 */
function firstUnproven(entries: readonly JournalEntry[], object: NamedLeftObject): number | undefined {
  return entries.find((e) => {
    const parsed = e.event === 'hsm.objects-left' ? unprovenSchema.safeParse(e.data) : null;
    return (
      parsed?.success === true &&
      parsed.data.recordedSeq === object.recordedSeq &&
      parsed.data.objects.some((o) => named(object.recordedSeq, o) === named(object.recordedSeq, object))
    );
  })?.seq;
}

/** What the journal names of a left object: never its evidence or handle. */
function record({ keyId, label, objectId, objectClass }: NamedLeftObject): KeyTokenObject {
  return { keyId, label, objectId, objectClass };
}
