/**
 * What the HSM token check destroyed before it was refused: the objects a crashed session left,
 * proven and destroyed (crashed-objects-destroy.ts, journaled `hsm.objects-destroyed`), then a
 * refusal such as HSM_LABEL_TAKEN or HSM_KEY_AMBIGUOUS. The refusal carries it in its values
 * (`destroyedBeforeRefusal`, JSON text), so the CLI and the app say it before the refusal. Zod only:
 * the IPC contract and the renderer read it too.
 */
import { z } from 'zod';
import { TOKEN_OBJECT_CLASSES } from '../../hsm/token-object-class';
import { PROBLEM_TEXT_MAX } from '../../problem-limits';

/** The name of the refusal's value that carries it. */
export const DESTROYED_BEFORE_REFUSAL = 'destroyedBeforeRefusal';

const destroyedBeforeRefusalSchema = z.strictObject({
  tokenLabel: z.string().max(64),
  tokenSerial: z.string().max(64),
  /** The `hsm.objects-destroyed` journal entries that recorded the destruction. */
  entries: z.array(z.number().int().nonnegative()).min(1),
  /** How many objects were destroyed: more than `objects` names when all their names would not fit. */
  count: z.number().int().positive(),
  objects: z.array(
    z.strictObject({
      label: z.string().max(256),
      objectClass: z.enum(TOKEN_OBJECT_CLASSES),
      objectId: z.string().max(512),
    }),
  ),
});
export type DestroyedBeforeRefusal = z.output<typeof destroyedBeforeRefusalSchema>;

/** The value a refusal carries: every object named as long as they fit in one problem value (thousands do), and the count of all. */
export function destroyedBeforeRefusalValue(destroyed: DestroyedBeforeRefusal): string {
  const objects = [...destroyed.objects];
  let text = JSON.stringify({ ...destroyed, objects });
  while (text.length > PROBLEM_TEXT_MAX && objects.length > 0) {
    objects.pop();
    text = JSON.stringify({ ...destroyed, objects });
  }
  return text;
}

/** What a refusal's `values` say was destroyed before it; null when they say nothing of it (or nothing readable). */
export function destroyedBeforeRefusal(
  values: Readonly<Record<string, unknown>> | undefined,
): DestroyedBeforeRefusal | null {
  const text = values?.[DESTROYED_BEFORE_REFUSAL];
  if (typeof text !== 'string') return null;
  try {
    const parsed = destroyedBeforeRefusalSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
