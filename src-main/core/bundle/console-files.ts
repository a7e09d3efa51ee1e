/**
 * Import parameters from the console's raw files, for a ceremony that did not start with an
 * import-parameters bundle: the wrapping key downloaded as `wrappingKey_<KeyID>` (DER), or the
 * guide's PublicKey.bin (DER) or PublicKey.b64 (base64 text, also accepted as PEM).
 */
import { parseKeySpec, parseWrappingAlgorithm } from '../crypto/key-spec';
import { importTokenSha256, parseImportTokenText, parseKeyId, type ImportParameters } from './import-parameters';
import { requireImportableWrappingKey, wrappingKeyFromFile } from './wrapping-public-key';

export interface ConsoleFilesInput {
  /** Bytes of `wrappingKey_<KeyID>`, PublicKey.bin or PublicKey.b64. */
  readonly wrappingKeyFile: Uint8Array;
  readonly keyId: string;
  readonly keySpec: string;
  readonly wrappingAlgorithm: string;
  /**
   * The import token text (ImportToken.b64), when the parameters were fetched by API. Leave it
   * out for the console wizard: it passes the token itself, and the result has `importToken: null`.
   */
  readonly importToken?: string;
}

/**
 * Builds the same ImportParameters a bundle yields from the console's files and the values a
 * person reads off the console (key id, spec, wrapping algorithm).
 */
export function importParametersFromConsoleFiles(input: ConsoleFilesInput): ImportParameters {
  const keyId = parseKeyId(input.keyId);
  const keySpec = parseKeySpec(input.keySpec);
  const wrappingAlgorithm = parseWrappingAlgorithm(input.wrappingAlgorithm);
  const wrappingKey = wrappingKeyFromFile(input.wrappingKeyFile);
  requireImportableWrappingKey({ keyId }, wrappingKey);
  const token =
    input.importToken === undefined || input.importToken.trim() === '' ? null : parseImportTokenText(input.importToken);
  return {
    keyId,
    keySpec,
    wrappingAlgorithm,
    wrappingKey,
    origin: { kind: 'console-files' },
    importToken: token === null ? null : { keyId, value: token, sha256: importTokenSha256(token), expiry: null },
  };
}
