/**
 * When an air-gapped session whose material was generated in an HSM stops before it finished, the
 * token objects it generated hold material that will never be imported (and, left under the
 * ceremony's label, would make a later restore find two objects). The stop destroys them in the
 * still-open session and journals `hsm.objects-destroyed`; what cannot be destroyed is journaled
 * `hsm.objects-left` with the `pkcs11-tool` command that deletes each one by hand. A session that
 * finished destroys nothing: its objects are the custody copy of material on its way to the KMS.
 */
import type { ProblemDetails } from '../../errors';
import { problemData, type Journal } from '../../journal';
import { deleteObjectCommand } from '../../hsm';
import type { AirGapHsmMaterial } from './hsm-material';
import type { KeyTokenObject } from './token-object-ledger';

/** A token object left in the token, with the command that deletes it by hand. */
interface LeftTokenObject extends KeyTokenObject {
  readonly command: string;
}

/** What a stop did with the token objects its session generated. */
export interface TokenObjectsCleanup {
  readonly tokenLabel: string;
  readonly tokenSerial: string;
  readonly destroyed: readonly KeyTokenObject[];
  readonly left: readonly LeftTokenObject[];
  /** Why the objects left could not be destroyed (null: the session that made them ended without stopping). */
  readonly problem: ProblemDetails | null;
}

/** Each of `objects` with its hand-deletion command (`modulePath`, token `tokenLabel`). */
export function withDeleteCommands(
  objects: readonly KeyTokenObject[],
  modulePath: string,
  tokenLabel: string,
): LeftTokenObject[] {
  return objects.map((o) => ({ ...o, command: deleteObjectCommand(modulePath, tokenLabel, o) }));
}

/**
 * Destroys the token objects `hsm` generated in this session (only `keyId`'s when given) and
 * journals what was destroyed and what is left (with the commands); null when there were none.
 */
export async function discardTokenObjectsJournaled(
  hsm: AirGapHsmMaterial,
  journal: Journal,
  operator: string,
  keyId?: string,
): Promise<TokenObjectsCleanup | null> {
  const discarded = hsm.discardCreated(keyId);
  if (!discarded) return null;
  const { identity, modulePath } = hsm.token;
  const token = { hsmTokenSerial: identity.serial, hsmTokenLabel: identity.label };
  const left = withDeleteCommands(discarded.left, modulePath, identity.label);
  if (discarded.destroyed.length > 0)
    await journal.append(operator, 'hsm.objects-destroyed', {
      ...token,
      objects: discarded.destroyed.map((o) => ({ ...o })),
    });
  if (left.length > 0)
    await journal.append(operator, 'hsm.objects-left', {
      ...(discarded.problem ? problemData(discarded.problem) : {}),
      ...token,
      modulePath,
      objects: left.map((o) => ({ ...o })),
    });
  return {
    tokenLabel: identity.label,
    tokenSerial: identity.serial,
    destroyed: discarded.destroyed,
    left,
    problem: discarded.problem,
  };
}
