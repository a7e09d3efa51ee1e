/**
 * What the officer chose for an HSM source (module, token, PIN, how keys are found), in a file of
 * its own: the token's opening check (hsm-token-check.ts) and the material source
 * (hsm-material.ts) both take it, and neither imports the other for it.
 */
/** What the operator chose: the module, the token, how keys are found, and the PIN (used once, at login). */
export interface HsmSourceRequest {
  readonly modulePath: string;
  /** Token label or serial number. */
  readonly token: string;
  readonly pin: string;
  /** Use keys already in the token instead of generating: by CKA_LABEL per key id, or by CKA_ID = the key id. */
  readonly existingKeys?: { readonly labels?: Readonly<Record<string, string>>; readonly byKeyId?: boolean };
  /** Rehearsal only: accept a CKM_AES_KEY_WRAP_PAD that zero-fills (journaled as a deviation). */
  readonly acceptZeroFilledPad?: boolean;
  /** Where the officer chose: the CLI's options (the default) or the app's controls, which a refusal's next step names. */
  readonly surface?: HsmChoiceSurface;
}

/** The surface whose controls a refusal's next step names: the CLI's options or the app's. */
type HsmChoiceSurface = 'cli' | 'app';
