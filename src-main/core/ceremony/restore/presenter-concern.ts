/**
 * What is out of the ordinary about who handed a share over at a restore (presenters.ts): one
 * source for the journal, the IPC contract and the screens. Renderer-safe: no imports.
 */

/** The presenter's part in the ceremony: its operator, one of its witnesses, or neither. */
export const PRESENTER_ROLES = ['operator', 'witness', 'none'] as const;

/** Not the share's recorded custodian, and the presenter's role in the ceremony. */
export interface PresenterConcern {
  readonly notCustodian: boolean;
  readonly role: (typeof PRESENTER_ROLES)[number];
}
