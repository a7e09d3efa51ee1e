/**
 * The key objects a token already holds under a label: what generating under that label would add
 * to (a later lookup by that label, a restore's, would then find several and refuse with
 * HSM_KEY_AMBIGUOUS). Each is named as the journal names a token object: label, CKA_ID, class.
 */
import { CKA, CLASS_CODE } from './attributes';
import { attributes, findObjects } from './hsm-keys';
import type { HsmSession } from './hsm-session';
import { TOKEN_OBJECT_CLASSES } from './token-object-class';
import type { TokenObjectRecord } from './token-objects';

/** Every secret, private and public key object in `session`'s token whose CKA_LABEL is `label`. */
export function keyObjectsLabelled(session: HsmSession, label: string): TokenObjectRecord[] {
  return TOKEN_OBJECT_CLASSES.flatMap((objectClass) =>
    findObjects(session, [
      { type: CKA.CLASS, value: CLASS_CODE[objectClass] },
      { type: CKA.LABEL, value: label },
    ]).map((handle) => ({
      label,
      objectId: (attributes(session, handle, [CKA.ID]).get(CKA.ID) ?? Buffer.alloc(0)).toString('hex'),
      objectClass,
    })),
  );
}
