/** RestoreScreen: the custody restore ceremony. */
export const enScreenRestore = {
  'restore.source.file': 'A share file',
  'restore.source.typed': 'Lines typed from the printed slip',
  'restore.shares.title': 'Custodians present their shares',
  'restore.shares.intro':
    'Each custodian hands over their share file, or reads the lines of their printed slip to be typed in. Each share is checked at once; a refused one is wiped.',
  'restore.presented-by': 'Presented by',
  'restore.presented-by.hint': 'The person handing the share over (the custodian, or someone on their behalf).',
  'restore.several-shares-reason': 'Why one person hands over several shares',
  'restore.several-shares-reason.hint':
    'Leave empty unless it was agreed: M-of-N custody means a different person hands over each share, and a second share from the same person is refused. A reason lets it through; it is journaled as an override and printed on the receipt.',
  'restore.source': 'The share comes as',
  'restore.share-file': 'Share file',
  'restore.slip-lines': 'Slip lines',
  'restore.slip-lines.hint': 'Every line of the slip, each with its check group, as printed.',
  'restore.present': 'Present this share',
  'restore.presented':
    'Share {index} of {total} (any {threshold} rebuild) issued to {custodian}, presented by {presentedBy} ({source, select, file {file} other {typed}}), checksum',
  'restore.rebuild.title': 'Rebuild and prove the material',
  'restore.rebuild.button': 'Rebuild the material',
  'restore.rebuilt-keys':
    'Rebuilt {count, plural, one {# key} other {# keys}} from shares {shares} (any {threshold} of {total}); each proven against the check value recorded for it:',
  'restore.rebuilt-keys.label': 'Rebuilt keys and their check values',
  'restore.col.check': 'Check value',
  'restore.check-of': '{kind, select, kcv {KCV} other {Public-key SHA-256}} of {keyId}',
  'restore.replica-of':
    'The material of its primary {replicaOf} (a replica holds its primary’s material; the custody set records it, and its check value, under the primary).',
  'restore.fingerprint.title': 'Every witness types the fresh bundle digest',
  'restore.fingerprint.intro':
    'Someone at the online workstation reads the digest of the fresh import-parameters bundle aloud; each witness, for themselves, types it as heard. No custodian hands over a share until every witness has confirmed it.',
  'restore.wrap.button': 'Wrap the rebuilt material',
  'restore.wrapped': 'wrapped; encrypted material SHA-256',
  'restore.expiry': 'Material expiry requested in the bundle',
  'restore.folder': 'Removable media folder for the restored bundle',
  'restore.folder.hint': 'A new folder wrapped-material-…-restored is created inside.',
  'restore.digest': 'Restored wrapped-material bundle digest',
  'restore.heading': 'Custody restore ceremony',
  'restore.lead':
    'For a key whose imported AES material expired: the online workstation fetches fresh import parameters for it; here the custodians’ shares rebuild the same material, which is wrapped for those parameters.',
  'restore.another': 'Start another restore: check the network',
  'restore.abandon': 'Abandon this restore ceremony',
  'restore.parameters.title': 'Read the fresh import parameters',
  'restore.parameters.folder': 'Fresh import-parameters bundle folder',
  'restore.parameters.keys': '; {count, plural, one {key} other {keys}}',
  'restore.receipt.title': 'Write the restore receipt',
  'restore.expiry.had':
    'This material was imported with an expiry ({at, date, utc}): choose what the restored bundle requests; nothing is chosen for you.',
  'restore.backup': 'Custody backup',
  'restore.backup.intro':
    'Shares of a custody set need the ceremony’s backup: a share file brings the copy beside it; from paper, type or paste the printed backup (or the texts of its scanned QR codes).',
  'restore.backup.source': 'The backup comes as',
  'restore.backup.source.file': 'The backup file',
  'restore.backup.source.typed': 'Typed or pasted from the printout',
  'restore.backup.file': 'Backup file',
  'restore.backup.typed': 'Backup text',
  'restore.backup.typed.hint':
    'From the KEYFERRY BACKUP line to the last numbered line, as printed; spaces and letter case do not matter.',
  'restore.backup.present': 'Present the backup',
  'restore.backup.presented':
    'Backup of ceremony {ceremonyId} presented ({keys, plural, one {# material} other {# materials}}, {source, select, typed {typed} other {from its file}}), digest {digest}',
} as const;
