/** Test helper: the `ceremony.started` entry of an online ceremony (operator Ana, witness Ben, AES never expiring), as [event, data]. */
export function onlineStarted(ceremonyId: string): [string, Record<string, unknown>] {
  return [
    'ceremony.started',
    {
      ceremonyId,
      title: 'T',
      operator: 'Ana',
      witnesses: ['Ben'],
      side: 'online',
      rehearsal: false,
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      expiry: 'never',
    },
  ];
}

/** Test helper: the `wrapped-bundle.checked` entry of a one-key (k1, AES) bundle with `custody`, its folder and digest from `sha` (one hex digit), and the key's KCV (`keyCheckValue`), as [event, data]. */
export function wrappedChecked(
  custody: Record<string, unknown>,
  sha: string,
  keyCheckValue = 'ABCDEF',
): [string, Record<string, unknown>] {
  return [
    'wrapped-bundle.checked',
    {
      folder: `/m/wrapped-${sha}`,
      manifestSha256: sha.repeat(64),
      custody,
      keys: [{ keyId: 'k1', publicKeyFingerprint: null, keyCheckValue }],
    },
  ];
}
