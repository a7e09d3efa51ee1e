/** StartScreen: the mode choice and the version line. */
export const enScreenStart = {
  'start.heading': 'Keyferry key ceremony',
  'start.lead':
    'Keyferry carries key material across an air gap into a cloud KMS, so that no networked machine ever sees the plaintext.',
  'start.network.offline': 'This machine has no live network.',
  'start.network.online': 'This machine has a live network ({interfaces}).',
  'start.mode.legend': 'Choose the mode for this session',
  'start.mode.rehearsal': 'Rehearsal',
  'start.mode.rehearsal.sentence':
    'Run the whole ceremony on this machine against the built-in KMS simulator: no cloud account, no real keys.',
  'start.mode.online': 'Online workstation',
  'start.mode.online.sentence':
    'Connect to Huawei Cloud KMS, create the keys, write the import parameters to removable media, and later import and verify the wrapped material.',
  'start.mode.air-gapped': 'Air-gapped workstation',
  'start.mode.air-gapped.sentence':
    'On the offline machine: check the parameters, have every witness type the bundle digest read aloud from the online side, generate or load the key material, wrap it and print the receipt.',
  'start.air-gapped-until-closed': 'This session is in air-gapped mode until Keyferry is closed.',
  'start.version': 'Keyferry {version} ({build})',
  'language.switch-hint': 'The language of the screens, receipts and slips. Hex, ids and codes are never translated.',
} as const;
