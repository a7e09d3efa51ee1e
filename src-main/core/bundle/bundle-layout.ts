/**
 * Where each file of a bundle lives. The layout is fixed by the format: every key's files sit in
 * `keys/<keyId>/` under the console's own file names, so a person can finish by hand too.
 */
import { KEY_SPEC_INFO, type KeySpec } from '../crypto/key-spec';
import { KEYS_FOLDER, MANIFEST_FILE, README_FILE } from './bundle-limits';
import { KeyferryError } from '../errors';

export const IMPORT_PARAMETER_FILES = {
  publicKeyBin: 'PublicKey.bin',
  publicKeyB64: 'PublicKey.b64',
  importToken: 'ImportToken.b64',
} as const;

export const WRAPPED_MATERIAL_FILES = {
  encryptedKeyMaterial: 'EncryptedKeyMaterial.bin',
  publicKey: 'public_key.der',
} as const;

/** `keys/<keyId>/<fileName>`, always with forward slashes. */
export function keyFilePath(keyId: string, fileName: string): string {
  return `${KEYS_FOLDER}/${keyId}/${fileName}`;
}

/** The files an import-parameters bundle holds besides its manifest. */
export function importParametersFileNames(keyIds: readonly string[]): string[] {
  return [README_FILE, ...keyIds.flatMap((id) => Object.values(IMPORT_PARAMETER_FILES).map((f) => keyFilePath(id, f)))];
}

/** The files a wrapped-material bundle holds besides its manifest. */
export function wrappedMaterialFileNames(keys: readonly { keyId: string; keySpec: KeySpec }[]): string[] {
  return [
    README_FILE,
    ...keys.flatMap(({ keyId, keySpec }) => {
      const privateKeyFile = KEY_SPEC_INFO[keySpec].wrappedPrivateKeyFile;
      const names = [keyFilePath(keyId, WRAPPED_MATERIAL_FILES.encryptedKeyMaterial)];
      if (privateKeyFile)
        names.push(keyFilePath(keyId, privateKeyFile), keyFilePath(keyId, WRAPPED_MATERIAL_FILES.publicKey));
      return names;
    }),
  ];
}

/**
 * Every folder the given file names need, parents first (e.g. `keys`, `keys/<id>`), then by name
 * in code-unit order (names are ASCII letters, digits, `.`, `_` and `-`: no collation needed, and
 * localeCompare cost about 0.1 ms a comparison for a hundred folders).
 */
export function foldersOf(fileNames: readonly string[]): string[] {
  const depths = new Map<string, number>();
  for (const name of fileNames) {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) depths.set(parts.slice(0, i).join('/'), i);
  }
  return [...depths.keys()].sort((a, b) => (depths.get(a) ?? 0) - (depths.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Refuses a manifest file name that could leave the bundle folder or mean different things on
 * different systems: absolute, `..`, `.`, empty segments, backslashes, NUL, drive letters, odd characters.
 * One rule covers them all: every segment is non-empty, neither `.` nor `..`, and only ASCII letters,
 * digits, `.`, `_` and `-` (an empty name or a leading `/` makes an empty segment; a backslash, NUL or
 * drive letter's colon is not among those characters).
 */
export function assertSafeRelativeName(name: string): void {
  const unsafe = name
    .split('/')
    .some((part) => part === '' || part === '.' || part === '..' || !/^[A-Za-z0-9._-]+$/.test(part));
  if (unsafe) {
    throw new KeyferryError('BUNDLE_UNSAFE_PATH', { name: JSON.stringify(name) });
  }
  if (name === MANIFEST_FILE) {
    throw new KeyferryError('BUNDLE_MANIFEST_LISTS_ITSELF', { file: MANIFEST_FILE });
  }
}
