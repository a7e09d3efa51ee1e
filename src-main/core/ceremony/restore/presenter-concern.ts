/**
 * What is out of the ordinary about who handed a share over at a restore (presenters.ts): one
 * source for the journal, the IPC contract and the screens. Renderer-safe: types only.
 */
import type { CeremonyRole } from '../shared/ceremony-role';

/** Not the share's recorded custodian, and the presenter's role in the ceremony (shared/ceremony-role.ts). */
export interface PresenterConcern {
  readonly notCustodian: boolean;
  readonly role: CeremonyRole;
}
