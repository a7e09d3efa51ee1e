/**
 * The token objects a session generated (a ceremony's material, kept in the token as its custody
 * copy): what names each one (label, CKA_ID, class), recorded the moment it exists, and destroying
 * them again when the ceremony that made them stops before it finished. Each object is destroyed by
 * its own handle in the session that created it, never found again by label: an earlier session of
 * the same ceremony may hold finished objects under the same label and CKA_ID. What cannot be
 * destroyed is named with the `pkcs11-tool` command that removes it by hand.
 */
import { commandLine } from '../shell-command';
import { toProblem, type ProblemDetails } from '../errors';
import { hsmCall } from './hsm-error';
import type { HsmSession } from './hsm-session';
import { pkcs11ToolType, type TokenObjectClass } from './token-object-class';

/** A token object as the journal names it: never its handle, which means nothing outside the session. */
export interface TokenObjectRecord {
  readonly label: string;
  /** CKA_ID, hex. */
  readonly objectId: string;
  readonly objectClass: TokenObjectClass;
}

/** A token object this session generated, with its handle in this session. */
export interface CreatedTokenObject extends TokenObjectRecord {
  readonly handle: Buffer;
}

/** What destroying a session's objects did: destroyed, or left (to delete by hand) with the first problem. */
export interface TokenObjectsDiscarded<R extends TokenObjectRecord = TokenObjectRecord> {
  readonly destroyed: readonly R[];
  readonly left: readonly R[];
  readonly problem: ProblemDetails | null;
}

/** `object` without its handle. */
function withoutHandle<T extends CreatedTokenObject>(object: T): Omit<T, 'handle'> {
  const { handle: _handle, ...record } = object;
  return record;
}

/**
 * Destroys each of `objects` by its handle in `session` (a closed session or a refusing token
 * leaves the rest): what was destroyed, and what is left with the first problem met.
 */
export function destroyTokenObjects<T extends CreatedTokenObject>(
  session: HsmSession,
  objects: readonly T[],
): TokenObjectsDiscarded<Omit<T, 'handle'>> {
  const destroyed: Omit<T, 'handle'>[] = [];
  const left: Omit<T, 'handle'>[] = [];
  let problem: ProblemDetails | null = null;
  for (const object of objects) {
    try {
      hsmCall('discard', () => session.p11.C_DestroyObject(session.handle, object.handle));
      destroyed.push(withoutHandle(object));
    } catch (error) {
      problem ??= toProblem(error);
      left.push(withoutHandle(object));
    }
  }
  return { destroyed, left, problem };
}

/** The `pkcs11-tool` command that deletes `object` from the token labelled `tokenLabel` by hand (it asks for the PIN). */
export function deleteObjectCommand(modulePath: string, tokenLabel: string, object: TokenObjectRecord): string {
  return commandLine([
    'pkcs11-tool',
    '--module',
    modulePath,
    '--token-label',
    tokenLabel,
    '--login',
    '--delete-object',
    '--type',
    pkcs11ToolType(object.objectClass),
    '--id',
    object.objectId,
    '--label',
    object.label,
  ]);
}
