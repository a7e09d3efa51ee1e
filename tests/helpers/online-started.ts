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
