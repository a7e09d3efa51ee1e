/**
 * What the HSM token check did with the objects a crashed session left before it was refused: those
 * proven and destroyed (crashed-objects-destroy.ts, journaled `hsm.objects-destroyed`) and those
 * left, each with why, then a refusal such as HSM_LABEL_TAKEN (which a left object under the
 * ceremony's label brings) or HSM_KEY_AMBIGUOUS. The refusal carries it in its values
 * (`destroyedBeforeRefusal`, JSON text), so the CLI and the app say it before the refusal. Zod only:
 * the IPC contract and the renderer read it too.
 */
import { z } from 'zod';
import { TOKEN_OBJECT_CLASSES } from '../../hsm/token-object-class';
import { PROBLEM_TEXT_MAX } from '../../problem-limits';

/** The name of the refusal's value that carries it. */
export const DESTROYED_BEFORE_REFUSAL = 'destroyedBeforeRefusal';

const tokenObjectShape = {
  label: z.string().max(256),
  objectClass: z.enum(TOKEN_OBJECT_CLASSES),
  objectId: z.string().max(512),
};

const destroyedBeforeRefusalSchema = z.strictObject({
  tokenLabel: z.string().max(64),
  tokenSerial: z.string().max(64),
  /** The `hsm.objects-destroyed` journal entries that recorded the destruction (none: nothing was destroyed). */
  entries: z.array(z.number().int().nonnegative()),
  /** How many objects were destroyed: more than `objects` names when all their names would not fit. */
  count: z.number().int().nonnegative(),
  objects: z.array(z.strictObject(tokenObjectShape)),
  /**
   * Each object left not destroyed (not proven to be the crashed session's, or the token would not
   * destroy it): why, as a problem's code and values, and the command that deletes it by hand. Absent
   * in refusals journaled before it was carried.
   */
  unproven: z
    .array(
      z.strictObject({
        ...tokenObjectShape,
        command: z.string().max(4096),
        problem: z.strictObject({
          code: z.string().max(80),
          values: z.record(z.string(), z.union([z.string(), z.number()])),
        }),
      }),
    )
    .default([]),
});
export type DestroyedBeforeRefusal = z.output<typeof destroyedBeforeRefusalSchema>;

/**
 * The value a refusal carries: every object named as long as they fit in one problem value (thousands
 * do), and the count of those destroyed; past that, destroyed objects' names go first (the count
 * says them), then objects left (each left one is also in the token, named by the refusal itself).
 */
export function destroyedBeforeRefusalValue(destroyed: z.input<typeof destroyedBeforeRefusalSchema>): string {
  const objects = [...destroyed.objects];
  const unproven = [...(destroyed.unproven ?? [])];
  let text = JSON.stringify({ ...destroyed, objects, unproven });
  while (text.length > PROBLEM_TEXT_MAX && objects.length + unproven.length > 0) {
    if (objects.length > 0) objects.pop();
    else unproven.pop();
    text = JSON.stringify({ ...destroyed, objects, unproven });
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
