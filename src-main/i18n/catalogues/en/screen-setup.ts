/** SetupScreen: the ceremony title, people, folder, paper and receipt language. */
export const enScreenSetup = {
  'setup.paperSize.label': 'Receipt paper',
  'setup.paperSize.hint': 'Receipts and custody slips are saved as PDFs on this paper. It is written into the journal.',
  'setup.paperSize.A4': 'A4 (210 × 297 mm)',
  'setup.paperSize.Letter': 'US Letter (8.5 × 11 in)',
  'setup.receiptLanguage.label': 'Receipt language',
  'setup.receiptLanguage.hint':
    'Receipts and custody slips are printed in this language, Chinese characters with their own embedded font. It is written into the journal. None chosen: a journal continued keeps the language it records, and a new one takes the app’s.',
  'setup.receiptLanguage.inUse':
    '{journal} (started): its receipts and custody slips print in this language: {language}.',
  'setup.receiptLanguage.en': 'English',
  'setup.receiptLanguage.zh-CN': '简体中文 (Simplified Chinese)',
  'setup.receiptLanguage.both': 'Both, side by side (English | 简体中文)',
  'setup.rehearsal-title': 'Rehearsal ceremony',
  'setup.heading': 'Ceremony setup',
  'setup.lead': 'Name the ceremony and the people present. They are written into the journal and onto every receipt.',
  'setup.title': 'Ceremony title',
  'setup.operator': 'Operator',
  'setup.operator.hint': 'The person who runs Keyferry.',
  'setup.witnesses': 'Witnesses',
  'setup.witnesses.hint':
    'Each witness, by name, types the bundle digest read aloud from the online workstation. The operator cannot be a witness.',
  'setup.witness': 'Witness {n}',
  'setup.remove-witness': 'Remove witness {n}',
  'setup.add-witness': 'Add a witness',
  'setup.folder': 'Ceremony folder',
  'setup.folder.hint-rehearsal': 'Optional in a rehearsal: left empty, Keyferry makes a fresh temporary folder.',
  'setup.folder.hint':
    'The journal and the receipts of this ceremony are kept here. Choose the folder of an earlier day to continue that ceremony.',
  'setup.save-and-continue': 'Save and continue',
  'setup.materialExpiry': 'Material expiry of AES keys',
  'setup.materialExpiry.hint':
    'When the imported material of each AES key expires, unless the key has its own (in the create step or a plan file): never, a duration from key creation such as 90d, or a date-time with its zone such as 2027-06-30T00:00:00Z, as a plan file’s materialExpiry. It is written into the journal when the online side connects. Imported RSA and EC material never expires.',
} as const;
