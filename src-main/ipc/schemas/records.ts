/** Journals, receipts and the desktop's path pickers. Renderer-safe. */
import { z } from 'zod';
import { ipcPhraseSchema, pathSchema, recordKindSchema, sha256HexSchema } from './common';
import { MAX_DATA_VALUES, type DataField, type DataValue } from '../../i18n/data-field-shape';

export const sideRequestSchema = z.strictObject({ side: recordKindSchema });

/** An entry's data as the journal screen shows it: see i18n/data-field-shape.ts (read by main, said by the screen). */
export { MAX_DATA_VALUES, type DataField, type DataValue };

const dataValueSchema: z.ZodType<DataValue> = z.lazy(() =>
  z.union([
    z.strictObject({ text: z.string().max(4000) }),
    z.strictObject({ code: z.string().max(4000) }),
    z.strictObject({ hex: z.string().regex(/^[0-9a-fA-F]{2,256}$/) }),
    z.strictObject({ moment: z.number().finite() }),
    z.strictObject({ number: z.number().finite() }),
    z.strictObject({ yes: z.boolean() }),
    z.strictObject({ none: z.literal(true) }),
    z.strictObject({ shortened: z.string().max(100), characters: z.number().int().positive() }),
    z.strictObject({ phrase: ipcPhraseSchema }),
    z.strictObject({ fields: z.array(dataFieldSchema).max(MAX_DATA_VALUES) }),
    z.strictObject({ items: z.array(dataValueSchema).max(MAX_DATA_VALUES) }),
  ]),
);
const dataFieldSchema: z.ZodType<DataField> = z.lazy(() =>
  z.strictObject({ name: z.string().max(200), value: dataValueSchema }),
);

/**
 * Why an entry says it happened, as the receipt reads it: a catalogue phrase, a problem's code and
 * values (with the English the entry recorded, shown when the code has no catalogue text), or an
 * older entry's recorded English only.
 */
const entryReasonSchema = z.union([
  z.strictObject({ phrase: ipcPhraseSchema }),
  z.strictObject({
    problem: z.strictObject({
      code: z.string().max(100),
      values: z.record(z.string(), z.union([z.string(), z.number()])),
      recorded: z.string().max(4000),
    }),
  }),
  z.strictObject({ recorded: z.string().max(4000) }),
]);
export type EntryReason = z.output<typeof entryReasonSchema>;

const journalEntryViewSchema = z.object({
  seq: z.number().int().positive(),
  time: z.string(),
  actor: z.string(),
  event: z.string(),
  /** The entry's data as named fields (the reason apart); strings over 96 characters are shortened. */
  fields: z.array(dataFieldSchema).max(MAX_DATA_VALUES),
  reason: entryReasonSchema.optional(),
  hash: sha256HexSchema,
});
export const journalViewSchema = z.object({
  side: recordKindSchema,
  file: z.string(),
  exists: z.boolean(),
  /** The whole chain verifies (every hash, every link). */
  intact: z.boolean(),
  /** Why it does not verify, when it does not: the line and a `journal.verify.*` phrase. */
  problem: z.object({ line: z.number().int().positive(), reason: ipcPhraseSchema }).nullable(),
  count: z.number().int().nonnegative(),
  head: z.string(),
  entries: z.array(journalEntryViewSchema),
});
export type JournalView = z.output<typeof journalViewSchema>;

export const savePdfRequestSchema = z.strictObject({ side: recordKindSchema, folder: pathSchema });
export const savedPdfSchema = z.object({
  file: z.string(),
  size: z.number().int().nonnegative(),
  sha256: sha256HexSchema,
});
export const printedSchema = z.object({ printed: z.literal(true) });

export const pathPurposeSchema = z.enum([
  'ceremony-folder',
  'read-bundle',
  'write-bundle',
  'save-receipt',
  'custody-folder',
  'material-file',
  'share-file',
  'backup-file',
  'console-file',
  'hsm-module',
  'journal-file',
  'plan-file',
]);
export type PathPurpose = z.output<typeof pathPurposeSchema>;
export const choosePathRequestSchema = z.strictObject({
  purpose: pathPurposeSchema,
  /** Where the picker should open: the field's current path (e.g. the removable volume chosen). */
  startIn: pathSchema.optional(),
});
/** `path` is null when the officer cancelled the dialog. */
export const chosenPathSchema = z.object({ path: z.string().nullable() });
