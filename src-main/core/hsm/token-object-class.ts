/**
 * The PKCS#11 object classes a ceremony generates in a token, as journaled (the codes, never
 * translated), and how OpenSC's `pkcs11-tool --type` names each. Imports nothing: the app's IPC
 * schemas take the list too.
 */
export const TOKEN_OBJECT_CLASSES = ['CKO_SECRET_KEY', 'CKO_PRIVATE_KEY', 'CKO_PUBLIC_KEY'] as const;
export type TokenObjectClass = (typeof TOKEN_OBJECT_CLASSES)[number];

const PKCS11_TOOL_TYPE: Readonly<Record<TokenObjectClass, string>> = {
  CKO_SECRET_KEY: 'secrkey',
  CKO_PRIVATE_KEY: 'privkey',
  CKO_PUBLIC_KEY: 'pubkey',
};

/** `pkcs11-tool --type` of `objectClass`. */
export function pkcs11ToolType(objectClass: TokenObjectClass): string {
  return PKCS11_TOOL_TYPE[objectClass];
}
