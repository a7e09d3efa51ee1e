/**
 * Import parameters from the console's raw files, for a ceremony that did not start with an
 * import-parameters bundle: the wrapping key downloaded as `wrappingKey_<KeyID>` (DER), or the
 * guide's PublicKey.bin (DER) or PublicKey.b64 (base64 text, also accepted as PEM).
 */
import { parseKeySpec, parseWrappingAlgorithm } from '../crypto/key-spec';
import { KeyferryError } from '../errors';
import { isCanonicalBase64 } from './manifest-common';
import { importTokenSha256, parseImportTokenText, parseKeyId, type ImportParameters } from './import-parameters';
import { checkWrappingPublicKey } from './wrapping-public-key';

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

const MAX_WRAPPING_KEY_FILE = 64 * 1024;

function unreadable(message: string): KeyferryError {
  return new KeyferryError(
    'CONSOLE_WRAPPING_KEY_INVALID',
    message,
    'Pick the wrapping key file the console downloaded (wrappingKey_<KeyID>), or PublicKey.bin / PublicKey.b64.',
  );
}

/** The DER inside a wrapping key file: raw DER, or base64 text (optionally PEM-armoured). */
function wrappingKeyDer(file: Uint8Array): Buffer {
  const bytes = Buffer.from(file);
  if (bytes.length === 0 || bytes.length > MAX_WRAPPING_KEY_FILE) {
    throw unreadable(`The wrapping key file is ${bytes.length} bytes, which cannot be a wrapping key.`);
  }
  if (bytes[0] === 0x30) return bytes;
  if (!/^[\x20-\x7e\r\n\t]*$/.test(bytes.toString('latin1'))) {
    throw unreadable('The wrapping key file is neither DER nor base64 text.');
  }
  const text = bytes
    .toString('ascii')
    .replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '')
    .replace(/\s+/g, '');
  if (!isCanonicalBase64(text)) throw unreadable('The wrapping key file is neither DER nor canonical base64 text.');
  return Buffer.from(text, 'base64');
}

/**
 * Builds the same ImportParameters a bundle yields from the console's files and the values a
 * person reads off the console (key id, spec, wrapping algorithm).
 */
export function importParametersFromConsoleFiles(input: ConsoleFilesInput): ImportParameters {
  const keyId = parseKeyId(input.keyId);
  const keySpec = parseKeySpec(input.keySpec);
  const wrappingAlgorithm = parseWrappingAlgorithm(input.wrappingAlgorithm);
  const wrappingKey = checkWrappingPublicKey(wrappingKeyDer(input.wrappingKeyFile), 'The wrapping key file', 'CONSOLE_WRAPPING_KEY_INVALID');
  const token = input.importToken === undefined || input.importToken.trim() === '' ? null : parseImportTokenText(input.importToken);
  return {
    keyId,
    keySpec,
    wrappingAlgorithm,
    wrappingKey,
    origin: { kind: 'console-files' },
    importToken: token === null ? null : { keyId, value: token, sha256: importTokenSha256(token), expiry: null },
  };
}
