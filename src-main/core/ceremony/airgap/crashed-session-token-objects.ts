/**
 * The HSM token objects of an air-gapped session a crash or a power cut ended (unfinished-session.ts):
 * that session generated material in a token (its `material.generated` entries kept in the HSM) and
 * died before a stop could destroy it. The next session has no login to that token (the PIN is never
 * kept), so it cannot destroy them: it journals `hsm.objects-left` naming each object (label, CKA_ID,
 * class) with the `pkcs11-tool` command that deletes it, and says so to the officer. Objects the
 * session's own stop journaled as destroyed, or as left (a stop cut short after it), are not named again. A later session that logs in to
 * that token destroys those it proves were that session's (crashed-objects-destroy.ts).
 */
import { z } from 'zod';
import { phraseOf } from '../../../i18n/phrase';
import { KEY_SPEC_INFO, KEY_SPECS, type KeySpec } from '../../crypto/key-spec';
import { journaledKeyIdSchema } from '../../identifiers';
import type { TokenObjectClass } from '../../hsm';
import type { Journal, JournalEntry } from '../../journal';
import type { KeyTokenObject } from './token-object-ledger';
import { withDeleteCommands, type TokenObjectsCleanup } from './token-objects-cleanup';

const generatedSchema = z.object({
  keyId: journaledKeyIdSchema,
  spec: z.enum(KEY_SPECS),
  objectLabel: z.string(),
  objectId: z.string(),
  hsmTokenSerial: z.string(),
  hsmTokenLabel: z.string(),
  keptInHsm: z.literal(true),
});

const destroyedSchema = z.object({
  objects: z.array(z.object({ objectId: z.string(), objectClass: z.string(), label: z.string() })),
});

/** The object classes generating `spec` makes: one secret key, or a private and a public key. */
function classesOf(spec: KeySpec): readonly TokenObjectClass[] {
  return KEY_SPEC_INFO[spec].kind === 'symmetric' ? ['CKO_SECRET_KEY'] : ['CKO_PRIVATE_KEY', 'CKO_PUBLIC_KEY'];
}

const key = (o: { objectClass: string; objectId: string; label: string }) =>
  `${o.objectClass} ${o.objectId} ${o.label}`;

/**
 * Journals the token objects the crashed `session` (its entries) generated and did not destroy, as
 * `hsm.objects-left` with their hand-deletion commands; undefined when there are none.
 */
export async function crashedSessionTokenObjects(
  session: readonly JournalEntry[],
  journal: Journal,
  operator: string,
  reason: string,
  /** A closing cut short's entries (closing-resume.ts): the objects it journaled left are named, not journaled again. */
  closingDone: readonly JournalEntry[] = [],
): Promise<TokenObjectsCleanup | undefined> {
  const generated = session
    .filter((e) => e.event === 'material.generated')
    .flatMap((e) => {
      const parsed = generatedSchema.safeParse(e.data);
      return parsed.success ? [parsed.data] : [];
    });
  const first = generated[0];
  if (!first) return undefined;
  // Destroyed by its stop, or named by a stop that could not destroy them (a stop cut short after it: stop-cut-short.ts).
  const destroyed = new Set(
    session
      .filter((e) => e.event === 'hsm.objects-destroyed' || e.event === 'hsm.objects-left')
      .flatMap((e) => destroyedSchema.safeParse(e.data).data?.objects ?? [])
      .map(key),
  );
  const objects: KeyTokenObject[] = generated
    .flatMap((g) =>
      classesOf(g.spec).map((objectClass) => ({
        keyId: g.keyId,
        label: g.objectLabel,
        objectId: g.objectId,
        objectClass,
      })),
    )
    .filter((o) => !destroyed.has(key(o)));
  if (objects.length === 0) return undefined;
  const checked = session.findLast((e) => e.event === 'hsm.capability-checked')?.data['modulePath'];
  const modulePath = typeof checked === 'string' ? checked : 'PKCS11-MODULE';
  const left = withDeleteCommands(objects, modulePath, first.hsmTokenLabel);
  if (!closingDone.some((e) => e.event === 'hsm.objects-left'))
    await journal.append(operator, 'hsm.objects-left', {
      reason,
      reasonPhrase: { ...phraseOf('journal.reason.ended-without-stop') },
      hsmTokenSerial: first.hsmTokenSerial,
      hsmTokenLabel: first.hsmTokenLabel,
      modulePath,
      objects: left.map((o) => ({ ...o })),
    });
  return { tokenLabel: first.hsmTokenLabel, tokenSerial: first.hsmTokenSerial, destroyed: [], left, problem: null };
}
