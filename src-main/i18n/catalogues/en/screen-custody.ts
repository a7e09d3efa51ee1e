/** CustodyScreen: splitting the material among custodians. */
export const enScreenCustody = {
  'custody.split.title': 'Split the material among custodians (optional)',
  'custody.split.intro':
    'Before wrapping, each key’s material can be split into {n} shares, any {m} of which rebuild it. Each custodian’s folder should be on their own media.',
  'custody.split.available-when': 'Available once the material is generated or loaded, before it is wrapped.',
  'custody.split.m': 'Shares needed to rebuild (M)',
  'custody.custodian': 'Custodian {n}',
  'custody.custodian-name': 'Name of custodian {n}',
  'custody.custodian-folder': 'Folder of custodian {n}',
  'custody.add': 'Add a custodian',
  'custody.remove-last': 'Remove the last custodian',
  'custody.same-volume': 'Rehearsal: accept folders on one volume (recorded as a warning)',
  'custody.split.button': 'Split and write the shares',
  'custody.threshold': '{m} of {n} shares rebuild it.',
  'custody.share-for': 'Share {index} for {custodian}:',
  'custody.back-to-wrapping': 'Back to wrapping',
  'custody.restore.heading': 'Restoring from shares',
  'custody.restore.intro':
    'When imported AES material has expired in the KMS, the custodians bring their shares to a custody restore ceremony: the material is rebuilt, proven and wrapped for fresh import parameters of the same key.',
  'custody.restore.open': 'Open the restore ceremony',
  'custody.heading': 'Custody of the key material',
} as const;
